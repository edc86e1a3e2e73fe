-- int_indicator_measure: the counts and sums the catalogue's indicators are made of, per region and
-- period, rolled up through int_region_ancestor: a region's figure covers every fact attributed to it or
-- to any region below it (INDICATORS.md, Attribution).
-- Grain: one row per region, period and measure that has any fact (absent = 0). Key: (region_code,
-- period_id, measure).
-- Measures: the flows of int_indicator_flow_event, the stocks of int_indicator_stock_interval and
-- ip_enterprises. Flows and stocks are exact counts and DECIMAL sums per attributed region, so adding
-- them over the bridge is counting the facts at each level (nothing rounded is ever added); the distinct
-- count of ip_enterprises does not add up and is counted from the facts at each level.
-- facts: how many fact rows (events, intervals, designations) make up the row; the incremental refresh
-- (IndicatorMart.Refresh) adds and subtracts it with amount and drops a row when it reaches 0, as a full
-- build would not have it.
-- Cost: one pass over the facts for the flows (hash-joined to the period of their year) and one for the
-- stocks (each fact against the few reading dates of its kind).

CREATE OR REPLACE TEMP TABLE int_indicator_measure AS
WITH flow AS (
  -- events of the period's years, up to its end (31 Dec, 15 Dec for CNIPA trademark years, or the as-of date)
  SELECT
    e.region_code,
    p.period_id,
    e.measure,
    sum(e.amount) AS amount,
    count(*) AS facts
  FROM int_indicator_flow_event AS e
  JOIN int_indicator_period_year AS y
    ON y.year = e.period_year
  JOIN int_indicator_period AS p
    ON p.period_id = y.period_id
    AND e.event_date <= CASE e.period_kind WHEN 'trademark' THEN p.trademark_end ELSE p.period_end END
    AND (e.void_date IS NULL OR e.void_date > CASE e.period_kind WHEN 'trademark' THEN p.trademark_end ELSE p.period_end END)
  GROUP BY e.region_code, p.period_id, e.measure
),
stock_reading AS (
  -- the date each kind of stock is read at in each period
  SELECT
    r.read_at,
    p.period_id,
    CASE r.read_at
      WHEN 'period_end' THEN p.period_end
      WHEN 'trademark_end' THEN p.trademark_end
      WHEN 'day_before_start' THEN p.period_start - 1
    END AS read_date
  FROM (VALUES ('period_end'), ('trademark_end'), ('day_before_start')) AS r (read_at)
  CROSS JOIN int_indicator_period AS p
),
stock AS (
  -- the facts counting on the reading date: valid_from <= D < valid_to
  SELECT
    i.region_code,
    r.period_id,
    i.measure,
    CAST(count(*) AS DECIMAL(38, 2)) AS amount,
    count(*) AS facts
  FROM int_indicator_stock_interval AS i
  JOIN stock_reading AS r
    ON r.read_at = i.read_at
    AND i.valid_from <= r.read_date
    AND (i.valid_to IS NULL OR r.read_date < i.valid_to)
  GROUP BY i.region_code, r.period_id, i.measure
),
attributed AS (
  SELECT region_code, period_id, measure, amount, facts FROM flow
  UNION ALL
  SELECT region_code, period_id, measure, amount, facts FROM stock
)
SELECT
  b.ancestor_code AS region_code,
  a.period_id,
  a.measure,
  sum(a.amount) AS amount,
  CAST(sum(a.facts) AS BIGINT) AS facts
FROM attributed AS a
JOIN int_region_ancestor AS b ON b.region_code = a.region_code
GROUP BY b.ancestor_code, a.period_id, a.measure
UNION ALL
-- ip_enterprises: distinct enterprises (credit_code, else enterprise_name) holding a designation of any
-- kind and level recorded for the period's year
SELECT
  b.ancestor_code,
  p.period_id,
  'ip_enterprises',
  CAST(count(DISTINCT coalesce(d.credit_code, d.enterprise_name)) AS DECIMAL(38, 2)),
  count(*)
FROM fact_designation AS d
JOIN int_indicator_period AS p ON p.year = d.year
JOIN int_region_ancestor AS b ON b.region_code = d.region_code
GROUP BY b.ancestor_code, p.period_id;
