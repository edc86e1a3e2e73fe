-- fact_subsidy_payment: IP subsidies and grants paid (资助与补助), from the finance bureau's ledger.
-- Grain: one row per payment.
-- Key: payment_no. A later source row with the same number updates the row.
-- Attribution: counted in the region of the paying government (region_code at gov_level): a payment by
-- the city counts for the city, not for a county.
-- Privacy: a natural person's ID number is never stored, only its salted SHA-256 (recipient_id_hash) and
-- its mask (recipient_id_mask); a legal entity's credit code is not personal data and is kept as is.
-- Subsidy rule checks (INDICATORS.md) read base_amount, paid_amount, recipient_type, is_foreign_or_major
-- and, for "not paid twice across government levels", recipient_party_id + related_no + program.
-- Constraints: no primary key or unique constraint (DuckDB's ART indexes make bulk upserts slow). The
-- loader dedupes by payment_no in SQL.

CREATE TABLE IF NOT EXISTS fact_subsidy_payment (
  payment_no            VARCHAR NOT NULL,
  program               VARCHAR NOT NULL,
  recipient_name        VARCHAR NOT NULL,
  recipient_type        VARCHAR NOT NULL,
  recipient_party_id    VARCHAR,
  recipient_credit_code VARCHAR,
  recipient_id_hash     VARCHAR,
  recipient_id_mask     VARCHAR,
  base_amount           DECIMAL(18, 2),
  paid_amount           DECIMAL(18, 2) NOT NULL,
  paid_date             DATE NOT NULL,
  gov_level             VARCHAR NOT NULL,
  region_code           VARCHAR NOT NULL,
  related_no            VARCHAR,
  is_foreign_or_major   BOOLEAN NOT NULL DEFAULT FALSE,
  source_name        VARCHAR NOT NULL,
  batch_id           VARCHAR NOT NULL,
  source_file        VARCHAR,
  source_row         BIGINT NOT NULL,
  first_loaded_batch VARCHAR NOT NULL,
  updated_batch      VARCHAR NOT NULL,
  given_region_code  VARCHAR,
  attribution_method VARCHAR DEFAULT 'code'
);

COMMENT ON TABLE fact_subsidy_payment IS '资助补助支付事实表 subsidy payments: one row per payment (key payment_no). Counted in the paying government''s region (a city payment counts for the city, not a county). ID numbers of natural persons only as salted hash and mask';
COMMENT ON COLUMN fact_subsidy_payment.payment_no IS '支付编号/凭证号 payment or voucher number as given';
COMMENT ON COLUMN fact_subsidy_payment.program IS '资助项目 program: patent_grant 专利授权资助 | patent_application 专利申请资助 | annual_fee 年费资助 | rights_protection 维权补助 | pledge_interest 质押贴息 | other 其他';
COMMENT ON COLUMN fact_subsidy_payment.recipient_name IS '受助人 recipient name as given';
COMMENT ON COLUMN fact_subsidy_payment.recipient_type IS '受助人类型 recipient type: natural_person 自然人 | legal_entity 法人';
COMMENT ON COLUMN fact_subsidy_payment.recipient_party_id IS '受助人当事人标识 dim_party.party_id of the recipient: the same recipient across payments, programs and government levels';
COMMENT ON COLUMN fact_subsidy_payment.recipient_credit_code IS '受助单位统一社会信用代码 unified social credit code of a legal-entity recipient (GB 32100-2015, 18 characters, check character verified); NULL for natural persons';
COMMENT ON COLUMN fact_subsidy_payment.recipient_id_hash IS '受助人身份证号哈希 salted SHA-256 of a natural person''s resident ID number (GB 11643-1999), lower-case hex, 64 characters; NULL for legal entities';
COMMENT ON COLUMN fact_subsidy_payment.recipient_id_mask IS '受助人身份证号掩码 masked resident ID number: first 6 + ******** + last 4, e.g. 110105********002X; NULL for legal entities';
COMMENT ON COLUMN fact_subsidy_payment.base_amount IS '计算基数 amount the subsidy rate applies to, e.g. the agency fee (元 yuan, DECIMAL(18,2)); NULL when not given';
COMMENT ON COLUMN fact_subsidy_payment.paid_amount IS '支付金额 amount paid (元 yuan, DECIMAL(18,2))';
COMMENT ON COLUMN fact_subsidy_payment.paid_date IS '支付日期 payment date (DATE)';
COMMENT ON COLUMN fact_subsidy_payment.gov_level IS '资金层级 level of the paying government: county 县级 | city 市级 | province 省级 | national 国家级';
COMMENT ON COLUMN fact_subsidy_payment.region_code IS '行政区划代码 region of the paying government (GB/T 2260 six-digit code, dim_region), as given';
COMMENT ON COLUMN fact_subsidy_payment.related_no IS '关联案号/专利号 case number or patent number the payment is for; NULL when not given';
COMMENT ON COLUMN fact_subsidy_payment.is_foreign_or_major IS '涉外或重大 foreign-related or major matter (raises the rights_protection cap to 50 000 元); FALSE when not given';
COMMENT ON COLUMN fact_subsidy_payment.source_name IS '来源名称 source (its name in ipwh.json) that delivered the current values';
COMMENT ON COLUMN fact_subsidy_payment.batch_id IS '批次号 batch that wrote the current values of this row (etl_batch.batch_id); source_file and source_row locate them in that batch''s source';
COMMENT ON COLUMN fact_subsidy_payment.source_file IS '来源文件 where the row was read: file path for csv/xlsx sources, table name for a database table, NULL for a database query';
COMMENT ON COLUMN fact_subsidy_payment.source_row IS '来源行号 row as the operator sees it: CSV line number, worksheet row number, or ordinal 1..n of a database result';
COMMENT ON COLUMN fact_subsidy_payment.first_loaded_batch IS '首次载入批次 batch that first inserted this key (etl_batch.batch_id)';
COMMENT ON COLUMN fact_subsidy_payment.updated_batch IS '最近变更批次 batch that last changed a value of this row (etl_batch.batch_id); equals first_loaded_batch until a later delivery changes something (a re-sent identical row changes nothing)';
COMMENT ON COLUMN fact_subsidy_payment.given_region_code IS '给定区划代码 region code as given (GB/T 2260 six-digit code) when it was a retired code (region_succession) and region_code is its current successor (attribution_method code_succeeded); NULL otherwise';
COMMENT ON COLUMN fact_subsidy_payment.attribution_method IS '归属方式 how region_code was found: code (the given region code) | code_succeeded (a retired given code, kept in given_region_code, followed through region_succession to the one code that succeeds it today)';
