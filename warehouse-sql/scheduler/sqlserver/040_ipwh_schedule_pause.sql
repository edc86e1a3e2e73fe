-- IPWH_SCHEDULE_PAUSE: the nightly schedule paused by an operator (ipwh jobs pause), for every node of the store.
-- Hangfire has no pause; a nightly fire finds this row, does nothing and records SKIPPED_AT, and resume runs one
-- catch-up load when a fire was skipped. Grain: one row per paused schedule (there is one: 'nightly'). Key: SCHEDULE_NAME.

IF OBJECT_ID(N'IPWH_SCHEDULE_PAUSE', N'U') IS NULL
CREATE TABLE IPWH_SCHEDULE_PAUSE (
  SCHEDULE_NAME VARCHAR(40) NOT NULL,
  PAUSED_AT     BIGINT NOT NULL,
  PAUSED_BY     VARCHAR(200) NOT NULL,
  SKIPPED_AT    BIGINT NULL,
  PRIMARY KEY (SCHEDULE_NAME)
);
