-- stg_copyrights: one source's copyright registrations of works (作品著作权登记), typed and checked.
-- Grain: one row per landed source row. Natural key registration_no.

CREATE OR REPLACE TEMP TABLE stg_copyrights AS
WITH typed AS (
  SELECT
    r._source,
    r._file,
    r._row,
    r.registration_no AS raw_registration_no,
    r.registration_date AS raw_registration_date,
    r.owner_name AS raw_owner_name,
    r.credit_code AS raw_credit_code,
    r.region_code AS raw_region_code,
    ipwh_clean(r.registration_no) AS registration_no,
    ipwh_date(r.registration_date) AS registration_date,
    ipwh_clean(r.work_type) AS work_type,
    ipwh_clean(r.title) AS title,
    ipwh_clean(r.owner_name) AS owner_name,
    upper(ipwh_clean(r.credit_code)) AS credit_code,
    ipwh_region_code(r.region_code) AS given_region_code
  FROM raw_input AS r
)
SELECT
  t._source,
  t._file,
  t._row,
  t.registration_no,
  t.registration_date,
  t.work_type,
  t.title,
  t.owner_name,
  t.credit_code,
  region.region_code,
  CASE WHEN region.method = 'code_succeeded' THEN t.given_region_code END AS given_region_code,
  region.method AS attribution_method,
  coalesce(
    ipwh_required_problem('registration_no', t.raw_registration_no, t.registration_no),
    ipwh_required_problem('registration_date', t.raw_registration_date, ipwh_clean(t.raw_registration_date)),
    ipwh_date_problem('registration_date', t.raw_registration_date, ipwh_clean(t.raw_registration_date), t.registration_date),
    ipwh_required_problem('owner_name', t.raw_owner_name, t.owner_name),
    ipwh_credit_code_problem('credit_code', t.raw_credit_code, t.credit_code, ipwh_uscc_ok(t.raw_credit_code)),
    ipwh_required_problem('region_code', t.raw_region_code, ipwh_clean(t.raw_region_code)),
    ipwh_region_problem('region_code', t.raw_region_code, ipwh_clean(t.raw_region_code), region.region_code, region.note)
  ) AS problem
FROM typed AS t
LEFT JOIN int_region_code AS region
  ON region.given_code = t.given_region_code;
