-- Schema version 3 over a warehouse of version 2 (run by Schema.Apply before the table files, only when
-- schema_version says 2). Version 3 counts abnormal patent applications, well-known and Madrid marks,
-- pledges, copyrights and GI products:
--   fact_patent      abnormal_date (非正常申请认定日), NULL for the rows already there.
--   fact_trademark   well_known_date (驰名商标认定日), NULL for the rows already there.
--   fact_pledge, fact_copyright, fact_gi_product are new: their files create them.
-- New columns go last, as in the table files, so a migrated table and a new one have the same shape.

ALTER TABLE fact_patent ADD COLUMN IF NOT EXISTS abnormal_date DATE;
ALTER TABLE fact_trademark ADD COLUMN IF NOT EXISTS well_known_date DATE;
