-- merge_incoming for fact_patent: the accepted rows of stg_patents, one per application_no (the last
-- row read wins), in fact_patent's column order. win_patents keeps the winning rows' full applicant
-- lists for bridge_patent_party.
CREATE OR REPLACE TEMP TABLE win_patents AS
SELECT *
FROM stg_patents
WHERE problem IS NULL
QUALIFY row_number() OVER (PARTITION BY application_no ORDER BY _file DESC, _row DESC) = 1;

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
  _row AS source_row
FROM win_patents;
