-- Schema version 2 over a warehouse of version 1 (run by Schema.Apply before the table files, only when
-- schema_version says 1). Version 2 attributes facts under retired codes to their successors, keeps plan-
-- period targets and official figures:
--   region_succession   recreated in its v2 shape (names, dates, current_codes; new_code nullable). Version 1
--                       never filled it, and every load reloads it from reference/region_succession.csv.
--   every fact with a region: given_region_code (the retired code as given); the facts without an
--                       attribution_method get one, 'code' for the rows already there.
--   fact_target         period, 'year' for the targets already there (all annual in version 1).
--   etl_reject          region_code and event_date of a quarantined row, NULL for the rows already there.
--   fact_official_figure is new: its file creates it.
-- New columns go last, as in the table files, so a migrated table and a new one have the same shape
-- (appenders and the merge's EXCEPT compare by position).

DROP TABLE IF EXISTS region_succession;

ALTER TABLE fact_patent ADD COLUMN IF NOT EXISTS given_region_code VARCHAR;
ALTER TABLE fact_trademark ADD COLUMN IF NOT EXISTS given_region_code VARCHAR;
ALTER TABLE fact_case ADD COLUMN IF NOT EXISTS given_region_code VARCHAR;
ALTER TABLE fact_case ADD COLUMN IF NOT EXISTS attribution_method VARCHAR DEFAULT 'code';
ALTER TABLE fact_subsidy_payment ADD COLUMN IF NOT EXISTS given_region_code VARCHAR;
ALTER TABLE fact_subsidy_payment ADD COLUMN IF NOT EXISTS attribution_method VARCHAR DEFAULT 'code';
ALTER TABLE fact_population ADD COLUMN IF NOT EXISTS given_region_code VARCHAR;
ALTER TABLE fact_target ADD COLUMN IF NOT EXISTS period VARCHAR DEFAULT 'year';
ALTER TABLE fact_target ADD COLUMN IF NOT EXISTS given_region_code VARCHAR;
ALTER TABLE fact_designation ADD COLUMN IF NOT EXISTS given_region_code VARCHAR;
ALTER TABLE fact_designation ADD COLUMN IF NOT EXISTS attribution_method VARCHAR DEFAULT 'code';
ALTER TABLE fact_training ADD COLUMN IF NOT EXISTS given_region_code VARCHAR;
ALTER TABLE fact_training ADD COLUMN IF NOT EXISTS attribution_method VARCHAR DEFAULT 'code';
ALTER TABLE etl_reject ADD COLUMN IF NOT EXISTS region_code VARCHAR;
ALTER TABLE etl_reject ADD COLUMN IF NOT EXISTS event_date DATE;
