-- ipwh_load_lease: who is running a load right now, across every scheduler node on this job store.
-- Hangfire has no lock that is renewed while a load runs and that makes a second fire skip; this lease is that:
-- a second fire or run-now finds it taken and does nothing, and a cancel reaches the node that holds it.
-- Grain: one row per lease (there is one: 'load'). Key: lease_name.
-- A lease whose expires_at (Unix milliseconds) has passed belongs to nobody: a killed node's lease
-- lapses by itself, because a live holder renews it every few seconds.

CREATE TABLE IF NOT EXISTS ipwh_load_lease (
  lease_name       VARCHAR(40) NOT NULL,
  holder           VARCHAR(200) NOT NULL,
  acquired_at      BIGINT NOT NULL,
  expires_at       BIGINT NOT NULL,
  batch_id         VARCHAR(64) NULL,
  trigger_kind     VARCHAR(20) NULL,
  cancel_requested INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (lease_name)
);
