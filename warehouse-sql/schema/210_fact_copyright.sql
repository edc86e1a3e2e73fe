-- fact_copyright: works registered for copyright (作品著作权登记).
-- Grain: one row per registration.
-- Key: registration_no. A later source row with the same number updates the row.
-- Use: copyright_registrations counts the registrations dated in a period.
-- Constraints: no primary key or unique constraint, like every fact; the loader dedupes by registration_no in SQL.

CREATE TABLE IF NOT EXISTS fact_copyright (
  registration_no    VARCHAR NOT NULL,
  registration_date  DATE NOT NULL,
  work_type          VARCHAR,
  title              VARCHAR,
  owner_name         VARCHAR NOT NULL,
  owner_party_id     VARCHAR,
  credit_code        VARCHAR,
  region_code        VARCHAR NOT NULL,
  source_name        VARCHAR NOT NULL,
  batch_id           VARCHAR NOT NULL,
  source_file        VARCHAR,
  source_row         BIGINT NOT NULL,
  first_loaded_batch VARCHAR NOT NULL,
  updated_batch      VARCHAR NOT NULL,
  given_region_code  VARCHAR,
  attribution_method VARCHAR DEFAULT 'code'
);

COMMENT ON TABLE fact_copyright IS '作品著作权登记事实表 copyright registrations of works: one row per registration (key registration_no); copyright_registrations counts them by registration_date';
COMMENT ON COLUMN fact_copyright.registration_no IS '登记号 registration number as given, e.g. 国作登字-2024-F-00012345';
COMMENT ON COLUMN fact_copyright.registration_date IS '登记日期 registration date (DATE)';
COMMENT ON COLUMN fact_copyright.work_type IS '作品类别 kind of work (文字, 美术, 摄影 …) as given; NULL when not given';
COMMENT ON COLUMN fact_copyright.title IS '作品名称 title of the work; NULL when not given';
COMMENT ON COLUMN fact_copyright.owner_name IS '著作权人 copyright owner as given';
COMMENT ON COLUMN fact_copyright.owner_party_id IS '著作权人主体 owner''s party (dim_party.party_id: credit code when known, else normalised name)';
COMMENT ON COLUMN fact_copyright.credit_code IS '统一社会信用代码 owner''s unified social credit code (GB 32100-2015, check character verified); NULL when not given';
COMMENT ON COLUMN fact_copyright.region_code IS '行政区划代码 owner''s region (GB/T 2260 six-digit code, dim_region)';
COMMENT ON COLUMN fact_copyright.source_name IS '来源名称 source (its name in ipwh.json) that delivered the current values';
COMMENT ON COLUMN fact_copyright.batch_id IS '批次号 batch that wrote the current values of this row (etl_batch.batch_id); source_file and source_row locate them in that batch''s source';
COMMENT ON COLUMN fact_copyright.source_file IS '来源文件 where the row was read: file path for csv/xlsx sources, table name for a database table, NULL for a database query';
COMMENT ON COLUMN fact_copyright.source_row IS '来源行号 row as the operator sees it: CSV line number, worksheet row number, or ordinal 1..n of a database result';
COMMENT ON COLUMN fact_copyright.first_loaded_batch IS '首次载入批次 batch that first inserted this key (etl_batch.batch_id)';
COMMENT ON COLUMN fact_copyright.updated_batch IS '最近变更批次 batch that last changed a value of this row (etl_batch.batch_id); equals first_loaded_batch until a later delivery changes something (a re-sent identical row changes nothing)';
COMMENT ON COLUMN fact_copyright.given_region_code IS '给定区划代码 region code as given (GB/T 2260 six-digit code) when it was a retired code (region_succession) and region_code is its current successor (attribution_method code_succeeded); NULL otherwise';
COMMENT ON COLUMN fact_copyright.attribution_method IS '归属方式 how region_code was found: code (the given region code) | code_succeeded (a retired given code, kept in given_region_code, followed through region_succession to the one code that succeeds it today)';
