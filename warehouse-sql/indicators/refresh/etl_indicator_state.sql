-- What the incremental indicator refresh (IndicatorMart.Refresh) keeps between loads, in the working database
-- only: a publish leaves these tables out, readers never see them. Idempotent.

-- etl_indicator_state: the last build of the marts. Grain: at most one row.
-- fingerprint: the counting rules, the schema version, the indicator SQL and the division list it used; years:
-- the years the mart holds; last_batch: the newest committed batch whose facts it reflects. A refresh that
-- finds any of them different rebuilds the marts whole.
CREATE TABLE IF NOT EXISTS etl_indicator_state (
  fingerprint VARCHAR NOT NULL,
  years       INTEGER[] NOT NULL,
  last_batch  VARCHAR,
  built_at    TIMESTAMPTZ NOT NULL
);

-- etl_indicator_pending: the batches committed since that build, written in each load's own transaction.
-- Grain: one row per batch. Their fact rows (updated_batch) are what the next refresh adds.
CREATE TABLE IF NOT EXISTS etl_indicator_pending (
  batch_id VARCHAR NOT NULL
);

-- etl_indicator_measure: int_indicator_measure of the last build, per region, year and measure (nightly
-- periods are whole years). facts: the fact rows making up the row; whole: a measure recomputed whole on every
-- refresh (int_indicator_measure_next.sql says which), not updated by differences.
CREATE TABLE IF NOT EXISTS etl_indicator_measure (
  region_code VARCHAR NOT NULL,
  year        INTEGER NOT NULL,
  measure     VARCHAR NOT NULL,
  amount      DECIMAL(38, 2) NOT NULL,
  facts       BIGINT NOT NULL,
  whole       BOOLEAN NOT NULL
);

COMMENT ON TABLE etl_indicator_state IS '指标集市构建记录 the last build of the indicator marts (working database only): what it was built with, the years it holds, the newest committed batch it reflects';
COMMENT ON TABLE etl_indicator_pending IS '待刷新批次 batches committed since the last build of the indicator marts (working database only)';
COMMENT ON TABLE etl_indicator_measure IS '指标度量 the measures of the last build per region, year and measure, which a refresh updates by difference (working database only)';
