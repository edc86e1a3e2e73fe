-- tmp_credit_region: each distinct credit code of the current source, as read, with its cleaned form,
-- its GB 32100-2015 check and the region of its registering authority (characters 3-8 of a valid
-- code): the county when the code is in the division list, else its city, else its province.
-- Grain: one row per distinct raw credit_code. Key: raw_code.
-- Run by the loader before the staging models that attribute by address (patents, trademarks), which
-- join it on the raw value: a province holds a few hundred thousand parties but millions of rows, so
-- cleaning and checking each distinct code once is most of the saving.
CREATE OR REPLACE TEMP TABLE tmp_credit_region AS
WITH codes AS (
  SELECT raw_code, upper(ipwh_clean(raw_code)) AS credit_code
  FROM (SELECT DISTINCT credit_code AS raw_code FROM raw_input WHERE credit_code IS NOT NULL)
),
checked AS (
  SELECT raw_code, credit_code, ipwh_uscc_ok_of_code(credit_code) AS credit_ok
  FROM codes
),
areas AS (
  SELECT *, CASE WHEN credit_ok THEN ipwh_uscc_area_of_code(credit_code) END AS credit_area
  FROM checked
)
SELECT
  a.raw_code,
  a.credit_code,
  a.credit_ok,
  coalesce(county.region_code, city.region_code, province.region_code) AS region_code
FROM areas AS a
LEFT JOIN dim_region AS county
  ON county.region_code = a.credit_area AND county.is_current
LEFT JOIN dim_region AS city
  ON city.region_code = left(a.credit_area, 4) || '00' AND city.is_current
LEFT JOIN dim_region AS province
  ON province.region_code = left(a.credit_area, 2) || '0000' AND province.is_current;
