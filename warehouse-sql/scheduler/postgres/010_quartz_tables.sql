-- Quartz.NET 3.x job store tables for PostgreSQL (also the clustered store: several `ipwh serve`
-- nodes share these tables and each trigger fires on one of them). Our own DDL, written from
-- Quartz's published table layout; column names and types are the ones its AdoJobStore
-- (PostgreSQLDelegate) reads and writes, so they must not be renamed.
-- Idempotent: every object is created only if missing, so this runs at every start of `ipwh serve`;
-- the runner holds an advisory lock meanwhile, so nodes starting together do not race.
-- Unquoted names: PostgreSQL folds them to lower case, as Quartz's own queries (QRTZ_…) do too.
-- Grain and key of each table:
--   qrtz_job_details        one row per job                      key (sched_name, job_name, job_group)
--   qrtz_triggers           one row per trigger                  key (sched_name, trigger_name, trigger_group)
--   qrtz_simple_triggers, qrtz_simprop_triggers, qrtz_cron_triggers, qrtz_blob_triggers
--                           one row per trigger of that type     key as qrtz_triggers
--   qrtz_calendars          one row per calendar                 key (sched_name, calendar_name)
--   qrtz_paused_trigger_grps one row per paused group            key (sched_name, trigger_group)
--   qrtz_fired_triggers     one row per trigger firing now       key (sched_name, entry_id)
--   qrtz_scheduler_state    one row per scheduler instance       key (sched_name, instance_name)
--   qrtz_locks              one row per Quartz lock              key (sched_name, lock_name)
-- Times are .NET ticks (100 ns since 0001-01-01 UTC), as Quartz stores them.

CREATE TABLE IF NOT EXISTS qrtz_job_details (
  sched_name        TEXT NOT NULL,
  job_name          TEXT NOT NULL,
  job_group         TEXT NOT NULL,
  description       TEXT NULL,
  job_class_name    TEXT NOT NULL,
  is_durable        BOOL NOT NULL,
  is_nonconcurrent  BOOL NOT NULL,
  is_update_data    BOOL NOT NULL,
  requests_recovery BOOL NOT NULL,
  job_data          BYTEA NULL,
  PRIMARY KEY (sched_name, job_name, job_group)
);

CREATE TABLE IF NOT EXISTS qrtz_triggers (
  sched_name             TEXT NOT NULL,
  trigger_name           TEXT NOT NULL,
  trigger_group          TEXT NOT NULL,
  job_name               TEXT NOT NULL,
  job_group              TEXT NOT NULL,
  description            TEXT NULL,
  next_fire_time         BIGINT NULL,
  prev_fire_time         BIGINT NULL,
  priority               INTEGER NULL,
  trigger_state          TEXT NOT NULL,
  trigger_type           TEXT NOT NULL,
  start_time             BIGINT NOT NULL,
  end_time               BIGINT NULL,
  calendar_name          TEXT NULL,
  misfire_instr          SMALLINT NULL,
  misfire_orig_fire_time BIGINT NULL,
  execution_group        TEXT NULL,
  preferred_node         TEXT NULL,
  preferred_node_auto    BOOL NOT NULL DEFAULT FALSE,
  job_data               BYTEA NULL,
  PRIMARY KEY (sched_name, trigger_name, trigger_group),
  FOREIGN KEY (sched_name, job_name, job_group) REFERENCES qrtz_job_details (sched_name, job_name, job_group)
);

CREATE TABLE IF NOT EXISTS qrtz_simple_triggers (
  sched_name      TEXT NOT NULL,
  trigger_name    TEXT NOT NULL,
  trigger_group   TEXT NOT NULL,
  repeat_count    BIGINT NOT NULL,
  repeat_interval BIGINT NOT NULL,
  times_triggered BIGINT NOT NULL,
  PRIMARY KEY (sched_name, trigger_name, trigger_group),
  FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS qrtz_simprop_triggers (
  sched_name    TEXT NOT NULL,
  trigger_name  TEXT NOT NULL,
  trigger_group TEXT NOT NULL,
  str_prop_1    TEXT NULL,
  str_prop_2    TEXT NULL,
  str_prop_3    TEXT NULL,
  int_prop_1    INTEGER NULL,
  int_prop_2    INTEGER NULL,
  long_prop_1   BIGINT NULL,
  long_prop_2   BIGINT NULL,
  dec_prop_1    NUMERIC NULL,
  dec_prop_2    NUMERIC NULL,
  BOOL_prop_1   BOOL NULL,
  BOOL_prop_2   BOOL NULL,
  time_zone_id  TEXT NULL,
  PRIMARY KEY (sched_name, trigger_name, trigger_group),
  FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS qrtz_cron_triggers (
  sched_name      TEXT NOT NULL,
  trigger_name    TEXT NOT NULL,
  trigger_group   TEXT NOT NULL,
  cron_expression TEXT NOT NULL,
  time_zone_id    TEXT,
  PRIMARY KEY (sched_name, trigger_name, trigger_group),
  FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS qrtz_blob_triggers (
  sched_name    TEXT NOT NULL,
  trigger_name  TEXT NOT NULL,
  trigger_group TEXT NOT NULL,
  blob_data     BYTEA NULL,
  PRIMARY KEY (sched_name, trigger_name, trigger_group),
  FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS qrtz_calendars (
  sched_name    TEXT NOT NULL,
  calendar_name TEXT NOT NULL,
  calendar      BYTEA NOT NULL,
  PRIMARY KEY (sched_name, calendar_name)
);

CREATE TABLE IF NOT EXISTS qrtz_paused_trigger_grps (
  sched_name    TEXT NOT NULL,
  trigger_group TEXT NOT NULL,
  PRIMARY KEY (sched_name, trigger_group)
);

CREATE TABLE IF NOT EXISTS qrtz_fired_triggers (
  sched_name        TEXT NOT NULL,
  entry_id          TEXT NOT NULL,
  trigger_name      TEXT NOT NULL,
  trigger_group     TEXT NOT NULL,
  instance_name     TEXT NOT NULL,
  fired_time        BIGINT NOT NULL,
  sched_time        BIGINT NOT NULL,
  priority          INTEGER NOT NULL,
  state             TEXT NOT NULL,
  job_name          TEXT NULL,
  job_group         TEXT NULL,
  is_nonconcurrent  BOOL NULL,
  requests_recovery BOOL NULL,
  execution_group   TEXT NULL,
  PRIMARY KEY (sched_name, entry_id)
);

CREATE TABLE IF NOT EXISTS qrtz_scheduler_state (
  sched_name        TEXT NOT NULL,
  instance_name     TEXT NOT NULL,
  last_checkin_time BIGINT NOT NULL,
  checkin_interval  BIGINT NOT NULL,
  PRIMARY KEY (sched_name, instance_name)
);

CREATE TABLE IF NOT EXISTS qrtz_locks (
  sched_name TEXT NOT NULL,
  lock_name  TEXT NOT NULL,
  PRIMARY KEY (sched_name, lock_name)
);

CREATE INDEX IF NOT EXISTS idx_qrtz_j_g_n ON qrtz_job_details (sched_name, job_group, job_name);
CREATE INDEX IF NOT EXISTS idx_qrtz_t_g_n ON qrtz_triggers (sched_name, trigger_group, trigger_name);
CREATE INDEX IF NOT EXISTS idx_qrtz_t_nft_st ON qrtz_triggers (sched_name, trigger_state, next_fire_time);
CREATE INDEX IF NOT EXISTS idx_qrtz_ft_trig_inst_name ON qrtz_fired_triggers (sched_name, instance_name);
