-- explain_attribution (ipwh reconcile): how the facts behind one region's figure of one measure in the requested
-- period were attributed to it (INDICATORS.md, Attribution): by the given code, a retired code's successor
-- (code_succeeded), the address or the credit code, and which retired codes were given. A figure that differs from
-- a published one often differs because the bureau counted by another rule (codes only, the old county).
-- Grain: one row per attribution method. Key: attribution_method.
-- Parameters: $measure (a measure of int_indicator_measure) and $region, as for explain_fact.sql.
-- Designations are matched by their lineage (their fact_key joins enterprise, designation and level).

WITH counted AS (
  SELECT *
  FROM ind_counted_fact($measure, $region)
),
attributed AS (
  SELECT
    coalesce(p.attribution_method, t.attribution_method, c.attribution_method, s.attribution_method, r.attribution_method,
      d.attribution_method, pl.attribution_method, cr.attribution_method, gi.attribution_method, 'code') AS attribution_method,
    coalesce(p.given_region_code, t.given_region_code, c.given_region_code, s.given_region_code, r.given_region_code,
      d.given_region_code, pl.given_region_code, cr.given_region_code, gi.given_region_code) AS given_region_code
  FROM counted AS f
  LEFT JOIN fact_patent AS p ON f.fact_table = 'fact_patent' AND p.application_no = f.fact_key
  LEFT JOIN fact_trademark AS t ON f.fact_table = 'fact_trademark' AND t.application_no = f.fact_key
  LEFT JOIN fact_case AS c ON f.fact_table = 'fact_case' AND c.case_no = f.fact_key
  LEFT JOIN fact_subsidy_payment AS s ON f.fact_table = 'fact_subsidy_payment' AND s.payment_no = f.fact_key
  LEFT JOIN fact_training AS r ON f.fact_table = 'fact_training' AND r.event_id = f.fact_key
  LEFT JOIN fact_pledge AS pl ON f.fact_table = 'fact_pledge' AND pl.pledge_no = f.fact_key
  LEFT JOIN fact_copyright AS cr ON f.fact_table = 'fact_copyright' AND cr.registration_no = f.fact_key
  LEFT JOIN fact_gi_product AS gi ON f.fact_table = 'fact_gi_product' AND gi.product_name = f.fact_key
  LEFT JOIN fact_designation AS d
    ON f.fact_table = 'fact_designation'
    AND d.source_name = f.source_name
    AND d.source_file IS NOT DISTINCT FROM f.source_file
    AND d.source_row = f.source_row
    AND d.batch_id = f.batch_id
)
SELECT
  attribution_method,
  count(*) AS facts,
  array_to_string(list_sort(list(DISTINCT given_region_code) FILTER (WHERE given_region_code IS NOT NULL)), ' ') AS given_codes
FROM attributed
GROUP BY attribution_method
ORDER BY attribution_method;
