-- fact_trademark: trademark applications and registrations (商标), an accumulating snapshot: the row is
-- updated as the mark is registered, renewed and cancelled.
-- Grain: one row per trademark application/registration number.
-- Key: application_no. A later source row with the same number updates the row.
-- Attribution: counted in the region of the first applicant/registrant (region_code), found as
-- attribution_method says. Valid at D: registration_date <= D, not cancelled by D, expiry_date > D.
-- CNIPA's trademark statistics year Y runs 16 Dec Y-1 .. 15 Dec Y (INDICATORS.md).
-- Constraints: no primary key or unique constraint (≈50 M rows; DuckDB's ART indexes make bulk upserts
-- slow). The loader dedupes by application_no in SQL.

CREATE TABLE IF NOT EXISTS fact_trademark (
  application_no     VARCHAR NOT NULL,
  mark_kind          VARCHAR,
  is_gi              BOOLEAN NOT NULL DEFAULT FALSE,
  nice_class         INTEGER,
  application_date   DATE NOT NULL,
  registration_date  DATE,
  expiry_date        DATE,
  cancellation_date  DATE,
  applicant_name     VARCHAR NOT NULL,
  applicant_party_id VARCHAR,
  applicant_address  VARCHAR,
  credit_code        VARCHAR,
  region_code        VARCHAR NOT NULL,
  attribution_method VARCHAR NOT NULL,
  source_name        VARCHAR NOT NULL,
  batch_id           VARCHAR NOT NULL,
  source_file        VARCHAR,
  source_row         BIGINT NOT NULL,
  first_loaded_batch VARCHAR NOT NULL,
  updated_batch      VARCHAR NOT NULL,
  given_region_code  VARCHAR,
  well_known_date    DATE
);

COMMENT ON TABLE fact_trademark IS '商标事实表 trademarks: accumulating snapshot, one row per application/registration number (key application_no), updated as the mark is registered and cancelled. Counted in the first applicant''s region (region_code). Valid at D: registration_date <= D, not cancelled by D, expiry_date > D';
COMMENT ON COLUMN fact_trademark.application_no IS '申请号/注册号 application or registration number: digits, optional G prefix (Madrid), optional A/H suffix';
COMMENT ON COLUMN fact_trademark.mark_kind IS '商标类型 mark kind: ordinary 普通 | collective 集体 | certification 证明; NULL when not given';
COMMENT ON COLUMN fact_trademark.is_gi IS '地理标志 geographical-indication collective or certification mark; FALSE when not given';
COMMENT ON COLUMN fact_trademark.nice_class IS '国际分类 Nice class, 1-45; NULL when not given';
COMMENT ON COLUMN fact_trademark.application_date IS '申请日 application date (DATE)';
COMMENT ON COLUMN fact_trademark.registration_date IS '注册公告日 registration date (DATE); NULL while not registered';
COMMENT ON COLUMN fact_trademark.expiry_date IS '专用权期限届满日 end of the exclusive right (DATE); registration_date + 10 years when not given; may lie in the future; NULL while not registered';
COMMENT ON COLUMN fact_trademark.cancellation_date IS '注销/撤销/无效日 date the registration was cancelled, revoked or invalidated (DATE); NULL while in force';
COMMENT ON COLUMN fact_trademark.applicant_name IS '申请人/注册人 first applicant or registrant, name as given';
COMMENT ON COLUMN fact_trademark.applicant_party_id IS '申请人当事人标识 dim_party.party_id of the applicant or registrant';
COMMENT ON COLUMN fact_trademark.applicant_address IS '申请人地址 applicant''s address as given; used for attribution when no region code is given';
COMMENT ON COLUMN fact_trademark.credit_code IS '统一社会信用代码 applicant''s unified social credit code (GB 32100-2015, 18 characters, check character verified); NULL when not given';
COMMENT ON COLUMN fact_trademark.region_code IS '归属行政区划代码 attributed region (GB/T 2260 six-digit code, dim_region): the applicant''s; a city or province code when the address resolves no further';
COMMENT ON COLUMN fact_trademark.attribution_method IS '归属方式 how region_code was found: code (given region code) | code_succeeded (a retired given code, kept in given_region_code, followed through region_succession to its one current successor) | address (resolved from applicant_address) | credit_code (registering authority in characters 3-8 of credit_code)';
COMMENT ON COLUMN fact_trademark.source_name IS '来源名称 source (its name in ipwh.json) that delivered the current values';
COMMENT ON COLUMN fact_trademark.batch_id IS '批次号 batch that wrote the current values of this row (etl_batch.batch_id); source_file and source_row locate them in that batch''s source';
COMMENT ON COLUMN fact_trademark.source_file IS '来源文件 where the row was read: file path for csv/xlsx sources, table name for a database table, NULL for a database query';
COMMENT ON COLUMN fact_trademark.source_row IS '来源行号 row as the operator sees it: CSV line number, worksheet row number, or ordinal 1..n of a database result';
COMMENT ON COLUMN fact_trademark.first_loaded_batch IS '首次载入批次 batch that first inserted this key (etl_batch.batch_id)';
COMMENT ON COLUMN fact_trademark.updated_batch IS '最近变更批次 batch that last changed a value of this row (etl_batch.batch_id); equals first_loaded_batch until a later delivery changes something (a re-sent identical row changes nothing)';
COMMENT ON COLUMN fact_trademark.given_region_code IS '给定区划代码 region code as given (GB/T 2260 six-digit code) when it was a retired code (region_succession) and region_code is its current successor (attribution_method code_succeeded); NULL otherwise';
COMMENT ON COLUMN fact_trademark.well_known_date IS '驰名商标认定日 date the mark was recognised as well known (DATE; 驰名商标); NULL for the others. A Madrid registration (马德里) is told by the G prefix of application_no';
