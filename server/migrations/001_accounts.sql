-- Accounts, devices, sessions, login throttling and the audit log (issue #13).
-- Shipped migrations are never edited; a change is a new file.

create table users (
  id            uuid primary key,
  username      text not null,
  display_name  text not null,
  -- admin | member (scoped roles come with plans, issue #14)
  role          text not null check (role in ('admin', 'member')),
  password_hash text not null,
  disabled      boolean not null default false,
  created_at    timestamptz not null default now(),
  last_login_at timestamptz
);
-- Usernames are unique whatever their case: 'Admin' and 'admin' are one person.
create unique index users_username_key on users (lower(username));

-- A tablet or browser a user signed in on. Its id is chosen by the device (a UUID it keeps).
create table devices (
  id           uuid primary key,
  user_id      uuid not null references users (id),
  name         text not null,
  created_at   timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  last_sync_at timestamptz,
  revoked_at   timestamptz
);
create index devices_user_idx on devices (user_id);

-- Sessions: only the SHA-256 of the token is stored, so a copy of the database signs no one in.
create table sessions (
  token_hash   bytea primary key,
  user_id      uuid not null references users (id),
  device_id    uuid not null references devices (id),
  csrf_token   text not null,
  created_at   timestamptz not null default now(),
  last_used_at timestamptz not null default now(),
  -- 30 days after the last use: a tablet offline for weeks stays signed in.
  expires_at   timestamptz not null,
  revoked_at   timestamptz
);
create index sessions_user_idx on sessions (user_id);
create index sessions_device_idx on sessions (device_id);

-- Failed sign-ins per username (lower-case) and per client address: the lockout reads these.
create table login_failures (
  id       bigserial primary key,
  username text not null,
  address  text not null,
  at       timestamptz not null default now()
);
create index login_failures_username_idx on login_failures (username, at);
create index login_failures_address_idx on login_failures (address, at);

create table audit_log (
  id        bigserial primary key,
  at        timestamptz not null default now(),
  action    text not null,
  user_id   uuid references users (id),
  device_id uuid,
  detail    jsonb not null default '{}'::jsonb
);
create index audit_log_at_idx on audit_log (at desc);
