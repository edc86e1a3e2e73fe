-- etl_source_run: what each load did with each configured source, including how many rows it read,
-- accepted and quarantined. Nothing is dropped silently: for a succeeded run,
-- rows_read = rows_accepted + rows_quarantined. That rule is not a CHECK: an arithmetic CHECK breaks
-- DuckDB 1.5.6's write-ahead-log replay of COMMENT ON (see 010_dim_region.sql); the loader's tests hold it.
-- Grain: one row per source per batch.
-- Key: (batch_id, source_name).
-- Constraints: a primary key and a status check, because the table is small (sources x nights) and this
-- schema owns its vocabulary.

CREATE TABLE IF NOT EXISTS etl_source_run (
  batch_id         VARCHAR NOT NULL,
  source_name      VARCHAR NOT NULL,
  kind             VARCHAR NOT NULL,
  connector        VARCHAR NOT NULL,
  status           VARCHAR NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'skipped')),
  rows_read        BIGINT NOT NULL DEFAULT 0,
  rows_accepted    BIGINT NOT NULL DEFAULT 0,
  rows_quarantined BIGINT NOT NULL DEFAULT 0,
  started_at       TIMESTAMPTZ,
  finished_at      TIMESTAMPTZ,
  watermark_before VARCHAR,
  watermark_after  VARCHAR,
  message          VARCHAR,
  PRIMARY KEY (batch_id, source_name)
);

COMMENT ON TABLE etl_source_run IS '来源运行表 one row per source per batch (key batch_id + source_name): rows read, accepted and quarantined; for a succeeded run rows_read = rows_accepted + rows_quarantined, nothing is dropped silently';
COMMENT ON COLUMN etl_source_run.batch_id IS '批次号 the load (etl_batch.batch_id)';
COMMENT ON COLUMN etl_source_run.source_name IS '来源名称 source, its name in ipwh.json';
COMMENT ON COLUMN etl_source_run.kind IS '数据类别 kind of data: patents | trademarks | cases | subsidies | population | targets | designations | training';
COMMENT ON COLUMN etl_source_run.connector IS '连接方式 connector: csv | xlsx | sqlserver | postgres | sqlite';
COMMENT ON COLUMN etl_source_run.status IS '状态 status: running 运行中 | succeeded 成功 | failed 失败 (nothing of the source loaded) | skipped 跳过';
COMMENT ON COLUMN etl_source_run.rows_read IS '读取行数 data rows read (行 rows; title rows, the header and blank rows are not rows)';
COMMENT ON COLUMN etl_source_run.rows_accepted IS '接收行数 rows that passed validation into the facts (行 rows)';
COMMENT ON COLUMN etl_source_run.rows_quarantined IS '隔离行数 rows quarantined into etl_reject (行 rows)';
COMMENT ON COLUMN etl_source_run.started_at IS '开始时间 when the source started loading (TIMESTAMPTZ); NULL when skipped';
COMMENT ON COLUMN etl_source_run.finished_at IS '结束时间 when the source finished (TIMESTAMPTZ); NULL while running or when skipped';
COMMENT ON COLUMN etl_source_run.watermark_before IS '起始水位 watermark before this run, as text (ISO 8601 timestamp or number); NULL for a full read';
COMMENT ON COLUMN etl_source_run.watermark_after IS '结束水位 largest watermark value this run read, as text (ISO 8601 timestamp or number); NULL for a full read';
COMMENT ON COLUMN etl_source_run.message IS '说明 the error that failed the source, or why it was skipped; NULL when none';
