-- tmp_credit_region: the region of each distinct registering-authority code (characters 3-8 of a valid
-- unified social credit code, GB 32100-2015) in the current source: the county when the code is in the
-- division list, else its city, else its province. Grain: one row per credit_area.
-- Run by the loader before the staging models that attribute by address (patents, trademarks).
CREATE OR REPLACE TEMP TABLE tmp_credit_region AS
SELECT
  a.credit_area,
  coalesce(county.region_code, city.region_code, province.region_code) AS region_code
FROM (
  SELECT DISTINCT ipwh_uscc_area(credit_code) AS credit_area
  FROM raw_input
  WHERE ipwh_uscc_ok(credit_code)
) AS a
LEFT JOIN dim_region AS county
  ON county.region_code = a.credit_area AND county.is_current
LEFT JOIN dim_region AS city
  ON city.region_code = left(a.credit_area, 4) || '00' AND city.is_current
LEFT JOIN dim_region AS province
  ON province.region_code = left(a.credit_area, 2) || '0000' AND province.is_current;
