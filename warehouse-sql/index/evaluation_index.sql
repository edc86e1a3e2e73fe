-- evaluation_index (ipwh index, GET /api/index): a composite evaluation index (综合评价指数) of INDICATORS.md over
-- a peer group of regions, from the published mart_indicator values of one year.
-- Parameters:
--   $definition  JSON list, one object per indicator of the index: dimension, dimension_seq, dimension_weight, code,
--                seq, weight, normalise (min_max | zscore | ratio_to_parent | ratio_to_target), cap (NULL: none) and
--                direction ('+' | '-', the catalogue's)
--   $regions     JSON list of the peer group (the regions ranked together), $parent the region they are under, $year the year
--   $missing     reweight (a missing indicator leaves its weight out of its dimension, a dimension without any
--                indicator leaves its weight out of the total) | zero (a missing indicator scores 0)
-- Normalisations (then capped at cap, and never below 0):
--   min_max          (value − min) / (max − min) × 100 over the peer group's values; (max − value) / (max − min) × 100
--                    for direction −; every peer 100 when all values are equal
--   zscore           50 + 10 × (value − mean) / sd over the peer group (population sd; − for direction −); 50 when sd = 0
--   ratio_to_parent  value / the parent's own value × 100 (parent / value × 100 for direction −)
--   ratio_to_target  value / the region's target of the year × 100 (target / value for direction −); the target is
--                    the region's annual target row with >= or <= (fact_target)
-- A value is missing when mart_indicator has none (NULL: a per-capita value without population …) or the
-- normalisation has no base (no parent value, no target, a zero base).
-- Score: Σ dimension weight × sub-score / Σ dimension weights; sub-score: Σ weight × normalised / Σ weights.
-- contribution: the indicator's share of the score (dimension weight / Σ dimension weights × weight / Σ its
-- dimension's weights × normalised), so the contributions of a region add up to its score; 0 for an indicator left
-- out under reweight, NULL for every indicator of a region without a score.
-- Rank: competition ranking (1, 2, 2, 4) by score, regions without any value last without a rank.
-- Grain: one row per region and indicator of the index. Order: rank, region, dimension, indicator.

WITH spec AS (
  SELECT unnest(from_json(CAST($definition AS VARCHAR),
    '[{"dimension":"VARCHAR","dimension_seq":"INTEGER","dimension_weight":"DOUBLE","code":"VARCHAR","seq":"INTEGER","weight":"DOUBLE","normalise":"VARCHAR","cap":"DOUBLE","direction":"VARCHAR"}]'),
    recursive := true)
),
peer AS (
  SELECT unnest(from_json(CAST($regions AS VARCHAR), '["VARCHAR"]')) AS region_code
),
valued AS (
  SELECT p.region_code, s.*, m.value
  FROM peer AS p
  CROSS JOIN spec AS s
  LEFT JOIN mart_indicator AS m
    ON m.region_code = p.region_code AND m.indicator = s.code AND m.year = $year AND m.period = 'year'
),
peer_stats AS (
  SELECT code, min(value) AS low, max(value) AS high, avg(value) AS mean, stddev_pop(value) AS sd
  FROM valued
  GROUP BY code
),
parent AS (
  SELECT indicator, value
  FROM mart_indicator
  WHERE region_code = $parent AND year = $year AND period = 'year'
),
target AS (
  SELECT region_code, indicator, max(target_value) AS target
  FROM fact_target
  WHERE year = $year AND period = 'year' AND comparator IN ('>=', '<=')
  GROUP BY region_code, indicator
),
normalised AS (
  SELECT
    v.*,
    CASE v.normalise
      WHEN 'min_max' THEN CASE
        WHEN v.value IS NULL THEN NULL
        WHEN st.high = st.low THEN 100
        WHEN v.direction = '-' THEN (st.high - v.value) / (st.high - st.low) * 100
        ELSE (v.value - st.low) / (st.high - st.low) * 100
      END
      WHEN 'zscore' THEN CASE
        WHEN v.value IS NULL THEN NULL
        WHEN st.sd IS NULL OR st.sd = 0 THEN 50
        ELSE 50 + 10 * (v.value - st.mean) / st.sd * CASE WHEN v.direction = '-' THEN -1 ELSE 1 END
      END
      WHEN 'ratio_to_parent' THEN CASE
        WHEN v.value IS NULL OR pa.value IS NULL OR pa.value = 0 OR (v.direction = '-' AND v.value = 0) THEN NULL
        WHEN v.direction = '-' THEN pa.value / v.value * 100
        ELSE v.value / pa.value * 100
      END
      WHEN 'ratio_to_target' THEN CASE
        WHEN v.value IS NULL OR t.target IS NULL OR t.target = 0 OR (v.direction = '-' AND v.value = 0) THEN NULL
        WHEN v.direction = '-' THEN t.target / v.value * 100
        ELSE v.value / t.target * 100
      END
    END AS uncapped,
    pa.value AS parent_value,
    t.target
  FROM valued AS v
  JOIN peer_stats AS st USING (code)
  LEFT JOIN parent AS pa ON pa.indicator = v.code
  LEFT JOIN target AS t ON t.region_code = v.region_code AND t.indicator = v.code
),
scored AS (
  SELECT
    *,
    CASE
      WHEN uncapped IS NULL THEN CASE WHEN $missing = 'zero' THEN 0.0 END
      ELSE greatest(0, CASE WHEN cap IS NULL THEN uncapped ELSE least(uncapped, cap) END)
    END AS normalised_value
  FROM normalised
),
dimension AS (
  SELECT
    region_code,
    dimension,
    any_value(dimension_weight) AS dimension_weight,
    sum(weight) FILTER (WHERE normalised_value IS NOT NULL) AS counted_weight,
    sum(weight * normalised_value) / sum(weight) FILTER (WHERE normalised_value IS NOT NULL) AS dimension_score
  FROM scored
  GROUP BY region_code, dimension
),
total AS (
  SELECT
    region_code,
    sum(dimension_weight * dimension_score) / sum(dimension_weight) FILTER (WHERE dimension_score IS NOT NULL) AS score,
    sum(dimension_weight) FILTER (WHERE dimension_score IS NOT NULL) AS counted_dimension_weight
  FROM dimension
  GROUP BY region_code
),
ranked AS (
  SELECT
    *,
    CASE WHEN score IS NOT NULL THEN rank() OVER (ORDER BY score DESC NULLS LAST) END AS rank
  FROM total
)
SELECT
  r.rank,
  s.region_code,
  r.score,
  s.dimension,
  d.dimension_score,
  s.code,
  s.weight,
  s.normalise,
  s.cap,
  s.value,
  s.normalised_value,
  s.uncapped IS NULL AS missing,
  CASE WHEN r.score IS NOT NULL
    THEN coalesce(s.dimension_weight / r.counted_dimension_weight * s.weight / d.counted_weight * s.normalised_value, 0)
  END AS contribution
FROM scored AS s
JOIN dimension AS d USING (region_code, dimension)
JOIN ranked AS r USING (region_code)
ORDER BY r.rank NULLS LAST, s.region_code, s.dimension_seq, s.seq;
