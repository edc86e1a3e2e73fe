-- stg_patents: one source's patent rows, typed, attributed to a region, and checked.
-- Grain: one row per landed source row (raw_input). Key: (_file, _row).
-- Region attribution (ipwh_attribution): the given region code (a retired one followed to its current
-- successor, int_region_code: method code_succeeded), else the first applicant's address
-- (tmp_address_region, resolved once per distinct address by the loader), else the registering
-- authority of the credit code (tmp_credit_region, see _credit_regions.sql).
-- problem: the first problem in layout column order, NULL for a good row.
-- Speed: every column is cleaned once (cleaned), parsed once from the cleaned value (typed), and the
-- problem checks read those values. Values that repeat across millions of rows are worked out once per
-- distinct raw value and joined back: applicant names (names), credit codes (tmp_credit_region) and
-- high-value flags (flags).

CREATE OR REPLACE TEMP TABLE stg_patents AS
WITH names AS (
  SELECT
    raw_name,
    applicant_names,
    first_applicant_name,
    ipwh_applicant_type_from_name(first_applicant_name) AS derived_applicant_type
  FROM (
    SELECT raw_name, applicant_names, ipwh_first_applicant_of_clean(applicant_names) AS first_applicant_name
    FROM (
      SELECT raw_name, ipwh_clean(raw_name) AS applicant_names
      FROM (SELECT DISTINCT applicant_name AS raw_name FROM raw_input WHERE applicant_name IS NOT NULL)
    )
  )
),
-- Each high-value token mapped through reference/enums.csv (codes and Chinese names); unknown ones are
-- counted so the row can be quarantined as bad_enum.
flags AS (
  SELECT
    f.raw_flags,
    list(e.value) FILTER (WHERE e.value IS NOT NULL) AS high_value_flags,
    count(*) FILTER (WHERE e.value IS NULL) AS unknown_flags
  FROM (
    SELECT
      raw_flags,
      unnest(list_filter(
        string_split(regexp_replace(coalesce(ipwh_clean(raw_flags), ''), '[，、;；\s]+', ',', 'g'), ','),
        f -> f <> ''
      )) AS token
    FROM (SELECT DISTINCT high_value_flags AS raw_flags FROM raw_input WHERE high_value_flags IS NOT NULL)
  ) AS f
  LEFT JOIN ref_enum AS e
    ON e.layout = 'patents' AND e.column_name = 'high_value_flags' AND e.alias_key = ipwh_enum_key(f.token)
  GROUP BY f.raw_flags
),
cleaned AS (
  SELECT
    r._source,
    r._file,
    r._row,
    r.application_no AS raw_application_no,
    r.patent_type AS raw_patent_type,
    r.application_date AS raw_application_date,
    r.grant_date AS raw_grant_date,
    r.lapse_date AS raw_lapse_date,
    r.applicant_name AS raw_applicant_name,
    r.applicant_type AS raw_applicant_type,
    r.region_code AS raw_region_code,
    r.credit_code AS raw_credit_code,
    r.is_pct_national_phase AS raw_is_pct_national_phase,
    r.high_value_flags AS raw_high_value_flags,
    r.abnormal_date AS raw_abnormal_date,
    ipwh_clean(r.application_no) AS clean_application_no,
    ipwh_clean(r.patent_type) AS clean_patent_type,
    ipwh_clean(r.application_date) AS clean_application_date,
    ipwh_clean(r.grant_date) AS clean_grant_date,
    ipwh_clean(r.lapse_date) AS clean_lapse_date,
    ipwh_clean(r.abnormal_date) AS clean_abnormal_date,
    ipwh_clean(r.applicant_type) AS clean_applicant_type,
    ipwh_clean(r.applicant_address) AS applicant_address,
    ipwh_clean(r.region_code) AS clean_region_code,
    ipwh_clean(r.ipc_main) AS ipc_main,
    ipwh_clean(r.is_pct_national_phase) AS clean_is_pct_national_phase
  FROM raw_input AS r
),
typed AS (
  SELECT
    c.*,
    ipwh_patent_no_parts_of_clean(c.clean_application_no) AS application_no_parts,
    ipwh_enum('patents', 'patent_type', c.clean_patent_type) AS given_patent_type,
    ipwh_date_of_clean(c.clean_application_date) AS application_date,
    ipwh_date_of_clean(c.clean_grant_date) AS grant_date,
    ipwh_date_of_clean(c.clean_lapse_date) AS lapse_date,
    ipwh_date_of_clean(c.clean_abnormal_date) AS abnormal_date,
    ipwh_enum('patents', 'applicant_type', c.clean_applicant_type) AS given_applicant_type,
    ipwh_region_code_of_clean(c.clean_region_code) AS given_region_code,
    ipwh_bool_of_clean(c.clean_is_pct_national_phase) AS given_is_pct
  FROM cleaned AS c
),
attributed AS (
  SELECT
    t.*,
    ipwh_patent_no_of_parts(t.application_no_parts) AS application_no,
    ipwh_patent_no_ok_of_parts(t.application_no_parts) AS application_no_ok,
    ipwh_patent_type_digit_of_parts(t.application_no_parts) AS type_digit,
    names.applicant_names,
    names.first_applicant_name,
    names.derived_applicant_type,
    credit.credit_code,
    credit.credit_ok,
    coalesce(flags.high_value_flags, []) AS high_value_flags,
    coalesce(flags.unknown_flags, 0) AS unknown_flags,
    given.region_code AS known_region_code,
    given.note AS known_region_note,
    ipwh_attribution(t.given_region_code, given.region_code, given.method, address.region_code, credit.region_code) AS attribution
  FROM typed AS t
  LEFT JOIN names
    ON names.raw_name = t.raw_applicant_name
  LEFT JOIN flags
    ON flags.raw_flags = t.raw_high_value_flags
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
  coalesce(a.given_patent_type, ipwh_patent_type_of_digit(a.type_digit)) AS patent_type,
  a.application_date,
  a.grant_date,
  a.lapse_date,
  coalesce(a.given_is_pct, a.type_digit IN (8, 9), FALSE) AS is_pct_national_phase,
  a.applicant_names,
  a.first_applicant_name,
  coalesce(a.given_applicant_type, a.derived_applicant_type) AS applicant_type,
  a.applicant_address,
  a.credit_code,
  a.attribution.region_code AS region_code,
  a.attribution.method AS attribution_method,
  CASE WHEN a.attribution.method = 'code_succeeded' THEN a.given_region_code END AS given_region_code,
  a.ipc_main,
  list_contains(a.high_value_flags, 'sei') AS hv_sei,
  list_contains(a.high_value_flags, 'overseas_family') AS hv_overseas_family,
  list_contains(a.high_value_flags, 'pledge') AS hv_pledge,
  list_contains(a.high_value_flags, 'award') AS hv_award,
  a.abnormal_date,
  coalesce(
    ipwh_required_problem('application_no', a.raw_application_no, a.clean_application_no),
    CASE WHEN NOT coalesce(a.application_no_ok, FALSE)
      THEN ipwh_problem('bad_check_digit', 'application_no', a.raw_application_no,
        format('application_no“{}”不是校验位正确的专利申请号（ZC 0006-2003）', a.raw_application_no))
    END,
    ipwh_enum_problem('patent_type', a.raw_patent_type, a.clean_patent_type, a.given_patent_type),
    ipwh_required_problem('application_date', a.raw_application_date, a.clean_application_date),
    ipwh_date_problem('application_date', a.raw_application_date, a.clean_application_date, a.application_date),
    ipwh_date_problem('grant_date', a.raw_grant_date, a.clean_grant_date, a.grant_date),
    ipwh_order_problem('grant_date', a.raw_grant_date, a.grant_date, 'application_date', a.application_date),
    ipwh_date_problem('lapse_date', a.raw_lapse_date, a.clean_lapse_date, a.lapse_date),
    ipwh_order_problem('lapse_date', a.raw_lapse_date, a.lapse_date, 'application_date', a.application_date),
    ipwh_required_problem('applicant_name', a.raw_applicant_name, a.applicant_names),
    ipwh_enum_problem('applicant_type', a.raw_applicant_type, a.clean_applicant_type, a.given_applicant_type),
    ipwh_region_problem('region_code', a.raw_region_code, a.clean_region_code, a.known_region_code, a.known_region_note),
    ipwh_credit_code_problem('credit_code', a.raw_credit_code, a.credit_code, a.credit_ok),
    CASE WHEN a.attribution.region_code IS NULL
      THEN ipwh_problem('region_unresolved', 'applicant_address', a.applicant_address,
        format('没有地区代码，地址“{}”和统一社会信用代码也都无法确定所属地区', coalesce(a.applicant_address, '')))
    END,
    ipwh_bool_problem('is_pct_national_phase', a.raw_is_pct_national_phase, a.clean_is_pct_national_phase, a.given_is_pct),
    CASE WHEN a.unknown_flags > 0
      THEN ipwh_problem('bad_enum', 'high_value_flags', a.raw_high_value_flags,
        format('high_value_flags“{}”含有 sei、overseas_family、pledge、award（或 战略性新兴产业、海外同族、质押、获奖）以外的标记', a.raw_high_value_flags))
    END,
    ipwh_date_problem('abnormal_date', a.raw_abnormal_date, a.clean_abnormal_date, a.abnormal_date),
    ipwh_order_problem('abnormal_date', a.raw_abnormal_date, a.abnormal_date, 'application_date', a.application_date)
  ) AS problem
FROM attributed AS a;
