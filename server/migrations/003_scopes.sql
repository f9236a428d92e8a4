-- Roles on scopes, the register, and the scope of every response and task (issue #14).
-- Shipped migrations are never edited; a change is a new file.
--
-- The tree is checked by core's ScopeTree.build before any write (server/access/routes.ts); the
-- foreign keys here only keep rows from pointing at nothing. While `scopes` is empty the server
-- enforces nothing beyond sign-in: every member sees every record, as before scopes existed.

create table scopes (
  id         text primary key,
  parent_id  text references scopes (id),
  kind       text not null check (kind in ('college', 'department', 'building', 'floor', 'committee', 'branch')),
  name       text not null,
  created_at timestamptz not null default now()
);
create index scopes_parent_idx on scopes (parent_id);

-- A user holds a role on a scope; it reaches every scope under it. users.role = 'admin' stays the
-- account administrator and counts as admin on every root without a row here.
create table role_grants (
  id         uuid primary key,
  user_id    uuid not null references users (id),
  role       text not null check (role in ('admin', 'designer', 'inspector', 'reviewer', 'viewer')),
  scope_id   text not null references scopes (id),
  granted_at timestamptz not null default now(),
  unique (user_id, role, scope_id)
);
create index role_grants_user_idx on role_grants (user_id);

-- The register: rooms, branches, teachers. A room's scope is its floor; a branch's the branch.
-- `fields` are what a response header's subject carries ({"building": "3号楼", "floor": 3, "room": "301"}).
create table subjects (
  id       text primary key,
  kind     text not null,
  scope_id text not null references scopes (id),
  fields   jsonb not null,
  label    text not null,
  version  int not null default 1,
  archived boolean not null default false
);
create index subjects_scope_idx on subjects (scope_id);
create index subjects_fields_idx on subjects using gin (fields jsonb_path_ops);

-- Where a template is published.
create table template_scopes (
  template_id text not null,
  scope_id    text not null references scopes (id),
  primary key (template_id, scope_id)
);
create index template_scopes_scope_idx on template_scopes (scope_id);

-- Set by the server on push, never taken from a device; null for rows from before scopes.
alter table responses add column scope_id text references scopes (id);
create index responses_scope_idx on responses (scope_id);
alter table tasks add column scope_id text references scopes (id);
create index tasks_scope_idx on tasks (scope_id);
