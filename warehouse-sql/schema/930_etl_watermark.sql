-- etl_watermark: the incremental-extraction state of the sources configured with a watermark column:
-- the next load reads only rows above it. The loader's own state; not published to readers (the
-- history is in etl_source_run.watermark_before/after).
-- Grain: one row per source with a watermark.
-- Key: source_name.
-- Constraints: a primary key, because the table is tiny.

CREATE TABLE IF NOT EXISTS etl_watermark (
  source_name VARCHAR NOT NULL,
  watermark   VARCHAR NOT NULL,
  batch_id    VARCHAR NOT NULL,
  updated_at  TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (source_name)
);

COMMENT ON TABLE etl_watermark IS '水位表 incremental-extraction state: one row per source with a watermark column (key source_name); the next load reads only rows above it';
COMMENT ON COLUMN etl_watermark.source_name IS '来源名称 source, its name in ipwh.json';
COMMENT ON COLUMN etl_watermark.watermark IS '水位 largest watermark value loaded, as text (ISO 8601 timestamp or number)';
COMMENT ON COLUMN etl_watermark.batch_id IS '批次号 the load that set it (etl_batch.batch_id)';
COMMENT ON COLUMN etl_watermark.updated_at IS '更新时间 when it was set (TIMESTAMPTZ)';
