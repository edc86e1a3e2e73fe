-- int_indicator_period: the periods every indicator model computes for: the requested ones
-- (int_indicator_period_request) and, for each, the period of the same length just before it, the base of
-- the growth indicators ("(period − same period a year before) / same period a year before × 100"; for a
-- range of years, the range of the same length before it).
-- Grain: one row per period. Key: period_id; (year, period, as_of) is unique.
-- Columns: year is the period's last year and from_year its first (the same for a year or a year to date);
-- period is 'year', 'ytd' or 'A-B' for a range of whole years.
-- Windows, both inclusive:
--   period_start .. period_end        calendar flows: 1 Jan of from_year .. 31 Dec of year, or .. the as-of
--                                     date; stocks at period_end; cases open at period_start
--   trademark_start .. trademark_end  trademark flows, stocks at trademark_end: CNIPA's trademark year Y
--                                     runs 16 Dec Y-1 .. 15 Dec Y (setting trademarkYear = cnipa), else the
--                                     calendar year; to the as-of date when that comes first
-- The year before an as-of date D is D − 1 year (29 Feb → 28 Feb).
-- int_indicator_period_year (below) lists the years each period covers, so that flows join their period on
-- the year of the event (an equality join, the same speed for a range as for a year).

CREATE OR REPLACE TEMP TABLE int_indicator_period AS
WITH requested AS (
  SELECT year, from_year, period, as_of, year - from_year + 1 AS length
  FROM int_indicator_period_request
),
wanted AS (
  SELECT year, from_year, period, as_of, TRUE AS requested
  FROM requested
  UNION ALL
  SELECT
    year - length,
    from_year - length,
    CASE WHEN period IN ('year', 'ytd') THEN period ELSE format('{}-{}', from_year - length, year - length) END,
    CAST(as_of - INTERVAL 1 YEAR AS DATE),
    FALSE
  FROM requested
),
periods AS (
  SELECT
    year,
    from_year,
    period,
    as_of,
    bool_or(requested) AS requested
  FROM wanted
  GROUP BY year, from_year, period, as_of
),
numbered AS (
  SELECT
    CAST(row_number() OVER (ORDER BY p.period, p.year, p.as_of) AS INTEGER) AS period_id,
    p.year,
    p.from_year,
    p.period,
    p.as_of,
    p.requested,
    make_date(p.from_year, 1, 1) AS period_start,
    least(make_date(p.year, 12, 31), p.as_of) AS period_end,
    CASE s.trademark_year
      WHEN 'cnipa' THEN make_date(p.from_year - 1, 12, 16)
      ELSE make_date(p.from_year, 1, 1)
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
  n.from_year,
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
  ON b.year = n.year - (n.year - n.from_year + 1)
  AND b.from_year = n.from_year - (n.year - n.from_year + 1)
  AND (b.period = n.period OR b.period NOT IN ('year', 'ytd') AND n.period NOT IN ('year', 'ytd'))
  AND b.as_of IS NOT DISTINCT FROM CAST(n.as_of - INTERVAL 1 YEAR AS DATE);

-- int_indicator_period_year: the years whose events a period counts (calendar years, or trademark years for
-- trademark flows): one for a year or a year to date, from_year .. year for a range.
-- Grain: one row per period and year. Key: (period_id, year).
CREATE OR REPLACE TEMP TABLE int_indicator_period_year AS
SELECT
  period_id,
  CAST(unnest(range(from_year, year + 1)) AS INTEGER) AS year
FROM int_indicator_period;
