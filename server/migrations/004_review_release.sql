-- Review as a step (issue #14): a submitted review reaches the reviewed only once released.
-- Set by the server (POST /api/reviews/<id>/release), never taken from a device.
alter table responses add column released_at timestamptz;
