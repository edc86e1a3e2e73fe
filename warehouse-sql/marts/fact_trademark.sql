-- merge_incoming for fact_trademark: accepted rows of stg_trademarks, one per application_no (the last
-- row read wins), in fact_trademark's column order.
CREATE OR REPLACE TEMP TABLE merge_incoming AS
SELECT
  application_no,
  mark_kind,
  is_gi,
  nice_class,
  application_date,
  registration_date,
  expiry_date,
  cancellation_date,
  applicant_name,
  ipwh_party_id(applicant_name, credit_code) AS applicant_party_id,
  applicant_address,
  credit_code,
  region_code,
  attribution_method,
  _source AS source_name,
  _file AS source_file,
  _row AS source_row,
  given_region_code,
  well_known_date
FROM stg_trademarks
WHERE problem IS NULL
QUALIFY row_number() OVER (PARTITION BY application_no ORDER BY _file DESC, _row DESC) = 1;

-- The parties this merge can change, for an incremental dim_party: those of the incoming rows and of
-- the rows they replace (tmp_party_touched, created by the loader; unused on a full rebuild).
INSERT INTO tmp_party_touched
SELECT applicant_party_id FROM merge_incoming WHERE getvariable('ipwh_party_scope') = 'touched'
UNION ALL
SELECT applicant_party_id FROM fact_trademark SEMI JOIN merge_incoming USING (application_no) WHERE getvariable('ipwh_party_scope') = 'touched';
