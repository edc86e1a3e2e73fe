-- expiring (ipwh expiring, GET /api/expiring): the 即将到期 watch list of INDICATORS.md. Rights attributed to
-- $within or a region below it whose protection ends within $months months of $as_of:
--   patents     granted, not lapsed by $as_of, term ending after $as_of and on or before $as_of + $months months:
--               invention $invention_years from application, utility model $utility_model_years, design
--               $design_years or $design_extended_years for applications filed on or after $design_extended_from
--               (the settings the mart was computed with). The term ends on the anniversary: valid before it.
--   trademarks  registered by $as_of, not cancelled by it, expiry_date on or before $as_of + $months months and
--               less than 6 months past (the grace period, 宽展期, in which renewal is still possible).
-- renewal_window (trademarks): not_open before expiry − 12 months, open until expiry, grace for 6 months after it.
-- $kind: 'patents', 'trademarks' or NULL for both.
-- Grain: one row per right. Order: expiry date, then number.

WITH within_region AS (
  SELECT region_code
  FROM dim_region
  WHERE $within IN (region_code, city_code, province_code)
),
patent AS (
  SELECT
    'patents' AS kind,
    p.application_no AS number,
    p.first_applicant_name AS owner,
    p.region_code,
    p.patent_type AS right_type,
    CAST(p.application_date + to_years(CASE p.patent_type
      WHEN 'invention' THEN $invention_years
      WHEN 'utility_model' THEN $utility_model_years
      ELSE CASE WHEN p.application_date >= $design_extended_from THEN $design_extended_years ELSE $design_years END
    END) AS DATE) AS expiry_date,
    p.application_date AS start_date
  FROM fact_patent AS p
  WHERE p.grant_date IS NOT NULL AND p.grant_date <= $as_of
    AND p.patent_type IN ('invention', 'utility_model', 'design')
    AND (p.lapse_date IS NULL OR p.lapse_date > $as_of)
    AND coalesce($kind, 'patents') = 'patents'
    AND p.region_code IN (SELECT region_code FROM within_region)
),
trademark AS (
  SELECT
    'trademarks' AS kind,
    t.application_no AS number,
    t.applicant_name AS owner,
    t.region_code,
    coalesce(t.mark_kind, 'ordinary') AS right_type,
    coalesce(t.expiry_date, CAST(t.registration_date + INTERVAL 10 YEAR AS DATE)) AS expiry_date,
    t.registration_date AS start_date
  FROM fact_trademark AS t
  WHERE t.registration_date IS NOT NULL AND t.registration_date <= $as_of
    AND (t.cancellation_date IS NULL OR t.cancellation_date > $as_of)
    AND coalesce($kind, 'trademarks') = 'trademarks'
    AND t.region_code IN (SELECT region_code FROM within_region)
)
SELECT
  kind,
  number,
  owner,
  region_code,
  right_type,
  start_date,
  expiry_date,
  date_diff('day', CAST($as_of AS DATE), expiry_date) AS days_left,
  CASE
    WHEN kind = 'patents' THEN NULL
    WHEN $as_of < CAST(expiry_date - INTERVAL 12 MONTH AS DATE) THEN 'not_open'
    WHEN $as_of < expiry_date THEN 'open'
    ELSE 'grace'
  END AS renewal_window,
  CASE WHEN kind = 'trademarks' THEN CAST(expiry_date - INTERVAL 12 MONTH AS DATE) END AS renewal_opens,
  CASE WHEN kind = 'trademarks' THEN CAST(expiry_date + INTERVAL 6 MONTH AS DATE) END AS grace_ends
FROM (SELECT * FROM patent UNION ALL SELECT * FROM trademark)
WHERE expiry_date <= CAST($as_of + to_months($months) AS DATE)
  AND CASE kind
    WHEN 'patents' THEN expiry_date > $as_of
    ELSE CAST(expiry_date + INTERVAL 6 MONTH AS DATE) > $as_of
  END
ORDER BY expiry_date, number;
