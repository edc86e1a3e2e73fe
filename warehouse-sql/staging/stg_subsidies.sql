-- stg_subsidies: one source's subsidy payments (资助与补助), typed and checked.
-- Grain: one row per landed source row (raw_input). Key: (_file, _row); natural key payment_no.
-- recipient_id: a natural person's resident ID (GB 11643, ISO 7064 MOD 11-2) is kept only as a salted
-- SHA-256 hash and a mask; a legal entity's unified social credit code (GB 32100-2015) is kept as is.
-- The raw ID number never leaves this table, and a rejected ID is recorded masked.

CREATE OR REPLACE TEMP TABLE stg_subsidies AS
WITH typed AS (
  SELECT
    r._source,
    r._file,
    r._row,
    r.payment_no AS raw_payment_no,
    r.program AS raw_program,
    r.recipient_name AS raw_recipient_name,
    r.recipient_type AS raw_recipient_type,
    r.recipient_id AS raw_recipient_id,
    r.base_amount AS raw_base_amount,
    r.paid_amount AS raw_paid_amount,
    r.paid_date AS raw_paid_date,
    r.gov_level AS raw_gov_level,
    r.region_code AS raw_region_code,
    r.is_foreign_or_major AS raw_is_foreign_or_major,
    ipwh_clean(r.payment_no) AS payment_no,
    ipwh_enum('subsidies', 'program', r.program) AS program,
    ipwh_clean(r.recipient_name) AS recipient_name,
    ipwh_enum('subsidies', 'recipient_type', r.recipient_type) AS recipient_type,
    upper(ipwh_clean(r.recipient_id)) AS recipient_id,
    ipwh_amount(r.base_amount) AS base_amount,
    ipwh_amount(r.paid_amount) AS paid_amount,
    ipwh_date(r.paid_date) AS paid_date,
    ipwh_enum('subsidies', 'gov_level', r.gov_level) AS gov_level,
    ipwh_region_code(r.region_code) AS given_region_code,
    ipwh_clean(r.related_no) AS related_no,
    ipwh_bool(r.is_foreign_or_major) AS given_is_foreign_or_major
  FROM raw_input AS r
)
SELECT
  t._source,
  t._file,
  t._row,
  t.payment_no,
  t.program,
  t.recipient_name,
  t.recipient_type,
  CASE WHEN t.recipient_type = 'legal_entity' THEN t.recipient_id END AS recipient_credit_code,
  CASE WHEN t.recipient_type = 'natural_person' AND t.recipient_id IS NOT NULL
    THEN ipwh_hash_id(t.recipient_id, getvariable('ipwh_salt')) END AS recipient_id_hash,
  CASE WHEN t.recipient_type = 'natural_person' AND t.recipient_id IS NOT NULL
    THEN ipwh_mask_id(t.recipient_id) END AS recipient_id_mask,
  t.base_amount,
  t.paid_amount,
  t.paid_date,
  t.gov_level,
  region.region_code,
  CASE WHEN region.method = 'code_succeeded' THEN t.given_region_code END AS given_region_code,
  region.method AS attribution_method,
  t.related_no,
  coalesce(t.given_is_foreign_or_major, FALSE) AS is_foreign_or_major,
  coalesce(
    ipwh_required_problem('payment_no', t.raw_payment_no, ipwh_clean(t.raw_payment_no)),
    ipwh_required_problem('program', t.raw_program, ipwh_clean(t.raw_program)),
    ipwh_enum_problem('program', t.raw_program, ipwh_clean(t.raw_program), t.program),
    ipwh_required_problem('recipient_name', t.raw_recipient_name, ipwh_clean(t.raw_recipient_name)),
    ipwh_required_problem('recipient_type', t.raw_recipient_type, ipwh_clean(t.raw_recipient_type)),
    ipwh_enum_problem('recipient_type', t.raw_recipient_type, ipwh_clean(t.raw_recipient_type), t.recipient_type),
    CASE
      WHEN t.recipient_id IS NULL THEN NULL
      WHEN t.recipient_type = 'natural_person' AND NOT coalesce(ipwh_resident_id_ok(t.recipient_id), FALSE)
        THEN ipwh_problem('bad_check_digit', 'recipient_id', ipwh_mask_id(t.recipient_id),
          format('recipient_id {} 不是有效的居民身份证号码（GB 11643 校验）', ipwh_mask_id(t.recipient_id)))
      WHEN t.recipient_type = 'legal_entity' AND NOT coalesce(ipwh_uscc_ok(t.recipient_id), FALSE)
        THEN ipwh_problem('bad_check_digit', 'recipient_id', t.recipient_id,
          format('recipient_id“{}”未通过 GB 32100-2015 校验', t.recipient_id))
    END,
    ipwh_number_problem('base_amount', t.raw_base_amount, ipwh_clean(t.raw_base_amount), t.base_amount),
    ipwh_required_problem('paid_amount', t.raw_paid_amount, ipwh_clean(t.raw_paid_amount)),
    ipwh_number_problem('paid_amount', t.raw_paid_amount, ipwh_clean(t.raw_paid_amount), t.paid_amount),
    ipwh_required_problem('paid_date', t.raw_paid_date, ipwh_clean(t.raw_paid_date)),
    ipwh_date_problem('paid_date', t.raw_paid_date, ipwh_clean(t.raw_paid_date), t.paid_date),
    ipwh_required_problem('gov_level', t.raw_gov_level, ipwh_clean(t.raw_gov_level)),
    ipwh_enum_problem('gov_level', t.raw_gov_level, ipwh_clean(t.raw_gov_level), t.gov_level),
    ipwh_required_problem('region_code', t.raw_region_code, ipwh_clean(t.raw_region_code)),
    ipwh_region_problem('region_code', t.raw_region_code, ipwh_clean(t.raw_region_code), region.region_code, region.note),
    ipwh_bool_problem('is_foreign_or_major', t.raw_is_foreign_or_major, ipwh_clean(t.raw_is_foreign_or_major), t.given_is_foreign_or_major)
  ) AS problem
FROM typed AS t
LEFT JOIN int_region_code AS region
  ON region.given_code = t.given_region_code;
