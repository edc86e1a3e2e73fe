-- int_indicator_counted_fact: the facts one region's figure of one measure counts in the requested period, from the
-- same models the mart counts (int_indicator_flow_event, int_indicator_stock_interval, fact_designation), so that
-- ipwh explain lists and ipwh reconcile explains exactly the rows counted. A table macro: ind_counted_fact(measure,
-- region).
-- Grain: one row per fact counted. Key: (fact_table, fact_key).
-- measure: a measure of int_indicator_measure; region: the figure covers the facts attributed to it and to every
-- region below it. Stocks are dated by the day they start counting (grant, registration, filing); events by their date.

CREATE OR REPLACE TEMP MACRO ind_counted_fact(measure_code, region_code_of) AS TABLE
WITH period AS (
  SELECT *
  FROM int_indicator_period
  WHERE requested
),
covered AS (
  SELECT region_code
  FROM int_region_ancestor
  WHERE ancestor_code = region_code_of
),
fact AS (
  SELECT
    e.fact_table,
    e.fact_key,
    e.event_date,
    CAST(e.amount AS DECIMAL(38, 2)) AS amount,
    e.region_code,
    e.source_name,
    e.source_file,
    e.source_row,
    e.batch_id
  FROM int_indicator_flow_event AS e
  JOIN int_indicator_period_year AS y
    ON y.year = e.period_year
  JOIN period AS p
    ON p.period_id = y.period_id
    AND e.event_date <= CASE e.period_kind WHEN 'trademark' THEN p.trademark_end ELSE p.period_end END
    AND (e.void_date IS NULL OR e.void_date > CASE e.period_kind WHEN 'trademark' THEN p.trademark_end ELSE p.period_end END)
  WHERE e.measure = measure_code
  UNION ALL
  SELECT
    i.fact_table,
    i.fact_key,
    i.valid_from,
    CAST(1 AS DECIMAL(38, 2)),
    i.region_code,
    i.source_name,
    i.source_file,
    i.source_row,
    i.batch_id
  FROM int_indicator_stock_interval AS i
  CROSS JOIN period AS p
  WHERE i.measure = measure_code
    AND i.valid_from <= CASE i.read_at
      WHEN 'period_end' THEN p.period_end
      WHEN 'trademark_end' THEN p.trademark_end
      WHEN 'day_before_start' THEN p.period_start - 1
    END
    AND (i.valid_to IS NULL OR CASE i.read_at
      WHEN 'period_end' THEN p.period_end
      WHEN 'trademark_end' THEN p.trademark_end
      WHEN 'day_before_start' THEN p.period_start - 1
    END < i.valid_to)
  UNION ALL
  -- ip_enterprises: the designations recorded for the year (the figure counts distinct enterprises)
  SELECT
    'fact_designation',
    coalesce(d.credit_code, d.enterprise_name) || ' ' || d.designation || ' ' || d.level,
    CAST(NULL AS DATE),
    CAST(1 AS DECIMAL(38, 2)),
    d.region_code,
    d.source_name,
    d.source_file,
    d.source_row,
    d.batch_id
  FROM fact_designation AS d
  JOIN period AS p ON p.year = d.year
  WHERE measure_code = 'ip_enterprises'
)
SELECT f.*
FROM fact AS f
WHERE f.region_code IN (SELECT region_code FROM covered);
