-- int_region_code: every region code a source may give, with the region it is attributed to and how
-- (SOURCES.md, region codes): a current code of dim_region stands for itself (method code); a retired code
-- (region_succession) stands for the one code that succeeds it today (method code_succeeded), or for
-- nothing, with a sentence naming what the lists show, when there is no single successor.
-- Grain: one row per code. Key: given_code.
-- keyed_region_code is what region-keyed rows (population, targets, official figures) may use: the
-- successor only when the retired code is its sole predecessor, since a figure for a part of a merged
-- region cannot stand for the whole (and would replace the whole's own row under the same key).
-- Run by the loader once per load, after dim_region and region_succession; the staging models and
-- _credit_regions.sql join it.

CREATE OR REPLACE TEMP TABLE int_region_code AS
WITH current_region AS (
  SELECT region_code, name
  FROM dim_region
  WHERE is_current
),
-- each retired code's last retirement: codes are reused, and a fact given today means the latest place
retirement AS (
  SELECT s.*
  FROM region_succession AS s
  ANTI JOIN current_region AS c ON c.region_code = s.old_code
  WHERE s.new_code IS DISTINCT FROM s.old_code
  QUALIFY s.effective_date = max(s.effective_date) OVER (PARTITION BY s.old_code)
),
retired AS (
  SELECT
    r.old_code,
    any_value(r.old_name) AS old_name,
    any_value(r.effective_date) AS effective_date,
    string_agg(DISTINCT r.reason, '/' ORDER BY r.reason) AS reasons,
    -- space-separated in the table; an empty list when there is no successor today
    coalesce(string_split(any_value(r.current_codes), ' '), CAST([] AS VARCHAR[])) AS current_codes,
    bool_and(r.sole_predecessor) AS sole_predecessor,
    string_agg(r.new_code || ' ' || r.new_name, ', ' ORDER BY r.new_code) FILTER (WHERE r.reason = '未明') AS unclear_candidates
  FROM retirement AS r
  GROUP BY r.old_code
),
named AS (
  SELECT
    r.*,
    (
      SELECT string_agg(c.region_code || ' ' || c.name, ', ' ORDER BY c.region_code)
      FROM unnest(r.current_codes) AS u (code)
      JOIN current_region AS c ON c.region_code = u.code
    ) AS successors
  FROM retired AS r
)
SELECT
  region_code AS given_code,
  region_code,
  region_code AS keyed_region_code,
  'code' AS method,
  CAST(NULL AS VARCHAR) AS note,
  CAST(NULL AS VARCHAR) AS keyed_note
FROM current_region
UNION ALL
SELECT
  old_code,
  CASE WHEN len(current_codes) = 1 THEN current_codes[1] END,
  CASE WHEN len(current_codes) = 1 AND sole_predecessor THEN current_codes[1] END,
  'code_succeeded',
  CASE
    WHEN len(current_codes) > 1
      THEN format('是{}，至迟 {} 已撤销（{}），没有唯一的继承代码：已分入 {}；请填写现行代码', old_name, effective_date, reasons, successors)
    WHEN unclear_candidates IS NOT NULL
      THEN format('是{}，至迟 {} 已撤销；区划代码表看不出由哪个代码继承（同期在同一地级区划新设：{}）；请填写现行代码', old_name, effective_date, unclear_candidates)
    WHEN len(current_codes) = 0
      THEN format('是{}，至迟 {} 已撤销（{}）；区划代码表中没有今天继承它的代码（并入邻近区划，或承接关系不明）；请填写现行代码', old_name, effective_date, reasons)
  END,
  CASE WHEN len(current_codes) = 1 AND NOT sole_predecessor
    THEN format('是{}，至迟 {} 已并入 {}（{}）：部分地区的数值不能代表合并后的整体；请按 {} 填报', old_name, effective_date, successors, reasons, current_codes[1])
  END
FROM named;
