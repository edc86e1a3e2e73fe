-- tmp_credit_region: each distinct credit code of the current source, as read, with its cleaned form,
-- its GB 32100-2015 check and the region of its registering authority (characters 3-8 of a valid
-- code): the county when the code is in the division list or retired with one successor, else its city,
-- else its province.
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
-- int_region_code also knows retired codes: a firm registered in 华亭县 (620824) before 2018 counts for 华亭市
LEFT JOIN int_region_code AS county
  ON county.given_code = a.credit_area
LEFT JOIN int_region_code AS city
  ON city.given_code = left(a.credit_area, 4) || '00'
LEFT JOIN int_region_code AS province
  ON province.given_code = left(a.credit_area, 2) || '0000';
