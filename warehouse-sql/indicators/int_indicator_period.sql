-- int_indicator_period: the periods every indicator model computes for: the requested ones
-- (int_indicator_period_request) and, for each, the same period a year before, the base of the growth
-- indicators ("(period − same period a year before) / same period a year before × 100").
-- Grain: one row per period. Key: period_id; (year, period, as_of) is unique.
-- Windows, both inclusive:
--   period_start .. period_end        calendar flows: 1 Jan .. 31 Dec, or .. the as-of date; stocks at
--                                     period_end; cases open at period_start
--   trademark_start .. trademark_end  trademark flows, stocks at trademark_end: CNIPA's trademark year Y
--                                     runs 16 Dec Y-1 .. 15 Dec Y (setting trademarkYear = cnipa), else the
--                                     calendar year; to the as-of date when that comes first
-- The year before an as-of date D is D − 1 year (29 Feb → 28 Feb).

CREATE OR REPLACE TEMP TABLE int_indicator_period AS
WITH wanted AS (
  SELECT year, period, as_of, TRUE AS requested
  FROM int_indicator_period_request
  UNION ALL
  SELECT year - 1, period, CAST(as_of - INTERVAL 1 YEAR AS DATE), FALSE
  FROM int_indicator_period_request
),
periods AS (
  SELECT
    year,
    period,
    as_of,
    bool_or(requested) AS requested
  FROM wanted
  GROUP BY year, period, as_of
),
numbered AS (
  SELECT
    CAST(row_number() OVER (ORDER BY p.period, p.year, p.as_of) AS INTEGER) AS period_id,
    p.year,
    p.period,
    p.as_of,
    p.requested,
    make_date(p.year, 1, 1) AS period_start,
    least(make_date(p.year, 12, 31), p.as_of) AS period_end,
    CASE s.trademark_year
      WHEN 'cnipa' THEN make_date(p.year - 1, 12, 16)
      ELSE make_date(p.year, 1, 1)
    END AS trademark_start,
    least(
      CASE s.trademark_year
        WHEN 'cnipa' THEN make_date(p.year, 12, 15)
        ELSE make_date(p.year, 12, 31)
      END,
      p.as_of
    ) AS trademark_end
  FROM periods AS p
  CROSS JOIN int_indicator_settings AS s
)
SELECT
  n.period_id,
  n.year,
  n.period,
  n.as_of,
  n.requested,
  n.period_start,
  n.period_end,
  n.trademark_start,
  n.trademark_end,
  b.period_id AS base_period_id
FROM numbered AS n
LEFT JOIN numbered AS b
  ON b.year = n.year - 1
  AND b.period = n.period
  AND b.as_of IS NOT DISTINCT FROM CAST(n.as_of - INTERVAL 1 YEAR AS DATE);
