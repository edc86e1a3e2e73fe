-- merge_incoming for fact_trademark: accepted rows of stg_trademarks, one per application_no (the last
-- row read wins), in fact_trademark's column order.
-- Speed: only the rows of repeated numbers (win_repeated, found once) go through the row_number()
-- window, and the party id is worked out once per distinct applicant and credit code (win_party).
CREATE OR REPLACE TEMP TABLE win_repeated AS
SELECT application_no
FROM stg_trademarks
WHERE problem IS NULL
GROUP BY application_no
HAVING count(*) > 1;

CREATE OR REPLACE TEMP TABLE win_party AS
SELECT applicant_name, credit_code, ipwh_party_id(applicant_name, credit_code) AS party_id
FROM (SELECT DISTINCT applicant_name, credit_code FROM stg_trademarks WHERE problem IS NULL);

CREATE OR REPLACE TEMP {{incoming}} merge_incoming AS
WITH winning AS (
  SELECT * EXCLUDE (problem)
  FROM stg_trademarks
  ANTI JOIN win_repeated USING (application_no)
  WHERE problem IS NULL
  UNION ALL BY NAME
  SELECT * EXCLUDE (problem)
  FROM stg_trademarks
  SEMI JOIN win_repeated USING (application_no)
  WHERE problem IS NULL
  QUALIFY row_number() OVER (PARTITION BY application_no ORDER BY _file DESC, _row DESC) = 1
)
SELECT
  w.application_no,
  w.mark_kind,
  w.is_gi,
  w.nice_class,
  w.application_date,
  w.registration_date,
  w.expiry_date,
  w.cancellation_date,
  w.applicant_name,
  p.party_id AS applicant_party_id,
  w.applicant_address,
  w.credit_code,
  w.region_code,
  w.attribution_method,
  w._source AS source_name,
  w._file AS source_file,
  w._row AS source_row,
  w.given_region_code,
  w.well_known_date
FROM winning AS w
LEFT JOIN win_party AS p
  ON p.applicant_name IS NOT DISTINCT FROM w.applicant_name
  AND p.credit_code IS NOT DISTINCT FROM w.credit_code;

-- The parties this merge can change, for an incremental dim_party: those of the incoming rows and of
-- the rows they replace (tmp_party_touched, created by the loader; unused on a full rebuild).
INSERT INTO tmp_party_touched
SELECT applicant_party_id FROM merge_incoming WHERE getvariable('ipwh_party_scope') = 'touched'
UNION ALL
SELECT applicant_party_id FROM fact_trademark SEMI JOIN merge_incoming USING (application_no) WHERE getvariable('ipwh_party_scope') = 'touched';
