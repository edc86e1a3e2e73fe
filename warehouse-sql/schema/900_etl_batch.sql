-- etl_batch: the loads themselves. One load = one batch id; every fact row, source run and reject names
-- its batch, so any figure can be traced to the load that produced it.
-- Grain: one row per batch (one run of ipwh load over the configured sources).
-- Key: batch_id.
-- Constraints: a primary key and a status check, because the table is small (one row a night) and this
-- schema owns its vocabulary.

CREATE TABLE IF NOT EXISTS etl_batch (
  batch_id     VARCHAR NOT NULL,
  status       VARCHAR NOT NULL CHECK (status IN ('running', 'succeeded', 'partial', 'failed', 'cancelled')),
  trigger      VARCHAR NOT NULL,
  started_at   TIMESTAMPTZ NOT NULL,
  finished_at  TIMESTAMPTZ,
  published_at TIMESTAMPTZ,
  as_of        TIMESTAMPTZ,
  message      VARCHAR,
  PRIMARY KEY (batch_id)
);

COMMENT ON TABLE etl_batch IS '批次表 loads: one row per batch, i.e. per run of ipwh load over the configured sources (key batch_id); every fact row, source run and reject names its batch';
COMMENT ON COLUMN etl_batch.batch_id IS '批次号 batch id, unique per load';
COMMENT ON COLUMN etl_batch.status IS '状态 status: running 运行中 | succeeded 成功 | partial 部分成功 (some sources failed, the rest published) | failed 失败 | cancelled 已取消';
COMMENT ON COLUMN etl_batch.trigger IS '触发方式 what started the load: cli (ipwh load) | schedule (the nightly job of ipwh serve) | misfire (a night missed while ipwh serve was down, run once at its start) | manual (ipwh jobs run, POST /api/jobs/run, the jobs dashboard) | demo (ipwh demo); free text, not checked';
COMMENT ON COLUMN etl_batch.started_at IS '开始时间 when the load started (TIMESTAMPTZ)';
COMMENT ON COLUMN etl_batch.finished_at IS '结束时间 when the load ended (TIMESTAMPTZ); NULL while running';
COMMENT ON COLUMN etl_batch.published_at IS '发布时间 when this batch''s warehouse was published to readers (TIMESTAMPTZ); NULL when not published (running, failed or cancelled)';
COMMENT ON COLUMN etl_batch.as_of IS '数据截至时间 as-of time of the data this batch published: the sources as read at this instant, as in the snapshot manifest (TIMESTAMPTZ)';
COMMENT ON COLUMN etl_batch.message IS '说明 summary of the load, or the error that ended it';
