-- region_succession: the code history from reference/region_succession.csv (built by
-- reference/build_region_succession.py from the MCA lists 1980-2019 and the NBS 2023 list; see its README).
-- Grain: one row per (old_code, effective_date, new_code). Reloaded at every load, like dim_region, so that a
-- regenerated reference file takes effect.
DELETE FROM region_succession;

INSERT INTO region_succession BY NAME
SELECT
  old_code,
  old_name,
  new_code,
  new_name,
  CAST(last_listed AS DATE) AS last_listed,
  CAST(effective_date AS DATE) AS effective_date,
  reason,
  current_codes,
  CAST(sole_predecessor AS BOOLEAN) AS sole_predecessor
FROM read_csv(getvariable('ipwh_succession_csv'), header = TRUE, all_varchar = TRUE);
