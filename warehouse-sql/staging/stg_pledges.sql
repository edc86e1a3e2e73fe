-- stg_pledges: one source's IP pledge registrations (知识产权质押登记), typed and checked.
-- Grain: one row per landed source row. Natural key pledge_no.
-- amount is yuan; 1.5万 / 1.5万元 mean 15000 (ipwh_amount), as for subsidies. ip_numbers is kept as text,
-- its separators normalised to ';'.

CREATE OR REPLACE TEMP TABLE stg_pledges AS
WITH typed AS (
  SELECT
    r._source,
    r._file,
    r._row,
    r.pledge_no AS raw_pledge_no,
    r.registration_date AS raw_registration_date,
    r.pledgor_name AS raw_pledgor_name,
    r.credit_code AS raw_credit_code,
    r.amount AS raw_amount,
    r.ip_type AS raw_ip_type,
    r.region_code AS raw_region_code,
    r.cancelled_date AS raw_cancelled_date,
    ipwh_clean(r.pledge_no) AS pledge_no,
    ipwh_date(r.registration_date) AS registration_date,
    ipwh_clean(r.pledgor_name) AS pledgor_name,
    upper(ipwh_clean(r.credit_code)) AS credit_code,
    ipwh_clean(r.pledgee_name) AS pledgee_name,
    ipwh_amount(r.amount) AS amount,
    ipwh_enum('pledges', 'ip_type', r.ip_type) AS ip_type,
    nullif(array_to_string(list_filter(list_transform(regexp_split_to_array(ipwh_clean(r.ip_numbers), '[;；]'), x -> trim(x)), x -> x <> ''), ';'), '') AS ip_numbers,
    ipwh_region_code(r.region_code) AS given_region_code,
    ipwh_date(r.cancelled_date) AS cancelled_date
  FROM raw_input AS r
)
SELECT
  t._source,
  t._file,
  t._row,
  t.pledge_no,
  t.registration_date,
  t.pledgor_name,
  t.credit_code,
  t.pledgee_name,
  t.amount,
  t.ip_type,
  t.ip_numbers,
  region.region_code,
  CASE WHEN region.method = 'code_succeeded' THEN t.given_region_code END AS given_region_code,
  region.method AS attribution_method,
  t.cancelled_date,
  coalesce(
    ipwh_required_problem('pledge_no', t.raw_pledge_no, t.pledge_no),
    ipwh_required_problem('registration_date', t.raw_registration_date, ipwh_clean(t.raw_registration_date)),
    ipwh_date_problem('registration_date', t.raw_registration_date, ipwh_clean(t.raw_registration_date), t.registration_date),
    ipwh_required_problem('pledgor_name', t.raw_pledgor_name, t.pledgor_name),
    ipwh_credit_code_problem('credit_code', t.raw_credit_code, t.credit_code, ipwh_uscc_ok(t.raw_credit_code)),
    ipwh_required_problem('amount', t.raw_amount, ipwh_clean(t.raw_amount)),
    ipwh_number_problem('amount', t.raw_amount, ipwh_clean(t.raw_amount), t.amount),
    ipwh_required_problem('ip_type', t.raw_ip_type, ipwh_clean(t.raw_ip_type)),
    ipwh_enum_problem('ip_type', t.raw_ip_type, ipwh_clean(t.raw_ip_type), t.ip_type),
    ipwh_required_problem('region_code', t.raw_region_code, ipwh_clean(t.raw_region_code)),
    ipwh_region_problem('region_code', t.raw_region_code, ipwh_clean(t.raw_region_code), region.region_code, region.note),
    ipwh_date_problem('cancelled_date', t.raw_cancelled_date, ipwh_clean(t.raw_cancelled_date), t.cancelled_date),
    ipwh_order_problem('cancelled_date', t.raw_cancelled_date, t.cancelled_date, 'registration_date', t.registration_date)
  ) AS problem
FROM typed AS t
LEFT JOIN int_region_code AS region
  ON region.given_code = t.given_region_code;
