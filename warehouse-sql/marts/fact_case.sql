-- merge_incoming for fact_case: accepted rows of stg_cases, one per case_no (the last row read wins).
-- A case re-sent closed updates the open one (accumulating snapshot).
CREATE OR REPLACE TEMP {{incoming}} merge_incoming AS
SELECT
  case_no,
  case_type,
  campaign,
  filed_date,
  closed_date,
  transferred_date,
  suspended_days,
  is_online,
  region_code,
  involved_amount,
  fine_amount,
  department,
  _source AS source_name,
  _file AS source_file,
  _row AS source_row,
  given_region_code,
  attribution_method
FROM stg_cases
WHERE problem IS NULL
QUALIFY row_number() OVER (PARTITION BY case_no ORDER BY _file DESC, _row DESC) = 1;
