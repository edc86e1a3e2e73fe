-- Quarantine the rows of {{stg}} that have a problem, with where they were read and why, and where and when
-- they would have counted as far as that could be read ({{event_date}}: the kind's own date, or NULL).
INSERT INTO etl_reject (batch_id, source_name, source_file, source_row, column_name, raw_value, reason, message, region_code, event_date)
SELECT
  getvariable('ipwh_batch'),
  _source,
  _file,
  _row,
  problem.column_name,
  problem.raw_value,
  problem.reason,
  problem.message,
  region_code,
  {{event_date}}
FROM {{stg}}
WHERE problem IS NOT NULL;
