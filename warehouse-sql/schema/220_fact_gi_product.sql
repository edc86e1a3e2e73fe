-- fact_gi_product: geographical-indication protected products (地理标志保护产品).
-- Grain: one row per protected product.
-- Key: product_name. A later source row with the same name updates the row (e.g. its revocation).
-- Use: gi_products counts the products approved by a period end and not revoked by then; gi_total adds
-- the valid GI trademarks (gi_trademarks).
-- Constraints: no primary key or unique constraint, like every fact; the loader dedupes by product_name in SQL.

CREATE TABLE IF NOT EXISTS fact_gi_product (
  product_name       VARCHAR NOT NULL,
  approval_date      DATE NOT NULL,
  announcement_no    VARCHAR,
  applicant          VARCHAR,
  applicant_party_id VARCHAR,
  region_code        VARCHAR NOT NULL,
  revoked_date       DATE,
  source_name        VARCHAR NOT NULL,
  batch_id           VARCHAR NOT NULL,
  source_file        VARCHAR,
  source_row         BIGINT NOT NULL,
  first_loaded_batch VARCHAR NOT NULL,
  updated_batch      VARCHAR NOT NULL,
  given_region_code  VARCHAR,
  attribution_method VARCHAR DEFAULT 'code'
);

COMMENT ON TABLE fact_gi_product IS '地理标志保护产品事实表 GI protected products: one row per product (key product_name); gi_products counts those approved by the period end and not revoked by then';
COMMENT ON COLUMN fact_gi_product.product_name IS '产品名称 product name as given, e.g. 岷县当归';
COMMENT ON COLUMN fact_gi_product.approval_date IS '批准日期 date protection was approved (DATE; 公告日)';
COMMENT ON COLUMN fact_gi_product.announcement_no IS '公告号 announcement number; NULL when not given';
COMMENT ON COLUMN fact_gi_product.applicant IS '申请人/保护机构 applicant or protecting body as given; NULL when not given';
COMMENT ON COLUMN fact_gi_product.applicant_party_id IS '申请人主体 applicant''s party (dim_party.party_id, by normalised name); NULL when not given';
COMMENT ON COLUMN fact_gi_product.region_code IS '行政区划代码 the protected area''s main county or city (GB/T 2260 six-digit code, dim_region)';
COMMENT ON COLUMN fact_gi_product.revoked_date IS '撤销日 date protection was revoked (DATE); NULL while protected';
COMMENT ON COLUMN fact_gi_product.source_name IS '来源名称 source (its name in ipwh.json) that delivered the current values';
COMMENT ON COLUMN fact_gi_product.batch_id IS '批次号 batch that wrote the current values of this row (etl_batch.batch_id); source_file and source_row locate them in that batch''s source';
COMMENT ON COLUMN fact_gi_product.source_file IS '来源文件 where the row was read: file path for csv/xlsx sources, table name for a database table, NULL for a database query';
COMMENT ON COLUMN fact_gi_product.source_row IS '来源行号 row as the operator sees it: CSV line number, worksheet row number, or ordinal 1..n of a database result';
COMMENT ON COLUMN fact_gi_product.first_loaded_batch IS '首次载入批次 batch that first inserted this key (etl_batch.batch_id)';
COMMENT ON COLUMN fact_gi_product.updated_batch IS '最近变更批次 batch that last changed a value of this row (etl_batch.batch_id); equals first_loaded_batch until a later delivery changes something (a re-sent identical row changes nothing)';
COMMENT ON COLUMN fact_gi_product.given_region_code IS '给定区划代码 region code as given (GB/T 2260 six-digit code) when it was a retired code (region_succession) and region_code is its current successor (attribution_method code_succeeded); NULL otherwise';
COMMENT ON COLUMN fact_gi_product.attribution_method IS '归属方式 how region_code was found: code (the given region code) | code_succeeded (a retired given code, kept in given_region_code, followed through region_succession to the one code that succeeds it today)';
