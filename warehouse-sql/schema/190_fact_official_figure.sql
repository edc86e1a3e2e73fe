-- fact_official_figure: figures the authorities publish (官方公布数): CNIPA and provincial bulletins,
-- statistical yearbooks ("有效商标注册量同比增长16.1%，达5537件"), for reconciliation with the indicators
-- computed here (ipwh reconcile) and, with targets.preferOfficial, for target tracking.
-- Grain: one row per region, indicator, year and period.
-- Key: (region_code, indicator, year, period). A later source row with the same key updates the row.
-- Constraints: no primary key or unique constraint, like every fact; the loader dedupes by the key in SQL.

CREATE TABLE IF NOT EXISTS fact_official_figure (
  region_code       VARCHAR NOT NULL,
  given_region_code VARCHAR,
  indicator         VARCHAR NOT NULL,
  year              INTEGER NOT NULL,
  period            VARCHAR NOT NULL,
  from_year         INTEGER NOT NULL,
  as_of             DATE,
  value             DECIMAL(20, 4) NOT NULL,
  source_document   VARCHAR NOT NULL,
  published_date    DATE,
  source_name        VARCHAR NOT NULL,
  batch_id           VARCHAR NOT NULL,
  source_file        VARCHAR,
  source_row         BIGINT NOT NULL,
  first_loaded_batch VARCHAR NOT NULL,
  updated_batch      VARCHAR NOT NULL
);

COMMENT ON TABLE fact_official_figure IS '官方公布数事实表 published figures (bulletins, yearbooks): one row per region, indicator, year and period (key region_code + indicator + year + period), reconciled with mart_indicator by ipwh reconcile';
COMMENT ON COLUMN fact_official_figure.region_code IS '行政区划代码 region the figure is for (GB/T 2260 six-digit code, dim_region)';
COMMENT ON COLUMN fact_official_figure.given_region_code IS '给定区划代码 region code as given when it was a retired code (region_succession) and region_code is its current successor; NULL otherwise';
COMMENT ON COLUMN fact_official_figure.indicator IS '指标 indicator code from the catalogue (INDICATORS.md), e.g. valid_trademarks';
COMMENT ON COLUMN fact_official_figure.year IS '年份 the year (YYYY): the whole year, the last year of a period, or the year of the as-of date';
COMMENT ON COLUMN fact_official_figure.period IS '期间 what the figure covers: year (the year) | YYYY-YYYY (whole years from from_year to year, e.g. 2021-2025) | YYYY-MM-DD (year to date at as_of)';
COMMENT ON COLUMN fact_official_figure.from_year IS '起始年份 first year covered (YYYY): year itself unless period is a range';
COMMENT ON COLUMN fact_official_figure.as_of IS '截至日期 last day of a year-to-date figure (DATE); NULL for whole years';
COMMENT ON COLUMN fact_official_figure.value IS '数值 the published value in the indicator''s unit (件, 元, 人次, 家, 笔; a percentage as percent value: 16.1 means 16.1%)';
COMMENT ON COLUMN fact_official_figure.source_document IS '来源文件 the publication: bulletin, yearbook table, press release';
COMMENT ON COLUMN fact_official_figure.published_date IS '发布日期 publication date (DATE); NULL when not given';
COMMENT ON COLUMN fact_official_figure.source_name IS '来源名称 source (its name in ipwh.json) that delivered the current values';
COMMENT ON COLUMN fact_official_figure.batch_id IS '批次号 batch that wrote the current values of this row (etl_batch.batch_id); source_file and source_row locate them in that batch''s source';
COMMENT ON COLUMN fact_official_figure.source_file IS '来源文件 where the row was read: file path for csv/xlsx sources, table name for a database table, NULL for a database query';
COMMENT ON COLUMN fact_official_figure.source_row IS '来源行号 row as the operator sees it: CSV line number, worksheet row number, or ordinal 1..n of a database result';
COMMENT ON COLUMN fact_official_figure.first_loaded_batch IS '首次载入批次 batch that first inserted this key (etl_batch.batch_id)';
COMMENT ON COLUMN fact_official_figure.updated_batch IS '最近变更批次 batch that last changed a value of this row (etl_batch.batch_id); equals first_loaded_batch until a later delivery changes something (a re-sent identical row changes nothing)';
