-- stg_targets: one source's targets (目标) from plan documents, typed and checked.
-- Grain: one row per landed source row. Natural key (region_code, year, indicator, period).
-- indicator must be a code of INDICATORS.md's catalogue (ref_enum 'targets'/'indicator');
-- target_value is required except for the >parent_avg comparator. period is 'year' for an annual target
-- (empty in the source) or 'YYYY-YYYY' for a plan period ending in year (2021-2025, 十四五).

CREATE OR REPLACE TEMP TABLE stg_targets AS
WITH typed AS (
  SELECT
    r._source,
    r._file,
    r._row,
    r.region_code AS raw_region_code,
    r.year AS raw_year,
    r.indicator AS raw_indicator,
    r.comparator AS raw_comparator,
    r.target_value AS raw_target_value,
    r.period AS raw_period,
    ipwh_clean(r.period) AS clean_period,
    ipwh_period(r.period) AS plan_period,
    ipwh_region_code(r.region_code) AS given_region_code,
    ipwh_int(r.year) AS year,
    ipwh_enum('targets', 'indicator', r.indicator) AS indicator,
    ipwh_enum('targets', 'comparator', r.comparator) AS comparator,
    TRY_CAST(replace(replace(ipwh_clean(r.target_value), ',', ''), '%', '') AS DECIMAL(18, 4)) AS target_value,
    ipwh_clean(r.source_document) AS source_document
  FROM raw_input AS r
)
SELECT
  t._source,
  t._file,
  t._row,
  region.keyed_region_code AS region_code,
  CASE WHEN region.method = 'code_succeeded' THEN t.given_region_code END AS given_region_code,
  CAST(t.year AS INTEGER) AS year,
  t.indicator,
  t.comparator,
  t.target_value,
  t.source_document,
  CASE WHEN t.plan_period IS NULL THEN 'year' ELSE format('{}-{}', t.plan_period.from_year, t.plan_period.to_year) END AS period,
  coalesce(
    ipwh_required_problem('region_code', t.raw_region_code, ipwh_clean(t.raw_region_code)),
    ipwh_region_problem('region_code', t.raw_region_code, ipwh_clean(t.raw_region_code), region.keyed_region_code,
      coalesce(region.keyed_note, region.note)),
    ipwh_required_problem('year', t.raw_year, ipwh_clean(t.raw_year)),
    ipwh_number_problem('year', t.raw_year, ipwh_clean(t.raw_year), t.year),
    ipwh_required_problem('indicator', t.raw_indicator, ipwh_clean(t.raw_indicator)),
    ipwh_enum_problem('indicator', t.raw_indicator, ipwh_clean(t.raw_indicator), t.indicator),
    ipwh_required_problem('comparator', t.raw_comparator, ipwh_clean(t.raw_comparator)),
    ipwh_enum_problem('comparator', t.raw_comparator, ipwh_clean(t.raw_comparator), t.comparator),
    CASE WHEN t.comparator <> '>parent_avg' THEN ipwh_required_problem('target_value', t.raw_target_value, ipwh_clean(t.raw_target_value)) END,
    CASE WHEN ipwh_clean(t.raw_target_value) IS NOT NULL AND t.target_value IS NULL
      THEN ipwh_problem('bad_number', 'target_value', t.raw_target_value, format('target_value“{}”不是数字', t.raw_target_value))
    END,
    ipwh_period_problem('period', t.raw_period, t.clean_period, t.plan_period, t.year)
  ) AS problem
FROM typed AS t
LEFT JOIN int_region_code AS region
  ON region.given_code = t.given_region_code;
