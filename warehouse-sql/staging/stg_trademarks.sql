-- stg_trademarks: one source's trademark rows, typed, attributed to a region, and checked.
-- Grain: one row per landed source row (raw_input). Key: (_file, _row).
-- Attribution as for patents: given code, else the registrant's address, else the credit code.
-- expiry_date defaults to registration_date + 10 years and may lie in the future.
-- Speed: every column is cleaned once (cleaned) and parsed once from the cleaned value (typed); the
-- problem checks read those values. Credit codes are checked once per distinct code (tmp_credit_region).

CREATE OR REPLACE TEMP TABLE stg_trademarks AS
WITH cleaned AS (
  SELECT
    r._source,
    r._file,
    r._row,
    r.application_no AS raw_application_no,
    r.mark_kind AS raw_mark_kind,
    r.is_gi AS raw_is_gi,
    r.nice_class AS raw_nice_class,
    r.application_date AS raw_application_date,
    r.registration_date AS raw_registration_date,
    r.expiry_date AS raw_expiry_date,
    r.cancellation_date AS raw_cancellation_date,
    r.well_known_date AS raw_well_known_date,
    r.applicant_name AS raw_applicant_name,
    r.region_code AS raw_region_code,
    r.credit_code AS raw_credit_code,
    ipwh_clean(r.application_no) AS clean_application_no,
    ipwh_clean(r.mark_kind) AS clean_mark_kind,
    ipwh_clean(r.is_gi) AS clean_is_gi,
    ipwh_clean(r.nice_class) AS clean_nice_class,
    ipwh_clean(r.application_date) AS clean_application_date,
    ipwh_clean(r.registration_date) AS clean_registration_date,
    ipwh_clean(r.expiry_date) AS clean_expiry_date,
    ipwh_clean(r.cancellation_date) AS clean_cancellation_date,
    ipwh_clean(r.well_known_date) AS clean_well_known_date,
    ipwh_clean(r.applicant_name) AS applicant_name,
    ipwh_clean(r.applicant_address) AS applicant_address,
    ipwh_clean(r.region_code) AS clean_region_code
  FROM raw_input AS r
),
typed AS (
  SELECT
    c.*,
    upper(replace(c.clean_application_no, ' ', '')) AS application_no,
    ipwh_enum('trademarks', 'mark_kind', c.clean_mark_kind) AS given_mark_kind,
    ipwh_bool_of_clean(c.clean_is_gi) AS given_is_gi,
    ipwh_int_of_clean(c.clean_nice_class) AS nice_class,
    ipwh_date_of_clean(c.clean_application_date) AS application_date,
    ipwh_date_of_clean(c.clean_registration_date) AS registration_date,
    ipwh_date_of_clean(c.clean_expiry_date) AS given_expiry_date,
    ipwh_date_of_clean(c.clean_cancellation_date) AS cancellation_date,
    ipwh_date_of_clean(c.clean_well_known_date) AS well_known_date,
    ipwh_region_code_of_clean(c.clean_region_code) AS given_region_code
  FROM cleaned AS c
),
attributed AS (
  SELECT
    t.*,
    credit.credit_code,
    credit.credit_ok,
    given.region_code AS known_region_code,
    given.note AS known_region_note,
    ipwh_attribution(t.given_region_code, given.region_code, given.method, address.region_code, credit.region_code) AS attribution
  FROM typed AS t
  LEFT JOIN int_region_code AS given
    ON given.given_code = t.given_region_code
  LEFT JOIN tmp_address_region AS address
    ON address.address = t.applicant_address
  LEFT JOIN tmp_credit_region AS credit
    ON credit.raw_code = t.raw_credit_code
)
SELECT
  a._source,
  a._file,
  a._row,
  a.application_no,
  coalesce(a.given_mark_kind, 'ordinary') AS mark_kind,
  coalesce(a.given_is_gi, FALSE) AS is_gi,
  CAST(a.nice_class AS INTEGER) AS nice_class,
  a.application_date,
  a.registration_date,
  coalesce(a.given_expiry_date, CAST(a.registration_date + INTERVAL 10 YEAR AS DATE)) AS expiry_date,
  a.cancellation_date,
  a.well_known_date,
  a.applicant_name,
  a.applicant_address,
  a.credit_code,
  a.attribution.region_code AS region_code,
  a.attribution.method AS attribution_method,
  CASE WHEN a.attribution.method = 'code_succeeded' THEN a.given_region_code END AS given_region_code,
  coalesce(
    ipwh_required_problem('application_no', a.raw_application_no, a.clean_application_no),
    ipwh_enum_problem('mark_kind', a.raw_mark_kind, a.clean_mark_kind, a.given_mark_kind),
    ipwh_bool_problem('is_gi', a.raw_is_gi, a.clean_is_gi, a.given_is_gi),
    ipwh_number_problem('nice_class', a.raw_nice_class, a.clean_nice_class, a.nice_class),
    CASE WHEN a.nice_class NOT BETWEEN 1 AND 45
      THEN ipwh_problem('bad_number', 'nice_class', a.raw_nice_class, format('nice_class {} 不是尼斯分类 1–45 类', a.nice_class))
    END,
    ipwh_required_problem('application_date', a.raw_application_date, a.clean_application_date),
    ipwh_date_problem('application_date', a.raw_application_date, a.clean_application_date, a.application_date),
    ipwh_date_problem('registration_date', a.raw_registration_date, a.clean_registration_date, a.registration_date),
    ipwh_order_problem('registration_date', a.raw_registration_date, a.registration_date, 'application_date', a.application_date),
    CASE
      WHEN a.clean_expiry_date IS NOT NULL AND (a.given_expiry_date IS NULL OR a.given_expiry_date < DATE '1985-01-01')
        THEN ipwh_problem('bad_date', 'expiry_date', a.raw_expiry_date, format('expiry_date“{}”不是 1985 年以后的日期', a.raw_expiry_date))
    END,
    ipwh_date_problem('cancellation_date', a.raw_cancellation_date, a.clean_cancellation_date, a.cancellation_date),
    ipwh_order_problem('cancellation_date', a.raw_cancellation_date, a.cancellation_date, 'application_date', a.application_date),
    ipwh_date_problem('well_known_date', a.raw_well_known_date, a.clean_well_known_date, a.well_known_date),
    ipwh_order_problem('well_known_date', a.raw_well_known_date, a.well_known_date, 'application_date', a.application_date),
    ipwh_required_problem('applicant_name', a.raw_applicant_name, a.applicant_name),
    ipwh_region_problem('region_code', a.raw_region_code, a.clean_region_code, a.known_region_code, a.known_region_note),
    ipwh_credit_code_problem('credit_code', a.raw_credit_code, a.credit_code, a.credit_ok),
    CASE WHEN a.attribution.region_code IS NULL
      THEN ipwh_problem('region_unresolved', 'applicant_address', a.applicant_address,
        format('没有地区代码，地址“{}”和统一社会信用代码也都无法确定所属地区', coalesce(a.applicant_address, '')))
    END
  ) AS problem
FROM attributed AS a;
