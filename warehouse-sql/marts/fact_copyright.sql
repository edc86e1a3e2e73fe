-- merge_incoming for fact_copyright: one row per registration_no (the last row read wins), in
-- fact_copyright's column order.
CREATE OR REPLACE TEMP {{incoming}} merge_incoming AS
SELECT
  registration_no,
  registration_date,
  work_type,
  title,
  owner_name,
  ipwh_party_id(owner_name, credit_code) AS owner_party_id,
  credit_code,
  region_code,
  _source AS source_name,
  _file AS source_file,
  _row AS source_row,
  given_region_code,
  attribution_method
FROM stg_copyrights
WHERE problem IS NULL
QUALIFY row_number() OVER (PARTITION BY registration_no ORDER BY _file DESC, _row DESC) = 1;

-- The parties this merge can change, for an incremental dim_party (see fact_trademark.sql).
INSERT INTO tmp_party_touched
SELECT owner_party_id FROM merge_incoming WHERE getvariable('ipwh_party_scope') = 'touched'
UNION ALL
SELECT owner_party_id FROM fact_copyright SEMI JOIN merge_incoming USING (registration_no) WHERE getvariable('ipwh_party_scope') = 'touched';
