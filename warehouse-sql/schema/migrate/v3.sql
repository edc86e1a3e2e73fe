-- Schema version 3 over a warehouse of version 2 (run by Schema.Apply before the table files, only when
-- schema_version says 2). Version 3 adds the quarantine reason bad_row_shape (SOURCES.md):
--   etl_reject   recreated with the wider CHECK on reason (DuckDB cannot alter a CHECK), rows kept as they are.

CREATE TABLE etl_reject_v3 (
  batch_id    VARCHAR NOT NULL,
  source_name VARCHAR NOT NULL,
  source_file VARCHAR,
  source_row  BIGINT NOT NULL,
  column_name VARCHAR NOT NULL,
  raw_value   VARCHAR,
  reason      VARCHAR NOT NULL CHECK (reason IN (
    'missing_required', 'bad_date', 'bad_number', 'bad_enum', 'bad_check_digit', 'date_order',
    'unknown_region', 'region_unresolved', 'bad_row_shape'
  )),
  message     VARCHAR NOT NULL,
  region_code VARCHAR,
  event_date  DATE
);
INSERT INTO etl_reject_v3 SELECT * FROM etl_reject;
DROP TABLE etl_reject;
ALTER TABLE etl_reject_v3 RENAME TO etl_reject;
