-- The synced records, the answer history, blobs and each device's sync position (issue #13).
-- Shipped migrations are never edited; a change is a new file.
--
-- Every pulled table has a `cursor`: the value of `sync_change_seq` taken when the row last
-- changed. A pull returns rows with cursor > the device's cursor, oldest first. Pushes take one
-- advisory lock for their whole transaction (server/sync/push.ts), so cursors are handed out in
-- commit order and a pull never passes over a row that commits late.
--
-- Record ids are text: responses, tasks and attachments carry device-made UUIDs, templates and
-- items carry slugs (`dorm-room-safety`). Clocks (`hlc`) are fixed-width text, so `text` order is
-- clock order (src/core/sync/hlc.ts).

create sequence sync_change_seq;

-- A template's metadata and unpublished draft: the later clock wins.
create table templates (
  id     text primary key,
  row    jsonb not null,
  hlc    text not null,
  cursor bigint not null
);
create index templates_cursor_idx on templates (cursor);

-- Published versions: written once, never changed (the same id with other content is refused).
create table template_versions (
  template_id  text not null,
  version      int not null check (version >= 1),
  content      jsonb not null,
  -- The device's ISO text, kept as sent so a pull gives back exactly what was published.
  published_at text not null,
  created_at   timestamptz not null default now(),
  cursor       bigint not null,
  primary key (template_id, version)
);
create index template_versions_cursor_idx on template_versions (cursor);

-- A response's header (no answers, no derived fields) and the score the server computed itself.
create table responses (
  id               text primary key,
  template_id      text not null,
  template_version int not null,
  header           jsonb not null,
  status           text not null check (status in ('draft', 'submitted')),
  deleted          boolean not null default false,
  hlc              text not null,
  -- Scored by the server with core's scoreResponse on submission; null for drafts.
  total            numeric,
  percent          numeric,
  band             text,
  result           jsonb,
  cursor           bigint not null,
  foreign key (template_id, template_version) references template_versions (template_id, version)
);
create index responses_cursor_idx on responses (cursor);
create index responses_template_idx on responses (template_id, template_version);

-- One row per response and item, so merges are per answer.
create table answers (
  response_id text not null references responses (id),
  item_id     text not null,
  answer      jsonb not null,
  hlc         text not null,
  -- The device that pushed the answer held here.
  device_id   uuid,
  cursor      bigint not null,
  primary key (response_id, item_id)
);
create index answers_cursor_idx on answers (cursor);

-- Answers that lost a merge (an older edit, a draft answer to a submitted response, the answers a
-- submission replaced). Stored once per content: the same loser pushed again is one row.
create table answer_history (
  id          bigserial primary key,
  response_id text not null,
  item_id     text not null,
  answer      jsonb not null,
  -- core's fingerprint of the answer (src/core/exchange/bundle/hash.ts), as bundles key it.
  hash        text not null,
  device_id   uuid,
  recorded_at timestamptz not null default now(),
  unique (response_id, item_id, hash)
);

-- Rectification tasks: the later clock wins.
create table tasks (
  id     text primary key,
  row    jsonb not null,
  hlc    text not null,
  cursor bigint not null
);
create index tasks_cursor_idx on tasks (cursor);

-- Attachment metadata: immutable. The bytes are in `blobs`, addressed by sha256.
create table attachments (
  id          text primary key,
  response_id text not null,
  sha256      text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  meta        jsonb not null,
  created_at  timestamptz not null default now(),
  cursor      bigint not null
);
create index attachments_cursor_idx on attachments (cursor);
create index attachments_sha256_idx on attachments (sha256);

-- Content-addressed bytes (photos, files). The default store; an S3-compatible one can replace it.
create table blobs (
  sha256     text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
  bytes      bytea not null,
  size       int not null check (size >= 0),
  created_at timestamptz not null default now()
);

-- Where each device stands: the highest outbox seq applied (pushes at or below it are replays).
create table device_sync (
  device_id    uuid primary key references devices (id),
  applied_seq  bigint not null default 0,
  last_push_at timestamptz,
  last_pull_at timestamptz
);
