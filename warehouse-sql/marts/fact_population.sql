-- merge_incoming for fact_population: one row per (region_code, year, population_type).
CREATE OR REPLACE TEMP {{incoming}} merge_incoming AS
SELECT
  region_code,
  year,
  population_type,
  population,
  _source AS source_name,
  _file AS source_file,
  _row AS source_row,
  given_region_code
FROM stg_population
WHERE problem IS NULL
QUALIFY row_number() OVER (PARTITION BY region_code, year, population_type ORDER BY _file DESC, _row DESC) = 1;
