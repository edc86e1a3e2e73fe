-- merge_incoming for fact_pledge: one row per pledge_no (the last row read wins), in fact_pledge's column order.
CREATE OR REPLACE TEMP {{incoming}} merge_incoming AS
SELECT
  pledge_no,
  registration_date,
  pledgor_name,
  ipwh_party_id(pledgor_name, credit_code) AS pledgor_party_id,
  credit_code,
  pledgee_name,
  ipwh_party_id(pledgee_name, NULL) AS pledgee_party_id,
  amount,
  ip_type,
  ip_numbers,
  region_code,
  cancelled_date,
  _source AS source_name,
  _file AS source_file,
  _row AS source_row,
  given_region_code,
  attribution_method
FROM stg_pledges
WHERE problem IS NULL
QUALIFY row_number() OVER (PARTITION BY pledge_no ORDER BY _file DESC, _row DESC) = 1;

-- The parties this merge can change, for an incremental dim_party: those of the incoming rows and of
-- the rows they replace (tmp_party_touched, created by the loader; unused on a full rebuild).
INSERT INTO tmp_party_touched
SELECT unnest([pledgor_party_id, pledgee_party_id]) FROM merge_incoming WHERE getvariable('ipwh_party_scope') = 'touched'
UNION ALL
SELECT unnest([pledgor_party_id, pledgee_party_id]) FROM fact_pledge SEMI JOIN merge_incoming USING (pledge_no) WHERE getvariable('ipwh_party_scope') = 'touched';
