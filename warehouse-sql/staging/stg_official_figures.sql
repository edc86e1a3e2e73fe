-- stg_official_figures: one source's published figures (官方公布数: bulletins, yearbooks), typed and checked.
-- Grain: one row per landed source row. Natural key (region_code, indicator, year, period).
-- indicator must be a code (or Chinese name) of INDICATORS.md's catalogue, the list targets use
-- (ref_enum 'targets'/'indicator'). period is 'year' when empty, 'YYYY-YYYY' for whole years ending in year
-- (2021-2025, 十四五), or the date of a year to date in year ('2024-06-30', as_of). value is read in the
-- indicator's unit (ipwh_figure: 16.1%, 5,537件, 150万元).

CREATE OR REPLACE TEMP TABLE stg_official_figures AS
WITH typed AS (
  SELECT
    r._source,
    r._file,
    r._row,
    r.region_code AS raw_region_code,
    r.indicator AS raw_indicator,
    r.year AS raw_year,
    r.period AS raw_period,
    r.value AS raw_value,
    r.source_document AS raw_source_document,
    r.published_date AS raw_published_date,
    ipwh_region_code(r.region_code) AS given_region_code,
    ipwh_enum('targets', 'indicator', r.indicator) AS indicator,
    ipwh_int(r.year) AS year,
    ipwh_clean(r.period) AS clean_period,
    ipwh_period(r.period) AS range_period,
    ipwh_date(r.period) AS as_of,
    ipwh_figure(r.value) AS value,
    ipwh_clean(r.source_document) AS source_document,
    ipwh_date(r.published_date) AS published_date
  FROM raw_input AS r
)
SELECT
  t._source,
  t._file,
  t._row,
  region.keyed_region_code AS region_code,
  CASE WHEN region.method = 'code_succeeded' THEN t.given_region_code END AS given_region_code,
  t.indicator,
  CAST(t.year AS INTEGER) AS year,
  CASE
    WHEN t.as_of IS NOT NULL THEN strftime(t.as_of, '%Y-%m-%d')
    WHEN t.range_period IS NOT NULL THEN format('{}-{}', t.range_period.from_year, t.range_period.to_year)
    ELSE 'year'
  END AS period,
  CAST(coalesce(t.range_period.from_year, t.year) AS INTEGER) AS from_year,
  t.as_of,
  CAST(t.value AS DECIMAL(20, 4)) AS value,
  t.source_document,
  t.published_date,
  coalesce(
    ipwh_required_problem('region_code', t.raw_region_code, ipwh_clean(t.raw_region_code)),
    ipwh_region_problem('region_code', t.raw_region_code, ipwh_clean(t.raw_region_code), region.keyed_region_code,
      coalesce(region.keyed_note, region.note)),
    ipwh_required_problem('indicator', t.raw_indicator, ipwh_clean(t.raw_indicator)),
    ipwh_enum_problem('indicator', t.raw_indicator, ipwh_clean(t.raw_indicator), t.indicator),
    ipwh_required_problem('year', t.raw_year, ipwh_clean(t.raw_year)),
    ipwh_number_problem('year', t.raw_year, ipwh_clean(t.raw_year), t.year),
    CASE WHEN t.year NOT BETWEEN 1985 AND year(CAST(getvariable('ipwh_today') AS DATE)) + 1
      THEN ipwh_problem('bad_number', 'year', t.raw_year, format('year {} 不在 1985 年至明年之间', t.year))
    END,
    CASE
      WHEN t.as_of IS NOT NULL AND year(t.as_of) <> t.year
        THEN ipwh_problem('bad_date', 'period', t.raw_period, format('period {} 不在 {} 年内：年初至今的截至日必须在该年度之内', t.as_of, t.year))
      WHEN t.as_of IS NOT NULL
        THEN ipwh_date_problem('period', t.raw_period, t.clean_period, t.as_of)
      WHEN t.clean_period IS NOT NULL AND t.range_period IS NULL
        THEN ipwh_problem('bad_number', 'period', t.raw_period,
          format('period“{}”既不是若干整年的区间（2021-2025）也不是日期（2024-06-30）；只针对一年时留空', t.raw_period))
      ELSE ipwh_period_problem('period', t.raw_period, t.clean_period, t.range_period, t.year)
    END,
    ipwh_required_problem('value', t.raw_value, ipwh_clean(t.raw_value)),
    CASE WHEN ipwh_clean(t.raw_value) IS NOT NULL AND t.value IS NULL
      THEN ipwh_problem('bad_number', 'value', t.raw_value, format('value“{}”不是数字', t.raw_value))
    END,
    ipwh_required_problem('source_document', t.raw_source_document, t.source_document),
    ipwh_date_problem('published_date', t.raw_published_date, ipwh_clean(t.raw_published_date), t.published_date)
  ) AS problem
FROM typed AS t
LEFT JOIN int_region_code AS region
  ON region.given_code = t.given_region_code;
