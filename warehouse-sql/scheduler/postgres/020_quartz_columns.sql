-- Migration of qrtz_triggers created by older Quartz 3.x scripts: the columns later 3.x releases read.
-- Grain and key: unchanged (one row per trigger, key sched_name, trigger_name, trigger_group).
-- Idempotent: ADD COLUMN IF NOT EXISTS.

ALTER TABLE qrtz_triggers ADD COLUMN IF NOT EXISTS misfire_orig_fire_time BIGINT NULL;
ALTER TABLE qrtz_triggers ADD COLUMN IF NOT EXISTS execution_group TEXT NULL;
ALTER TABLE qrtz_triggers ADD COLUMN IF NOT EXISTS preferred_node TEXT NULL;
ALTER TABLE qrtz_triggers ADD COLUMN IF NOT EXISTS preferred_node_auto BOOL NOT NULL DEFAULT FALSE;
ALTER TABLE qrtz_triggers ADD COLUMN IF NOT EXISTS job_data BYTEA NULL;
ALTER TABLE qrtz_fired_triggers ADD COLUMN IF NOT EXISTS execution_group TEXT NULL;
