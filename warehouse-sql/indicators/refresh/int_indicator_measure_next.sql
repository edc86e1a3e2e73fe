-- int_indicator_measure_next (incremental refresh): the measures after the pending batches, per region, year
-- and measure, from the last build's (etl_indicator_measure) without reading the unchanged facts:
--   + int_indicator_measure_new: the same models over the fact rows the pending batches wrote (new and changed)
--   - int_indicator_measure_old: the same models over the values those changed rows had (etl_indicator_replaced__*)
-- Counts and DECIMAL sums add exactly, so the result is what a full build computes; a row whose facts reach 0
-- goes, as a full build would not have it. Measures that do not add up row by row (a distinct count of
-- enterprises; a payment that breaks a rule because of another payment) come whole from
-- int_indicator_measure_whole, the models over the facts of those kinds (IndicatorMart.Refresh).
-- Grain: one row per region, year and measure with any fact. Key: (region_code, year, measure).

CREATE OR REPLACE TEMP TABLE int_indicator_measure_next AS
WITH difference AS (
  SELECT region_code, period_id, measure, amount, facts FROM int_indicator_measure_new
  UNION ALL
  SELECT region_code, period_id, measure, -amount, -facts FROM int_indicator_measure_old
),
added AS (
  SELECT region_code, year, measure, amount, facts
  FROM etl_indicator_measure
  WHERE NOT whole
  UNION ALL
  SELECT d.region_code, p.year, d.measure, d.amount, d.facts
  FROM difference AS d
  JOIN int_indicator_period AS p USING (period_id)
)
SELECT
  region_code,
  year,
  measure,
  CAST(sum(amount) AS DECIMAL(38, 2)) AS amount,
  CAST(sum(facts) AS BIGINT) AS facts,
  FALSE AS whole
FROM added
GROUP BY region_code, year, measure
HAVING sum(facts) <> 0
UNION ALL
SELECT w.region_code, p.year, w.measure, w.amount, w.facts, TRUE
FROM int_indicator_measure_whole AS w
JOIN int_indicator_period AS p USING (period_id);

-- int_indicator_affected: the (region, year) whose mart rows may change: every region and year with a measure
-- that differs from the last build (rolled up already: a changed county fact changes its city and province
-- too), and the year after each (growth rates compare a year with the one before; $following_years is 1 when
-- the catalogue has a growth indicator).
-- Grain: one row per region and year. Key: (region_code, year).
CREATE OR REPLACE TEMP TABLE int_indicator_affected AS
WITH changed AS (
  (SELECT region_code, year, measure, amount, facts FROM etl_indicator_measure
   EXCEPT
   SELECT region_code, year, measure, amount, facts FROM int_indicator_measure_next)
  UNION ALL
  (SELECT region_code, year, measure, amount, facts FROM int_indicator_measure_next
   EXCEPT
   SELECT region_code, year, measure, amount, facts FROM etl_indicator_measure)
)
SELECT DISTINCT c.region_code, CAST(c.year + f.following AS INTEGER) AS year
FROM changed AS c
CROSS JOIN (SELECT unnest(range(0, CAST($following_years AS INTEGER) + 1)) AS following) AS f;

-- int_indicator_measure (incremental refresh): the measures int_indicator_value reads, from the above.
CREATE OR REPLACE TEMP TABLE int_indicator_measure AS
SELECT n.region_code, p.period_id, n.measure, n.amount, n.facts
FROM int_indicator_measure_next AS n
JOIN int_indicator_period AS p ON p.year = n.year;
