-- stg_population: one source's population rows (人口), typed and checked.
-- Grain: one row per landed source row. Natural key (region_code, year, population_type); the type
-- defaults to resident (常住), persons at year end.

CREATE OR REPLACE TEMP TABLE stg_population AS
WITH typed AS (
  SELECT
    r._source,
    r._file,
    r._row,
    r.region_code AS raw_region_code,
    r.year AS raw_year,
    r.population AS raw_population,
    r.population_type AS raw_population_type,
    ipwh_region_code(r.region_code) AS given_region_code,
    ipwh_int(r.year) AS year,
    ipwh_int(r.population) AS population,
    ipwh_enum('population', 'population_type', r.population_type) AS given_population_type
  FROM raw_input AS r
)
SELECT
  t._source,
  t._file,
  t._row,
  region.keyed_region_code AS region_code,
  CASE WHEN region.method = 'code_succeeded' THEN t.given_region_code END AS given_region_code,
  CAST(t.year AS INTEGER) AS year,
  coalesce(t.given_population_type, 'resident') AS population_type,
  t.population,
  coalesce(
    ipwh_required_problem('region_code', t.raw_region_code, ipwh_clean(t.raw_region_code)),
    ipwh_region_problem('region_code', t.raw_region_code, ipwh_clean(t.raw_region_code), region.keyed_region_code,
      coalesce(region.keyed_note, region.note)),
    ipwh_required_problem('year', t.raw_year, ipwh_clean(t.raw_year)),
    ipwh_number_problem('year', t.raw_year, ipwh_clean(t.raw_year), t.year),
    CASE WHEN t.year NOT BETWEEN 1985 AND year(CAST(getvariable('ipwh_today') AS DATE)) + 1
      THEN ipwh_problem('bad_number', 'year', t.raw_year, format('year {} 不在 1985 年至明年之间', t.year))
    END,
    ipwh_required_problem('population', t.raw_population, ipwh_clean(t.raw_population)),
    ipwh_number_problem('population', t.raw_population, ipwh_clean(t.raw_population), t.population),
    ipwh_enum_problem('population_type', t.raw_population_type, ipwh_clean(t.raw_population_type), t.given_population_type)
  ) AS problem
FROM typed AS t
LEFT JOIN int_region_code AS region
  ON region.given_code = t.given_region_code;
