-- merge_incoming for fact_designation: one row per (enterprise, designation, level, year), the
-- enterprise being its credit code when given, else its name.
CREATE OR REPLACE TEMP {{incoming}} merge_incoming AS
SELECT
  credit_code,
  enterprise_name,
  designation,
  level,
  year,
  region_code,
  _source AS source_name,
  _file AS source_file,
  _row AS source_row,
  given_region_code,
  attribution_method
FROM stg_designations
WHERE problem IS NULL
QUALIFY row_number() OVER (
  PARTITION BY coalesce(credit_code, enterprise_name), designation, level, year ORDER BY _file DESC, _row DESC) = 1;

-- The parties this merge can change, for an incremental dim_party: those of the incoming rows and of
-- the rows they replace (tmp_party_touched, created by the loader; unused on a full rebuild).
INSERT INTO tmp_party_touched
SELECT ipwh_party_id(enterprise_name, credit_code) FROM merge_incoming WHERE getvariable('ipwh_party_scope') = 'touched'
UNION ALL
SELECT ipwh_party_id(enterprise_name, credit_code) FROM fact_designation SEMI JOIN merge_incoming USING (enterprise_name, designation, level, year) WHERE getvariable('ipwh_party_scope') = 'touched';
