-- Change cursors from the writing transaction's id, and the pull's commit horizon (issue #13,
-- docs/design/push-lock.md). Shipped migrations are never edited; a change is a new file.
--
-- Until now every push held one advisory lock from its first cursor to COMMIT, so cursors followed
-- commit order and `cursor > after` never stepped over a late row. That serialised every push.
-- Now a cursor is `(xid + base) * 2^20 + n`: `xid` the writing transaction's pg_current_xact_id(),
-- `n` its 1st, 2nd, … cursor, `base` cursor_base() (below). A pull reads only cursors below
-- cursor_horizon(): every transaction that could still write a cursor there has finished, so
-- every row below it is visible to the pull's snapshot or will never exist.
--
-- Rows written before this migration keep their sequence cursors, all below every new cursor, so
-- a device's saved cursor stays valid. Cursors stay exact JS numbers while xid + base < 2^33.

-- `base` moves new cursors above every cursor already stored. It is 0 on a new database; it only
-- matters where the transaction counter is behind the stored cursors: sequence cursors before
-- this migration, or a dump restored into a new cluster (whose counter starts again low). It only
-- ever grows, so the horizon never moves back. A constant function, not a table row: nothing to
-- read per transaction, and nothing a `truncate` of every table can take away.
create function cursor_base() returns bigint language sql immutable as 'select 0::bigint';

-- Raises `base` until the lowest cursor a transaction can still take lies above every stored one
-- (replacing cursor_base() invalidates every plan that used it). Run by this migration and on
-- every server start (server/db/open.ts), which covers a restore; under the migration lock
-- (server/db/migrate.ts), so two servers starting at once do not replace it together. Reads
-- every table with a `cursor` column, so a new synced table needs nothing here.
create function rebase_cursors() returns bigint language plpgsql as $$
declare
  top bigint := (select case when is_called then last_value else 0 end from sync_change_seq);
  t record;
  m bigint;
  need bigint;
begin
  perform pg_advisory_xact_lock(7411502);
  for t in select c.table_name from information_schema.columns c
            where c.table_schema = current_schema() and c.column_name = 'cursor' and c.data_type = 'bigint'
  loop
    execute format('select max(cursor) from %I', t.table_name) into m;
    top := greatest(top, coalesce(m, 0));
  end loop;
  -- Every transaction still to take a cursor has an xid at or above the snapshot's xmin.
  need := top / 1048576 + 1 - pg_snapshot_xmin(pg_current_snapshot())::text::bigint;
  if need <= cursor_base() then return cursor_base(); end if;
  execute format('create or replace function cursor_base() returns bigint language sql immutable as %L', format('select %s::bigint', need));
  return need;
end $$;
select rebase_cursors();

-- The next change cursor of this transaction. Every writer of a `cursor` column calls it
-- (NEXT_CURSOR, server/sync/sql.ts). The transaction's last cursor is kept in a transaction-local
-- setting, so only the first call reads the xid and the base.
create function next_cursor() returns bigint language plpgsql volatile as $$
declare
  last text := current_setting('qingdan.cursor', true);
  c bigint;
begin
  if last is null or last = '' then
    c := (pg_current_xact_id()::text::bigint + cursor_base()) * 1048576 + 1;
  else
    c := last::bigint + 1;
    if c % 1048576 = 0 then raise exception 'one transaction took more than 1048575 change cursors'; end if;
  end if;
  perform set_config('qingdan.cursor', c::text, true);
  return c;
end $$;

-- The pull's upper bound, from the calling statement's snapshot (a stable SQL function shares
-- it): the lowest xid still running that may write here, times 2^20. Transactions without an xid
-- (read-only ones) hold nothing back. A running transaction seen in ANOTHER database of the
-- cluster is skipped: xids are cluster-wide, but it cannot write a row here. One that has ended
-- since the snapshot, or whose database is unknown, counts (a short delay, never a skipped row).
-- A long-running writing transaction here holds pulls at its xid until it ends: nothing is lost,
-- devices just see newer rows later.
create function cursor_horizon() returns bigint language sql stable as $$
  select (coalesce(
            (select min(x) from pg_snapshot_xip(pg_current_snapshot()) as x
              where not exists (select 1 from pg_stat_get_activity(null) as s
                                 where s.backend_xid = x::xid
                                   and s.datid <> (select oid from pg_database where datname = current_database()))),
            pg_snapshot_xmax(pg_current_snapshot()))::text::bigint
          + cursor_base()) * 1048576
$$;
