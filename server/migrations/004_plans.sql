-- Inspection plans, register entries that sync, and review release (issue #14).
-- Shipped migrations are never edited; a change is a new file.
--
-- Plans and register entries reach devices by pull, so each carries a `cursor` from the same
-- `sync_change_seq` as the other synced tables, stamped only under the push lock
-- (server/sync/push.ts, PUSH_LOCK): every write here takes it before taking a number.

-- A plan as the API sends it (SyncPlan: the PlanInput with `people` and `updatedAt` filled in),
-- kept whole so a pull returns exactly what was written.
create table plans (
  id           text primary key,
  -- Every subject of the plan lies under it; editing the plan needs register.edit on it.
  scope_id     text not null references scopes (id),
  body         jsonb not null,
  -- The users the plan assigns now (its assignees and reassignments): GET /api/plans lists the
  -- plan for them wherever their grants are.
  assignee_ids text[] not null default '{}',
  -- Everyone the plan has ever assigned: the pull sends them each change, so a tablet whose user
  -- was taken off the plan learns it instead of keeping the old assignments.
  reached_ids  text[] not null default '{}',
  created_at   timestamptz not null,
  updated_at   timestamptz not null,
  cursor       bigint not null
);
create index plans_cursor_idx on plans (cursor);
create index plans_scope_idx on plans (scope_id);
create index plans_reached_idx on plans using gin (reached_ids);

-- Register entries sync: a cursor and the time of the last change; `responsible` is the person
-- the register names for it (RegisterSubject.responsible). Entries stored before this migration
-- get numbers now, under the push lock (7411513, PUSH_LOCK) like every cursor, in case another
-- server process is pushing meanwhile.
alter table subjects add column responsible text;
alter table subjects add column updated_at timestamptz not null default now();
alter table subjects add column cursor bigint;
select pg_advisory_xact_lock(7411513);
update subjects set cursor = nextval('sync_change_seq');
alter table subjects alter column cursor set not null;
create index subjects_cursor_idx on subjects (cursor);

-- When a submitted review was released to the reviewed (set by the server, never by a device).
alter table responses add column released_at timestamptz;
