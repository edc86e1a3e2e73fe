-- fact_pledge: IP pledge registrations (知识产权质押登记): patents or trademarks pledged for a loan.
-- Grain: one row per pledge registration.
-- Key: pledge_no. A later source row with the same number updates the row (e.g. its cancellation).
-- Use: pledge_count counts the registrations of a period, pledge_amount sums their amounts (万元) less
-- those cancelled by the period end.
-- Constraints: no primary key or unique constraint, like every fact; the loader dedupes by pledge_no in SQL.

CREATE TABLE IF NOT EXISTS fact_pledge (
  pledge_no          VARCHAR NOT NULL,
  registration_date  DATE NOT NULL,
  pledgor_name       VARCHAR NOT NULL,
  pledgor_party_id   VARCHAR,
  credit_code        VARCHAR,
  pledgee_name       VARCHAR,
  pledgee_party_id   VARCHAR,
  amount             DECIMAL(18, 2) NOT NULL,
  ip_type            VARCHAR NOT NULL,
  ip_numbers         VARCHAR,
  region_code        VARCHAR NOT NULL,
  cancelled_date     DATE,
  source_name        VARCHAR NOT NULL,
  batch_id           VARCHAR NOT NULL,
  source_file        VARCHAR,
  source_row         BIGINT NOT NULL,
  first_loaded_batch VARCHAR NOT NULL,
  updated_batch      VARCHAR NOT NULL,
  given_region_code  VARCHAR,
  attribution_method VARCHAR DEFAULT 'code'
);

COMMENT ON TABLE fact_pledge IS '质押登记事实表 IP pledge registrations: one row per registration (key pledge_no); pledge_count counts them by registration_date, pledge_amount sums amount in 万元 less those cancelled by the period end';
COMMENT ON COLUMN fact_pledge.pledge_no IS '质押登记号 registration number as given';
COMMENT ON COLUMN fact_pledge.registration_date IS '登记日 registration date (DATE)';
COMMENT ON COLUMN fact_pledge.pledgor_name IS '出质人 pledgor (the right holder borrowing) as given';
COMMENT ON COLUMN fact_pledge.pledgor_party_id IS '出质人主体 pledgor''s party (dim_party.party_id: credit code when known, else normalised name)';
COMMENT ON COLUMN fact_pledge.credit_code IS '统一社会信用代码 pledgor''s unified social credit code (GB 32100-2015, check character verified); NULL when not given';
COMMENT ON COLUMN fact_pledge.pledgee_name IS '质权人 pledgee (the lending bank) as given; NULL when not given';
COMMENT ON COLUMN fact_pledge.pledgee_party_id IS '质权人主体 pledgee''s party (dim_party.party_id, by normalised name); NULL when not given';
COMMENT ON COLUMN fact_pledge.amount IS '质押金额 amount pledged or financed (元 yuan; 万 given in the source is converted)';
COMMENT ON COLUMN fact_pledge.ip_type IS '类型 what is pledged: patent 专利 | trademark 商标 | mixed 混合';
COMMENT ON COLUMN fact_pledge.ip_numbers IS '专利号/商标号 the patent or trademark numbers pledged (separated by ;, full-width ； normalised); NULL when not given';
COMMENT ON COLUMN fact_pledge.region_code IS '行政区划代码 pledgor''s region (GB/T 2260 six-digit code, dim_region)';
COMMENT ON COLUMN fact_pledge.cancelled_date IS '注销日 date the pledge registration was cancelled (DATE); NULL while registered';
COMMENT ON COLUMN fact_pledge.source_name IS '来源名称 source (its name in ipwh.json) that delivered the current values';
COMMENT ON COLUMN fact_pledge.batch_id IS '批次号 batch that wrote the current values of this row (etl_batch.batch_id); source_file and source_row locate them in that batch''s source';
COMMENT ON COLUMN fact_pledge.source_file IS '来源文件 where the row was read: file path for csv/xlsx sources, table name for a database table, NULL for a database query';
COMMENT ON COLUMN fact_pledge.source_row IS '来源行号 row as the operator sees it: CSV line number, worksheet row number, or ordinal 1..n of a database result';
COMMENT ON COLUMN fact_pledge.first_loaded_batch IS '首次载入批次 batch that first inserted this key (etl_batch.batch_id)';
COMMENT ON COLUMN fact_pledge.updated_batch IS '最近变更批次 batch that last changed a value of this row (etl_batch.batch_id); equals first_loaded_batch until a later delivery changes something (a re-sent identical row changes nothing)';
COMMENT ON COLUMN fact_pledge.given_region_code IS '给定区划代码 region code as given (GB/T 2260 six-digit code) when it was a retired code (region_succession) and region_code is its current successor (attribution_method code_succeeded); NULL otherwise';
COMMENT ON COLUMN fact_pledge.attribution_method IS '归属方式 how region_code was found: code (the given region code) | code_succeeded (a retired given code, kept in given_region_code, followed through region_succession to the one code that succeeds it today)';
