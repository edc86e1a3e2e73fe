-- stg_patents: one source's patent rows, typed, attributed to a region, and checked.
-- Grain: one row per landed source row (raw_input). Key: (_file, _row).
-- Region attribution (ipwh_attribution): the given region code, else the first applicant's address
-- (tmp_address_region, resolved once per distinct address by the loader), else the registering
-- authority of the credit code (tmp_credit_region, see _credit_regions.sql).
-- problem: the first problem in layout column order, NULL for a good row.

CREATE OR REPLACE TEMP TABLE stg_patents AS
WITH typed AS (
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
    ipwh_patent_no(r.application_no) AS application_no,
    ipwh_enum('patents', 'patent_type', r.patent_type) AS given_patent_type,
    ipwh_date(r.application_date) AS application_date,
    ipwh_date(r.grant_date) AS grant_date,
    ipwh_date(r.lapse_date) AS lapse_date,
    ipwh_clean(r.applicant_name) AS applicant_names,
    ipwh_first_applicant(r.applicant_name) AS first_applicant_name,
    ipwh_enum('patents', 'applicant_type', r.applicant_type) AS given_applicant_type,
    ipwh_clean(r.applicant_address) AS applicant_address,
    ipwh_region_code(r.region_code) AS given_region_code,
    upper(ipwh_clean(r.credit_code)) AS credit_code,
    CASE WHEN ipwh_uscc_ok(r.credit_code) THEN ipwh_uscc_area(r.credit_code) END AS credit_area,
    ipwh_clean(r.ipc_main) AS ipc_main,
    ipwh_bool(r.is_pct_national_phase) AS given_is_pct,
    list_filter(
      string_split(regexp_replace(coalesce(ipwh_clean(r.high_value_flags), ''), '[，、;；\s]+', ',', 'g'), ','),
      f -> f <> ''
    ) AS high_value_tokens
  FROM raw_input AS r
),
-- Each high-value token mapped through reference/enums.csv (codes and Chinese names); unknown ones are kept
-- apart so the row can be quarantined as bad_enum.
flags AS (
  SELECT
    f._file,
    f._row,
    list(e.value) FILTER (WHERE e.value IS NOT NULL) AS high_value_flags,
    count(*) FILTER (WHERE e.value IS NULL) AS unknown_flags
  FROM (SELECT _file, _row, unnest(high_value_tokens) AS token FROM typed) AS f
  LEFT JOIN ref_enum AS e
    ON e.layout = 'patents' AND e.column_name = 'high_value_flags' AND e.alias_key = ipwh_enum_key(f.token)
  GROUP BY f._file, f._row
),
attributed AS (
  SELECT
    t.*,
    coalesce(flags.high_value_flags, []) AS high_value_flags,
    coalesce(flags.unknown_flags, 0) AS unknown_flags,
    given.region_code AS known_region_code,
    ipwh_attribution(t.given_region_code, given.region_code, address.region_code, credit.region_code) AS attribution
  FROM typed AS t
  LEFT JOIN flags
    ON flags._file IS NOT DISTINCT FROM t._file AND flags._row = t._row
  LEFT JOIN dim_region AS given
    ON given.region_code = t.given_region_code AND given.is_current
  LEFT JOIN tmp_address_region AS address
    ON address.address = t.applicant_address
  LEFT JOIN tmp_credit_region AS credit
    ON credit.credit_area = t.credit_area
)
SELECT
  a._source,
  a._file,
  a._row,
  a.application_no,
  coalesce(a.given_patent_type, ipwh_patent_type_from_no(a.raw_application_no)) AS patent_type,
  a.application_date,
  a.grant_date,
  a.lapse_date,
  coalesce(a.given_is_pct, ipwh_is_pct_from_no(a.raw_application_no), FALSE) AS is_pct_national_phase,
  a.applicant_names,
  a.first_applicant_name,
  coalesce(a.given_applicant_type, ipwh_applicant_type_from_name(a.first_applicant_name)) AS applicant_type,
  a.applicant_address,
  a.credit_code,
  a.attribution.region_code AS region_code,
  a.attribution.method AS attribution_method,
  a.ipc_main,
  list_contains(a.high_value_flags, 'sei') AS hv_sei,
  list_contains(a.high_value_flags, 'overseas_family') AS hv_overseas_family,
  list_contains(a.high_value_flags, 'pledge') AS hv_pledge,
  list_contains(a.high_value_flags, 'award') AS hv_award,
  coalesce(
    ipwh_required_problem('application_no', a.raw_application_no),
    CASE WHEN NOT coalesce(ipwh_patent_no_ok(a.raw_application_no), FALSE)
      THEN ipwh_problem('bad_check_digit', 'application_no', a.raw_application_no,
        format('application_no ''{}'' is not a patent application number with a valid ZC 0006-2003 check character', a.raw_application_no))
    END,
    ipwh_enum_problem('patents', 'patent_type', a.raw_patent_type, a.given_patent_type),
    ipwh_required_problem('application_date', a.raw_application_date),
    ipwh_date_problem('application_date', a.raw_application_date),
    ipwh_date_problem('grant_date', a.raw_grant_date),
    ipwh_order_problem('grant_date', a.raw_grant_date, a.grant_date, 'application_date', a.application_date),
    ipwh_date_problem('lapse_date', a.raw_lapse_date),
    ipwh_order_problem('lapse_date', a.raw_lapse_date, a.lapse_date, 'application_date', a.application_date),
    ipwh_required_problem('applicant_name', a.raw_applicant_name),
    ipwh_enum_problem('patents', 'applicant_type', a.raw_applicant_type, a.given_applicant_type),
    ipwh_region_problem('region_code', a.raw_region_code, a.known_region_code),
    ipwh_credit_code_problem('credit_code', a.raw_credit_code),
    CASE WHEN a.attribution.region_code IS NULL
      THEN ipwh_problem('region_unresolved', 'applicant_address', a.applicant_address,
        format('no region code, and neither the address ''{}'' nor the credit code resolves to a region', coalesce(a.applicant_address, '')))
    END,
    ipwh_bool_problem('is_pct_national_phase', a.raw_is_pct_national_phase),
    CASE WHEN a.unknown_flags > 0
      THEN ipwh_problem('bad_enum', 'high_value_flags', a.raw_high_value_flags,
        format('high_value_flags ''{}'' has a flag other than sei, overseas_family, pledge, award (or 战略性新兴产业, 海外同族, 质押, 获奖)', a.raw_high_value_flags))
    END
  ) AS problem
FROM attributed AS a;
