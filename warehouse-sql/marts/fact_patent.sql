-- merge_incoming for fact_patent: the accepted rows of stg_patents, one per application_no (the last
-- row read wins), in fact_patent's column order. win_patents keeps the winning rows' applicant lists
-- for bridge_patent_party. Both read the winning rows from ipwh_winning_patents().
-- Speed: a province's file rarely repeats an application number, so only the rows of repeated numbers
-- go through the row_number() window; the others are taken as they are.
CREATE OR REPLACE TEMP MACRO ipwh_winning_patents() AS TABLE
WITH repeated AS (
  SELECT application_no
  FROM stg_patents
  WHERE problem IS NULL
  GROUP BY application_no
  HAVING count(*) > 1
)
SELECT * EXCLUDE (problem)
FROM stg_patents
ANTI JOIN repeated USING (application_no)
WHERE problem IS NULL
UNION ALL BY NAME
SELECT * EXCLUDE (problem)
FROM stg_patents
SEMI JOIN repeated USING (application_no)
WHERE problem IS NULL
QUALIFY row_number() OVER (PARTITION BY application_no ORDER BY _file DESC, _row DESC) = 1;

-- Only what the bridge needs: a copy of every column would be one more province-sized table in memory.
CREATE OR REPLACE TEMP TABLE win_patents AS
SELECT application_no, credit_code, applicant_names
FROM ipwh_winning_patents();

CREATE OR REPLACE TEMP TABLE merge_incoming AS
SELECT
  application_no,
  patent_type,
  application_date,
  grant_date,
  lapse_date,
  is_pct_national_phase,
  first_applicant_name,
  ipwh_party_id(first_applicant_name, credit_code) AS first_applicant_party_id,
  applicant_type,
  applicant_address,
  credit_code,
  region_code,
  attribution_method,
  ipc_main,
  hv_sei,
  hv_overseas_family,
  hv_pledge,
  hv_award,
  _source AS source_name,
  _file AS source_file,
  _row AS source_row,
  given_region_code,
  abnormal_date
FROM ipwh_winning_patents();

-- The parties this merge can change, for an incremental dim_party: those of the incoming rows and of
-- the rows they replace (tmp_party_touched, created by the loader; unused on a full rebuild).
INSERT INTO tmp_party_touched
SELECT first_applicant_party_id FROM merge_incoming WHERE getvariable('ipwh_party_scope') = 'touched'
UNION ALL
SELECT first_applicant_party_id FROM fact_patent SEMI JOIN merge_incoming USING (application_no) WHERE getvariable('ipwh_party_scope') = 'touched';
