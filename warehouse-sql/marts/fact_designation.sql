-- merge_incoming for fact_designation: one row per (enterprise, designation, level, year), the
-- enterprise being its credit code when given, else its name.
CREATE OR REPLACE TEMP TABLE merge_incoming AS
SELECT
  credit_code,
  enterprise_name,
  designation,
  level,
  year,
  region_code,
  _source AS source_name,
  _file AS source_file,
  _row AS source_row
FROM stg_designations
WHERE problem IS NULL
QUALIFY row_number() OVER (
  PARTITION BY coalesce(credit_code, enterprise_name), designation, level, year ORDER BY _file DESC, _row DESC) = 1;
