-- int_indicator_period_request (ipwh --from-year A --to-year B): a range of whole years, flows summed over it,
-- stocks at its end, rates and shares from its totals (INDICATORS.md, Periods: never a mean of yearly rates).
-- Grain: one row. Key: (year, period, as_of). year is the range's last year, from_year its first, period
-- 'A-B' (e.g. '2021-2023').
-- Parameters: $from_year and $to_year, bound by IndicatorMart.ComputeRange (which checks from_year < to_year).

CREATE OR REPLACE TEMP TABLE int_indicator_period_request AS
SELECT
  CAST($to_year AS INTEGER) AS year,
  format('{}-{}', $from_year, $to_year) AS period,
  CAST(NULL AS DATE) AS as_of,
  CAST($from_year AS INTEGER) AS from_year;
