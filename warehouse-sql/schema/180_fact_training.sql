-- fact_training: IP training events (知识产权培训) and their attendance.
-- Grain: one row per training event.
-- Key: event_id. A later source row with the same id updates the row.
-- Constraints: no primary key or unique constraint, like every fact (one loader path for all); the
-- loader dedupes by event_id in SQL.

CREATE TABLE IF NOT EXISTS fact_training (
  event_id     VARCHAR NOT NULL,
  event_date   DATE NOT NULL,
  region_code  VARCHAR NOT NULL,
  person_times BIGINT NOT NULL,
  topic        VARCHAR,
  source_name        VARCHAR NOT NULL,
  batch_id           VARCHAR NOT NULL,
  source_file        VARCHAR,
  source_row         BIGINT NOT NULL,
  first_loaded_batch VARCHAR NOT NULL,
  updated_batch      VARCHAR NOT NULL,
  given_region_code  VARCHAR,
  attribution_method VARCHAR DEFAULT 'code'
);

COMMENT ON TABLE fact_training IS '培训事实表 IP training events: one row per event (key event_id); training_person_times sums person_times';
COMMENT ON COLUMN fact_training.event_id IS '活动编号 event id as given';
COMMENT ON COLUMN fact_training.event_date IS '日期 event date (DATE)';
COMMENT ON COLUMN fact_training.region_code IS '行政区划代码 region that held the event (GB/T 2260 six-digit code, dim_region), as given';
COMMENT ON COLUMN fact_training.person_times IS '培训人次 attendance (人次 person-times)';
COMMENT ON COLUMN fact_training.topic IS '主题 topic, free text; NULL when not given';
COMMENT ON COLUMN fact_training.source_name IS '来源名称 source (its name in ipwh.json) that delivered the current values';
COMMENT ON COLUMN fact_training.batch_id IS '批次号 batch that wrote the current values of this row (etl_batch.batch_id); source_file and source_row locate them in that batch''s source';
COMMENT ON COLUMN fact_training.source_file IS '来源文件 where the row was read: file path for csv/xlsx sources, table name for a database table, NULL for a database query';
COMMENT ON COLUMN fact_training.source_row IS '来源行号 row as the operator sees it: CSV line number, worksheet row number, or ordinal 1..n of a database result';
COMMENT ON COLUMN fact_training.first_loaded_batch IS '首次载入批次 batch that first inserted this key (etl_batch.batch_id)';
COMMENT ON COLUMN fact_training.updated_batch IS '最近变更批次 batch that last changed a value of this row (etl_batch.batch_id); equals first_loaded_batch until a later delivery changes something (a re-sent identical row changes nothing)';
COMMENT ON COLUMN fact_training.given_region_code IS '给定区划代码 region code as given (GB/T 2260 six-digit code) when it was a retired code (region_succession) and region_code is its current successor (attribution_method code_succeeded); NULL otherwise';
COMMENT ON COLUMN fact_training.attribution_method IS '归属方式 how region_code was found: code (the given region code) | code_succeeded (a retired given code, kept in given_region_code, followed through region_succession to the one code that succeeds it today)';
