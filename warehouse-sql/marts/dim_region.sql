-- dim_region: the GB/T 2260 divisions from reference/regions.csv (NBS 2023 list; see reference/README.md).
-- Grain: one row per (region_code, valid_from). Reloaded at every load so that a corrected reference
-- file takes effect; the list's date is the validity start of every row until successions are recorded.
DELETE FROM dim_region;

INSERT INTO dim_region BY NAME
SELECT
  code AS region_code,
  name,
  short_name,
  level,
  nullif(parent_code, '') AS parent_code,
  province_code,
  nullif(city_code, '') AS city_code,
  CAST(is_functional_zone AS BOOLEAN) AS is_functional_zone,
  DATE '2023-06-30' AS valid_from,
  CAST(NULL AS DATE) AS valid_to,
  TRUE AS is_current
FROM read_csv(getvariable('ipwh_regions_csv'), header = TRUE, all_varchar = TRUE);
