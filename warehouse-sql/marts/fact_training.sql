-- merge_incoming for fact_training: one row per event_id.
CREATE OR REPLACE TEMP {{incoming}} merge_incoming AS
SELECT
  event_id,
  event_date,
  region_code,
  person_times,
  topic,
  _source AS source_name,
  _file AS source_file,
  _row AS source_row,
  given_region_code,
  attribution_method
FROM stg_training
WHERE problem IS NULL
QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY _file DESC, _row DESC) = 1;
