-- Schema version 3 over a warehouse of version 2 (run by Schema.Apply before the table files, only when
-- schema_version says 2). Version 3 adds the quarantine reason bad_row_shape (SOURCES.md) and counts abnormal
-- patent applications, well-known and Madrid marks, pledges, copyrights and GI products:
--   etl_reject       recreated with the wider CHECK on reason (DuckDB cannot alter a CHECK), rows kept as they are.
--   fact_patent      abnormal_date (非正常申请认定日), NULL for the rows already there.
--   fact_trademark   well_known_date (驰名商标认定日), NULL for the rows already there.
--   fact_pledge, fact_copyright, fact_gi_product are new: their files create them.
-- New columns go last, as in the table files, so a migrated table and a new one have the same shape.

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

ALTER TABLE fact_patent ADD COLUMN IF NOT EXISTS abnormal_date DATE;
ALTER TABLE fact_trademark ADD COLUMN IF NOT EXISTS well_known_date DATE;
