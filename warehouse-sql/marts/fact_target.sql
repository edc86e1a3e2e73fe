-- merge_incoming for fact_target: one row per (region_code, year, indicator, period).
CREATE OR REPLACE TEMP {{incoming}} merge_incoming AS
SELECT
  region_code,
  year,
  indicator,
  comparator,
  target_value,
  source_document,
  _source AS source_name,
  _file AS source_file,
  _row AS source_row,
  period,
  given_region_code
FROM stg_targets
WHERE problem IS NULL
QUALIFY row_number() OVER (PARTITION BY region_code, year, indicator, period ORDER BY _file DESC, _row DESC) = 1;
