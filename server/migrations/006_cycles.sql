-- Evaluation cycles (评审周期, issue #15). Shipped migrations are never edited; a change is a new file.
--
-- A cycle reaches devices by pull like a plan: its `cursor` comes from next_cursor() (migration
-- 005, NEXT_CURSOR in server/sync/sql.ts), and rebase_cursors() finds the new column by itself.

-- A cycle as the API sends it (SyncCycle: the CycleInput with `people`, `updatedAt` and, once
-- released, `releasedAt` filled in), kept whole so a pull returns exactly what was written.
create table cycles (
  id            text primary key,
  -- Every branch of the cycle lies under it; editing and releasing need register.edit on it.
  scope_id      text not null references scopes (id),
  body          jsonb not null,
  -- The panel now (lower-case usernames): GET /api/cycles lists the cycle for them wherever
  -- their grants are.
  member_names  text[] not null default '{}',
  -- Everyone ever on the panel: the pull sends them each change, so a reviewer taken off the
  -- panel learns it instead of keeping the old queue (as plans' reached_ids).
  reached_names text[] not null default '{}',
  -- Set once by POST /api/cycles/<id>/release; a released cycle is never replaced.
  released_at   timestamptz,
  created_by    uuid not null references users (id),
  created_at    timestamptz not null,
  updated_at    timestamptz not null,
  cursor        bigint not null
);
create index cycles_cursor_idx on cycles (cursor);
create index cycles_scope_idx on cycles (scope_id);
create index cycles_reached_idx on cycles using gin (reached_names);

-- The reviews of a cycle, found by the release without reading every response.
create index responses_cycle_idx on responses ((header->>'cycleId')) where header->>'role' = 'review';
