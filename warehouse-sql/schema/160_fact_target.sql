-- fact_target: annual and plan-period (十四五 2021-2025) targets written into plan documents ("专利申请量增长15%以上", "结案率95%以上").
-- Grain: one row per region, year, indicator and period (year, or a plan period ending in year).
-- Key: (region_code, year, indicator, period). A later source row with the same key updates the row.
-- Use: target tracking compares the indicator's actual value (mart_indicator) with target_value using
-- comparator; >parent_avg compares with the parent region's own value instead.
-- Constraints: no primary key or unique constraint, like every fact (one loader path for all); the
-- loader dedupes by the key in SQL.

CREATE TABLE IF NOT EXISTS fact_target (
  region_code     VARCHAR NOT NULL,
  year            INTEGER NOT NULL,
  indicator       VARCHAR NOT NULL,
  comparator      VARCHAR NOT NULL,
  target_value    DECIMAL(18, 4),
  source_document VARCHAR,
  source_name        VARCHAR NOT NULL,
  batch_id           VARCHAR NOT NULL,
  source_file        VARCHAR,
  source_row         BIGINT NOT NULL,
  first_loaded_batch VARCHAR NOT NULL,
  updated_batch      VARCHAR NOT NULL,
  period             VARCHAR DEFAULT 'year',
  given_region_code  VARCHAR
);

COMMENT ON TABLE fact_target IS '目标事实表 targets from plan documents, annual or for a plan period (2021-2025): one row per region, year, indicator and period (key region_code + year + indicator + period)';
COMMENT ON COLUMN fact_target.region_code IS '行政区划代码 region the target is set for (GB/T 2260 six-digit code, dim_region)';
COMMENT ON COLUMN fact_target.year IS '年份 target year (YYYY)';
COMMENT ON COLUMN fact_target.indicator IS '指标 indicator code from the catalogue (INDICATORS.md), e.g. patent_applications_growth, invention_share, case_closure_rate';
COMMENT ON COLUMN fact_target.comparator IS '比较方式 comparator: >= (at least target_value) | <= (at most target_value) | >parent_avg (above the parent region''s own value)';
COMMENT ON COLUMN fact_target.target_value IS '目标值 target in the indicator''s unit (件, 元, 人次, 家; a percentage as percent value: 95 means 95%); NULL for >parent_avg';
COMMENT ON COLUMN fact_target.source_document IS '依据 document the target comes from, free text; NULL when not given';
COMMENT ON COLUMN fact_target.source_name IS '来源名称 source (its name in ipwh.json) that delivered the current values';
COMMENT ON COLUMN fact_target.batch_id IS '批次号 batch that wrote the current values of this row (etl_batch.batch_id); source_file and source_row locate them in that batch''s source';
COMMENT ON COLUMN fact_target.source_file IS '来源文件 where the row was read: file path for csv/xlsx sources, table name for a database table, NULL for a database query';
COMMENT ON COLUMN fact_target.source_row IS '来源行号 row as the operator sees it: CSV line number, worksheet row number, or ordinal 1..n of a database result';
COMMENT ON COLUMN fact_target.first_loaded_batch IS '首次载入批次 batch that first inserted this key (etl_batch.batch_id)';
COMMENT ON COLUMN fact_target.updated_batch IS '最近变更批次 batch that last changed a value of this row (etl_batch.batch_id); equals first_loaded_batch until a later delivery changes something (a re-sent identical row changes nothing)';
COMMENT ON COLUMN fact_target.period IS '期间 period the target covers: year (the year itself) | YYYY-YYYY, a plan period whose last year is year (十四五 = 2021-2025): a flow''s target is the period''s total, a stock''s, per-capita''s or rate''s its value at the period''s end';
COMMENT ON COLUMN fact_target.given_region_code IS '给定区划代码 region code as given (GB/T 2260 six-digit code) when it was a retired code (region_succession) and region_code is its current successor (attribution_method code_succeeded); NULL otherwise';
