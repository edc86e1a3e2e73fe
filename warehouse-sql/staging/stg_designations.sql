-- stg_designations: one source's enterprise designations (企业认定: 优势/示范/试点企业), typed and checked.
-- Grain: one row per landed source row. Natural key (enterprise: credit code, else name; designation;
-- level; year).

CREATE OR REPLACE TEMP TABLE stg_designations AS
WITH typed AS (
  SELECT
    r._source,
    r._file,
    r._row,
    r.credit_code AS raw_credit_code,
    r.enterprise_name AS raw_enterprise_name,
    r.designation AS raw_designation,
    r.level AS raw_level,
    r.year AS raw_year,
    r.region_code AS raw_region_code,
    upper(ipwh_clean(r.credit_code)) AS credit_code,
    ipwh_clean(r.enterprise_name) AS enterprise_name,
    ipwh_enum('designations', 'designation', r.designation) AS designation,
    ipwh_enum('designations', 'level', r.level) AS level,
    ipwh_int(r.year) AS year,
    ipwh_region_code(r.region_code) AS given_region_code
  FROM raw_input AS r
)
SELECT
  t._source,
  t._file,
  t._row,
  t.credit_code,
  t.enterprise_name,
  t.designation,
  t.level,
  CAST(t.year AS INTEGER) AS year,
  region.region_code,
  CASE WHEN region.method = 'code_succeeded' THEN t.given_region_code END AS given_region_code,
  region.method AS attribution_method,
  coalesce(
    ipwh_credit_code_problem('credit_code', t.raw_credit_code, ipwh_clean(t.raw_credit_code), ipwh_uscc_ok(t.raw_credit_code)),
    ipwh_required_problem('enterprise_name', t.raw_enterprise_name, ipwh_clean(t.raw_enterprise_name)),
    ipwh_required_problem('designation', t.raw_designation, ipwh_clean(t.raw_designation)),
    ipwh_enum_problem('designation', t.raw_designation, ipwh_clean(t.raw_designation), t.designation),
    ipwh_required_problem('level', t.raw_level, ipwh_clean(t.raw_level)),
    ipwh_enum_problem('level', t.raw_level, ipwh_clean(t.raw_level), t.level),
    ipwh_required_problem('year', t.raw_year, ipwh_clean(t.raw_year)),
    ipwh_number_problem('year', t.raw_year, ipwh_clean(t.raw_year), t.year),
    ipwh_required_problem('region_code', t.raw_region_code, ipwh_clean(t.raw_region_code)),
    ipwh_region_problem('region_code', t.raw_region_code, ipwh_clean(t.raw_region_code), region.region_code, region.note)
  ) AS problem
FROM typed AS t
LEFT JOIN int_region_code AS region
  ON region.given_code = t.given_region_code;
