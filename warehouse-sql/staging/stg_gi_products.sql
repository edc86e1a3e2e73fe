-- stg_gi_products: one source's geographical-indication protected products (地理标志保护产品), typed and
-- checked.
-- Grain: one row per landed source row. Natural key product_name.

CREATE OR REPLACE TEMP TABLE stg_gi_products AS
WITH typed AS (
  SELECT
    r._source,
    r._file,
    r._row,
    r.product_name AS raw_product_name,
    r.approval_date AS raw_approval_date,
    r.region_code AS raw_region_code,
    r.revoked_date AS raw_revoked_date,
    ipwh_clean(r.product_name) AS product_name,
    ipwh_date(r.approval_date) AS approval_date,
    ipwh_clean(r.announcement_no) AS announcement_no,
    ipwh_clean(r.applicant) AS applicant,
    ipwh_region_code(r.region_code) AS given_region_code,
    ipwh_date(r.revoked_date) AS revoked_date
  FROM raw_input AS r
)
SELECT
  t._source,
  t._file,
  t._row,
  t.product_name,
  t.approval_date,
  t.announcement_no,
  t.applicant,
  region.region_code,
  CASE WHEN region.method = 'code_succeeded' THEN t.given_region_code END AS given_region_code,
  region.method AS attribution_method,
  t.revoked_date,
  coalesce(
    ipwh_required_problem('product_name', t.raw_product_name, t.product_name),
    ipwh_required_problem('approval_date', t.raw_approval_date, ipwh_clean(t.raw_approval_date)),
    ipwh_date_problem('approval_date', t.raw_approval_date, ipwh_clean(t.raw_approval_date), t.approval_date),
    ipwh_required_problem('region_code', t.raw_region_code, ipwh_clean(t.raw_region_code)),
    ipwh_region_problem('region_code', t.raw_region_code, ipwh_clean(t.raw_region_code), region.region_code, region.note),
    ipwh_date_problem('revoked_date', t.raw_revoked_date, ipwh_clean(t.raw_revoked_date), t.revoked_date),
    ipwh_order_problem('revoked_date', t.raw_revoked_date, t.revoked_date, 'approval_date', t.approval_date)
  ) AS problem
FROM typed AS t
LEFT JOIN int_region_code AS region
  ON region.given_code = t.given_region_code;
