-- merge_incoming for fact_patent: the accepted rows of stg_patents, one per application_no (the last
-- row read wins), in fact_patent's column order. win_patents keeps the winning rows' applicant lists
-- for bridge_patent_party. Both read the winning rows from ipwh_winning_patents().
-- Speed: a province's file rarely repeats an application number, so only the rows of repeated numbers
-- (win_repeated, found once) go through the row_number() window; the others are taken as they are.
-- The party id (a hash of the normalised name) is worked out once per distinct applicant and credit
-- code (win_party), not once per row.
CREATE OR REPLACE TEMP TABLE win_repeated AS
SELECT application_no
FROM stg_patents
WHERE problem IS NULL
GROUP BY application_no
HAVING count(*) > 1;

CREATE OR REPLACE TEMP TABLE win_party AS
SELECT first_applicant_name, credit_code, ipwh_party_id(first_applicant_name, credit_code) AS party_id
FROM (SELECT DISTINCT first_applicant_name, credit_code FROM stg_patents WHERE problem IS NULL);

CREATE OR REPLACE TEMP MACRO ipwh_winning_patents() AS TABLE
SELECT * EXCLUDE (problem)
FROM stg_patents
ANTI JOIN win_repeated USING (application_no)
WHERE problem IS NULL
UNION ALL BY NAME
SELECT * EXCLUDE (problem)
FROM stg_patents
SEMI JOIN win_repeated USING (application_no)
WHERE problem IS NULL
QUALIFY row_number() OVER (PARTITION BY application_no ORDER BY _file DESC, _row DESC) = 1;

-- Only what the bridge needs: a copy of every column would be one more province-sized table in memory.
CREATE OR REPLACE TEMP TABLE win_patents AS
SELECT application_no, credit_code, applicant_names
FROM ipwh_winning_patents();

CREATE OR REPLACE TEMP {{incoming}} merge_incoming AS
SELECT
  w.application_no,
  w.patent_type,
  w.application_date,
  w.grant_date,
  w.lapse_date,
  w.is_pct_national_phase,
  w.first_applicant_name,
  p.party_id AS first_applicant_party_id,
  w.applicant_type,
  w.applicant_address,
  w.credit_code,
  w.region_code,
  w.attribution_method,
  w.ipc_main,
  w.hv_sei,
  w.hv_overseas_family,
  w.hv_pledge,
  w.hv_award,
  w._source AS source_name,
  w._file AS source_file,
  w._row AS source_row,
  w.given_region_code,
  w.abnormal_date
FROM ipwh_winning_patents() AS w
LEFT JOIN win_party AS p
  ON p.first_applicant_name IS NOT DISTINCT FROM w.first_applicant_name
  AND p.credit_code IS NOT DISTINCT FROM w.credit_code;

-- The parties this merge can change, for an incremental dim_party: those of the incoming rows and of
-- the rows they replace (tmp_party_touched, created by the loader; unused on a full rebuild).
INSERT INTO tmp_party_touched
SELECT first_applicant_party_id FROM merge_incoming WHERE getvariable('ipwh_party_scope') = 'touched'
UNION ALL
SELECT first_applicant_party_id FROM fact_patent SEMI JOIN merge_incoming USING (application_no) WHERE getvariable('ipwh_party_scope') = 'touched';
