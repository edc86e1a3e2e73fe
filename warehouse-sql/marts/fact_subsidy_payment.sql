-- merge_incoming for fact_subsidy_payment: accepted rows of stg_subsidies, one per payment_no (the last
-- row read wins). Natural persons are identified by the hash of their ID number, never the number.
CREATE OR REPLACE TEMP {{incoming}} merge_incoming AS
SELECT
  payment_no,
  program,
  recipient_name,
  recipient_type,
  ipwh_party_id(recipient_name, coalesce(recipient_credit_code, recipient_id_hash)) AS recipient_party_id,
  recipient_credit_code,
  recipient_id_hash,
  recipient_id_mask,
  base_amount,
  paid_amount,
  paid_date,
  gov_level,
  region_code,
  related_no,
  is_foreign_or_major,
  _source AS source_name,
  _file AS source_file,
  _row AS source_row,
  given_region_code,
  attribution_method
FROM stg_subsidies
WHERE problem IS NULL
QUALIFY row_number() OVER (PARTITION BY payment_no ORDER BY _file DESC, _row DESC) = 1;

-- The parties this merge can change, for an incremental dim_party: those of the incoming rows and of
-- the rows they replace (tmp_party_touched, created by the loader; unused on a full rebuild).
INSERT INTO tmp_party_touched
SELECT recipient_party_id FROM merge_incoming WHERE getvariable('ipwh_party_scope') = 'touched'
UNION ALL
SELECT recipient_party_id FROM fact_subsidy_payment SEMI JOIN merge_incoming USING (payment_no) WHERE getvariable('ipwh_party_scope') = 'touched';
