-- fact_designation: IP advantage / demonstration / pilot enterprise designations (知识产权优势/示范/试点企业).
-- Grain: one row per enterprise, designation, level and year.
-- Key: (credit_code, else enterprise_name; designation; level; year). A later source row with the same
-- key updates the row.
-- Use: ip_enterprises counts distinct enterprises (credit_code, else enterprise_name) holding any
-- designation of any level recorded for the year.
-- Constraints: no primary key or unique constraint, like every fact (one loader path for all); the
-- loader dedupes by the key in SQL.

CREATE TABLE IF NOT EXISTS fact_designation (
  credit_code     VARCHAR,
  enterprise_name VARCHAR NOT NULL,
  designation     VARCHAR NOT NULL,
  level           VARCHAR NOT NULL,
  year            INTEGER NOT NULL,
  region_code     VARCHAR NOT NULL,
  source_name        VARCHAR NOT NULL,
  batch_id           VARCHAR NOT NULL,
  source_file        VARCHAR,
  source_row         BIGINT NOT NULL,
  first_loaded_batch VARCHAR NOT NULL,
  updated_batch      VARCHAR NOT NULL,
  given_region_code  VARCHAR,
  attribution_method VARCHAR DEFAULT 'code'
);

COMMENT ON TABLE fact_designation IS '企业认定事实表 IP advantage/demonstration/pilot enterprise designations: one row per enterprise, designation, level and year (key credit_code or else enterprise_name + designation + level + year)';
COMMENT ON COLUMN fact_designation.credit_code IS '统一社会信用代码 enterprise''s unified social credit code (GB 32100-2015, 18 characters, check character verified); NULL when not given';
COMMENT ON COLUMN fact_designation.enterprise_name IS '企业名称 enterprise name as given';
COMMENT ON COLUMN fact_designation.designation IS '认定类型 designation: advantage 优势企业 | demonstration 示范企业 | pilot 试点企业';
COMMENT ON COLUMN fact_designation.level IS '级别 level of the designating authority: national 国家级 | province 省级 | city 市级';
COMMENT ON COLUMN fact_designation.year IS '年份 year the designation is recorded for (YYYY)';
COMMENT ON COLUMN fact_designation.region_code IS '行政区划代码 enterprise''s region (GB/T 2260 six-digit code, dim_region), as given';
COMMENT ON COLUMN fact_designation.source_name IS '来源名称 source (its name in ipwh.json) that delivered the current values';
COMMENT ON COLUMN fact_designation.batch_id IS '批次号 batch that wrote the current values of this row (etl_batch.batch_id); source_file and source_row locate them in that batch''s source';
COMMENT ON COLUMN fact_designation.source_file IS '来源文件 where the row was read: file path for csv/xlsx sources, table name for a database table, NULL for a database query';
COMMENT ON COLUMN fact_designation.source_row IS '来源行号 row as the operator sees it: CSV line number, worksheet row number, or ordinal 1..n of a database result';
COMMENT ON COLUMN fact_designation.first_loaded_batch IS '首次载入批次 batch that first inserted this key (etl_batch.batch_id)';
COMMENT ON COLUMN fact_designation.updated_batch IS '最近变更批次 batch that last changed a value of this row (etl_batch.batch_id); equals first_loaded_batch until a later delivery changes something (a re-sent identical row changes nothing)';
COMMENT ON COLUMN fact_designation.given_region_code IS '给定区划代码 region code as given (GB/T 2260 six-digit code) when it was a retired code (region_succession) and region_code is its current successor (attribution_method code_succeeded); NULL otherwise';
COMMENT ON COLUMN fact_designation.attribution_method IS '归属方式 how region_code was found: code (the given region code) | code_succeeded (a retired given code, kept in given_region_code, followed through region_succession to the one code that succeeds it today)';
