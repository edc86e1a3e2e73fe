-- merge_incoming for fact_gi_product: one row per product_name (the last row read wins), in
-- fact_gi_product's column order.
CREATE OR REPLACE TEMP {{incoming}} merge_incoming AS
SELECT
  product_name,
  approval_date,
  announcement_no,
  applicant,
  ipwh_party_id(applicant, NULL) AS applicant_party_id,
  region_code,
  revoked_date,
  _source AS source_name,
  _file AS source_file,
  _row AS source_row,
  given_region_code,
  attribution_method
FROM stg_gi_products
WHERE problem IS NULL
QUALIFY row_number() OVER (PARTITION BY product_name ORDER BY _file DESC, _row DESC) = 1;

-- The parties this merge can change, for an incremental dim_party (see fact_trademark.sql).
INSERT INTO tmp_party_touched
SELECT applicant_party_id FROM merge_incoming WHERE getvariable('ipwh_party_scope') = 'touched'
UNION ALL
SELECT applicant_party_id FROM fact_gi_product SEMI JOIN merge_incoming USING (product_name) WHERE getvariable('ipwh_party_scope') = 'touched';
