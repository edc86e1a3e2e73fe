-- int_indicator_measure_next (full build): the measures of the build just made (int_indicator_measure_all,
-- kept before the whole-kinds pass overwrote int_indicator_measure) per region, year and measure, marking the
-- measures int_indicator_measure_whole has (those a refresh recomputes whole), for etl_indicator_state__save.sql.

CREATE OR REPLACE TEMP TABLE int_indicator_measure_next AS
SELECT
  m.region_code,
  p.year,
  m.measure,
  m.amount,
  m.facts,
  m.measure IN (SELECT measure FROM int_indicator_measure_whole) AS whole
FROM int_indicator_measure_all AS m
JOIN int_indicator_period AS p USING (period_id);
