-- int_region_ancestor: the region → ancestor bridge the indicators roll up through: every region with
-- itself and every region above it along dim_region's parent chain (county → city → province; a
-- district → its municipality; a county-level unit under a province directly → the province).
-- Grain: one row per region and ancestor (the region itself included). Key: (region_code, ancestor_code).
-- A fact attributed to a region counts for that region and its ancestors only: a fact attributed to a
-- city counts for the city and the province but for no county (INDICATORS.md, Attribution).
-- Each code's latest version gives its parent, so an abolished code (撤县设区 …) still rolls up to where it
-- last belonged, and every region appears as its own ancestor even without facts (a zero, not a gap).

CREATE OR REPLACE TEMP TABLE int_region_ancestor AS
WITH RECURSIVE latest AS (
  SELECT
    region_code,
    parent_code
  FROM dim_region
  QUALIFY row_number() OVER (PARTITION BY region_code ORDER BY valid_from DESC) = 1
),
chain (region_code, ancestor_code, depth) AS (
  SELECT region_code, region_code, 0
  FROM latest
  UNION ALL
  SELECT c.region_code, l.parent_code, c.depth + 1
  FROM chain AS c
  JOIN latest AS l ON l.region_code = c.ancestor_code
  -- GB/T 2260 has three levels; the bound only stops a corrupt parent cycle.
  WHERE l.parent_code IS NOT NULL AND c.depth < 4
)
SELECT DISTINCT
  region_code,
  ancestor_code
FROM chain;
