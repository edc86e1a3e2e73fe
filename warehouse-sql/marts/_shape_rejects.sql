-- Quarantine the records the CSV reader could not land because their shape is wrong ({{shape}}, beside the
-- landing table): more or fewer fields than the header, or a line break in a column that is not free text.
-- Their values cannot be assigned to columns, so region and date are not known.
INSERT INTO etl_reject (batch_id, source_name, source_file, source_row, column_name, raw_value, reason, message, region_code, event_date)
SELECT getvariable('ipwh_batch'), _source, _file, _row, column_name, raw_value, 'bad_row_shape', message, NULL, NULL
FROM {{shape}};
