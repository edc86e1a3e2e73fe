-- fact_population: year-end population (人口) from the statistics bureau, the denominator of the
-- per-capita indicators.
-- Grain: one row per region, year and population type.
-- Key: (region_code, year, population_type). A later source row with the same key updates the row.
-- Use: per-capita indicators divide by the resident population of the same year; one ranking never
-- mixes types; a region without a row has no per-capita value (missing, not zero).
-- Constraints: no primary key or unique constraint, like every fact (one loader path for all); the
-- loader dedupes by the key in SQL.

CREATE TABLE IF NOT EXISTS fact_population (
  region_code     VARCHAR NOT NULL,
  year            INTEGER NOT NULL,
  population_type VARCHAR NOT NULL DEFAULT 'resident',
  population      BIGINT NOT NULL,
  source_name        VARCHAR NOT NULL,
  batch_id           VARCHAR NOT NULL,
  source_file        VARCHAR,
  source_row         BIGINT NOT NULL,
  first_loaded_batch VARCHAR NOT NULL,
  updated_batch      VARCHAR NOT NULL,
  given_region_code  VARCHAR
);

COMMENT ON TABLE fact_population IS '人口事实表 year-end population: one row per region, year and population type (key region_code + year + population_type); denominator of per-capita indicators (resident, same year); no row means the per-capita value is missing, not zero';
COMMENT ON COLUMN fact_population.region_code IS '行政区划代码 region (GB/T 2260 six-digit code, dim_region)';
COMMENT ON COLUMN fact_population.year IS '年份 year (YYYY); the population is as of 31 December of this year';
COMMENT ON COLUMN fact_population.population_type IS '人口类型 population type: resident 常住 (default) | registered 户籍';
COMMENT ON COLUMN fact_population.population IS '人口 persons at year end (人 persons)';
COMMENT ON COLUMN fact_population.source_name IS '来源名称 source (its name in ipwh.json) that delivered the current values';
COMMENT ON COLUMN fact_population.batch_id IS '批次号 batch that wrote the current values of this row (etl_batch.batch_id); source_file and source_row locate them in that batch''s source';
COMMENT ON COLUMN fact_population.source_file IS '来源文件 where the row was read: file path for csv/xlsx sources, table name for a database table, NULL for a database query';
COMMENT ON COLUMN fact_population.source_row IS '来源行号 row as the operator sees it: CSV line number, worksheet row number, or ordinal 1..n of a database result';
COMMENT ON COLUMN fact_population.first_loaded_batch IS '首次载入批次 batch that first inserted this key (etl_batch.batch_id)';
COMMENT ON COLUMN fact_population.updated_batch IS '最近变更批次 batch that last changed a value of this row (etl_batch.batch_id); equals first_loaded_batch until a later delivery changes something (a re-sent identical row changes nothing)';
COMMENT ON COLUMN fact_population.given_region_code IS '给定区划代码 region code as given (GB/T 2260 six-digit code) when it was a retired code (region_succession) and region_code is its current successor (attribution_method code_succeeded); NULL otherwise';
