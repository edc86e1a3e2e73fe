-- Quarantine the rows of {{stg}} that have a problem, with where they were read and why.
INSERT INTO etl_reject (batch_id, source_name, source_file, source_row, column_name, raw_value, reason, message)
SELECT
  getvariable('ipwh_batch'),
  _source,
  _file,
  _row,
  problem.column_name,
  problem.raw_value,
  problem.reason,
  problem.message
FROM {{stg}}
WHERE problem IS NOT NULL;
