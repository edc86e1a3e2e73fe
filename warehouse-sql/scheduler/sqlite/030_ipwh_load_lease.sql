-- IPWH_LOAD_LEASE: who is running a load right now, across every scheduler node on this job store.
-- Hangfire has no lock that is renewed while a load runs and that makes a second fire skip; this lease is that:
-- a second fire or run-now finds it taken and does nothing, and a cancel reaches the node that holds it.
-- Grain: one row per lease (there is one: 'load'). Key: LEASE_NAME.
-- A lease whose EXPIRES_AT (Unix milliseconds) has passed belongs to nobody: a killed node's lease
-- lapses by itself, because a live holder renews it every few seconds.

CREATE TABLE IF NOT EXISTS IPWH_LOAD_LEASE (
  LEASE_NAME       VARCHAR(40) NOT NULL,
  HOLDER           VARCHAR(200) NOT NULL,
  ACQUIRED_AT      BIGINT NOT NULL,
  EXPIRES_AT       BIGINT NOT NULL,
  BATCH_ID         VARCHAR(64) NULL,
  TRIGGER_KIND     VARCHAR(20) NULL,
  CANCEL_REQUESTED INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (LEASE_NAME)
);
