-- merge_incoming for fact_official_figure: one row per (region_code, indicator, year, period).
CREATE OR REPLACE TEMP {{incoming}} merge_incoming AS
SELECT
  region_code,
  given_region_code,
  indicator,
  year,
  period,
  from_year,
  as_of,
  value,
  source_document,
  published_date,
  _source AS source_name,
  _file AS source_file,
  _row AS source_row
FROM stg_official_figures
WHERE problem IS NULL
QUALIFY row_number() OVER (PARTITION BY region_code, indicator, year, period ORDER BY _file DESC, _row DESC) = 1;
