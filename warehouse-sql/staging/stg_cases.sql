-- stg_cases: one source's enforcement cases (执法案件), typed and checked.
-- Grain: one row per landed source row (raw_input). Key: (_file, _row); natural key case_no.
-- The case's region is the handling unit's code, which is required (no address attribution).
-- An empty suspended_days means 0 (SOURCES.md).

CREATE OR REPLACE TEMP TABLE stg_cases AS
WITH typed AS (
  SELECT
    r._source,
    r._file,
    r._row,
    r.case_no AS raw_case_no,
    r.case_type AS raw_case_type,
    r.filed_date AS raw_filed_date,
    r.closed_date AS raw_closed_date,
    r.transferred_date AS raw_transferred_date,
    r.suspended_days AS raw_suspended_days,
    r.is_online AS raw_is_online,
    r.region_code AS raw_region_code,
    r.involved_amount AS raw_involved_amount,
    r.fine_amount AS raw_fine_amount,
    ipwh_clean(r.case_no) AS case_no,
    ipwh_enum('cases', 'case_type', r.case_type) AS case_type,
    ipwh_clean(r.campaign) AS campaign,
    ipwh_date(r.filed_date) AS filed_date,
    ipwh_date(r.closed_date) AS closed_date,
    ipwh_date(r.transferred_date) AS transferred_date,
    coalesce(ipwh_int(r.suspended_days), CASE WHEN ipwh_clean(r.suspended_days) IS NULL THEN 0 END) AS suspended_days,
    ipwh_bool(r.is_online) AS given_is_online,
    ipwh_region_code(r.region_code) AS given_region_code,
    ipwh_amount(r.involved_amount) AS involved_amount,
    ipwh_amount(r.fine_amount) AS fine_amount,
    ipwh_clean(r.department) AS department
  FROM raw_input AS r
)
SELECT
  t._source,
  t._file,
  t._row,
  t.case_no,
  t.case_type,
  t.campaign,
  t.filed_date,
  t.closed_date,
  t.transferred_date,
  CAST(t.suspended_days AS INTEGER) AS suspended_days,
  coalesce(t.given_is_online, FALSE) AS is_online,
  region.region_code,
  CASE WHEN region.method = 'code_succeeded' THEN t.given_region_code END AS given_region_code,
  region.method AS attribution_method,
  t.involved_amount,
  t.fine_amount,
  t.department,
  coalesce(
    ipwh_required_problem('case_no', t.raw_case_no, ipwh_clean(t.raw_case_no)),
    ipwh_required_problem('case_type', t.raw_case_type, ipwh_clean(t.raw_case_type)),
    ipwh_enum_problem('case_type', t.raw_case_type, ipwh_clean(t.raw_case_type), t.case_type),
    ipwh_required_problem('filed_date', t.raw_filed_date, ipwh_clean(t.raw_filed_date)),
    ipwh_date_problem('filed_date', t.raw_filed_date, ipwh_clean(t.raw_filed_date), t.filed_date),
    ipwh_date_problem('closed_date', t.raw_closed_date, ipwh_clean(t.raw_closed_date), t.closed_date),
    ipwh_order_problem('closed_date', t.raw_closed_date, t.closed_date, 'filed_date', t.filed_date),
    ipwh_date_problem('transferred_date', t.raw_transferred_date, ipwh_clean(t.raw_transferred_date), t.transferred_date),
    ipwh_order_problem('transferred_date', t.raw_transferred_date, t.transferred_date, 'filed_date', t.filed_date),
    ipwh_number_problem('suspended_days', t.raw_suspended_days, ipwh_clean(t.raw_suspended_days), t.suspended_days),
    ipwh_bool_problem('is_online', t.raw_is_online, ipwh_clean(t.raw_is_online), t.given_is_online),
    ipwh_required_problem('region_code', t.raw_region_code, ipwh_clean(t.raw_region_code)),
    ipwh_region_problem('region_code', t.raw_region_code, ipwh_clean(t.raw_region_code), region.region_code, region.note),
    ipwh_number_problem('involved_amount', t.raw_involved_amount, ipwh_clean(t.raw_involved_amount), t.involved_amount),
    ipwh_number_problem('fine_amount', t.raw_fine_amount, ipwh_clean(t.raw_fine_amount), t.fine_amount)
  ) AS problem
FROM typed AS t
LEFT JOIN int_region_code AS region
  ON region.given_code = t.given_region_code;
