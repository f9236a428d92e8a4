-- Placeholder on branch h-p95 only: number 004 belongs to another branch's migration, and
-- readMigrations refuses gaps. Drop this file at merge (005_cursor_horizon.sql follows that 004).
select 1;
