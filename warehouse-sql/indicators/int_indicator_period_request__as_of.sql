-- int_indicator_period_request (ipwh --as-of): one year to date, flows from the start of the year to the
-- as-of date and stocks at it (INDICATORS.md: "--as-of D is year-to-date at D (stocks at D)").
-- Grain: one row. Key: (year, period, as_of).
-- Parameters: $year and $as_of, bound by IndicatorMart.ComputeAsOf (which checks that as_of lies in year).

CREATE OR REPLACE TEMP TABLE int_indicator_period_request AS
SELECT
  CAST($year AS INTEGER) AS year,
  'ytd' AS period,
  CAST($as_of AS DATE) AS as_of,
  CAST($year AS INTEGER) AS from_year;
