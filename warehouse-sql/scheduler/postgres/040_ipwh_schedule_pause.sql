-- ipwh_schedule_pause: the nightly schedule paused by an operator (ipwh jobs pause), for every node of the store.
-- Hangfire has no pause; a nightly fire finds this row, does nothing and records skipped_at, and resume runs one
-- catch-up load when a fire was skipped. Grain: one row per paused schedule (there is one: 'nightly'). Key: schedule_name.
CREATE TABLE IF NOT EXISTS ipwh_schedule_pause (
  schedule_name VARCHAR(40) NOT NULL,
  paused_at     BIGINT NOT NULL,
  paused_by     VARCHAR(200) NOT NULL,
  skipped_at    BIGINT NULL,
  PRIMARY KEY (schedule_name)
);
