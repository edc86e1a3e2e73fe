-- int_indicator_measure_whole (incremental refresh, no designation or subsidy payment changed): the measures of
-- those facts as the last build computed them (etl_indicator_measure, whole), by period, for
-- int_indicator_measure_next.sql. They depend on those facts, the periods, the regions and the settings only,
-- and a change of any of the last three rebuilds the marts whole.

CREATE OR REPLACE TEMP TABLE int_indicator_measure_whole AS
SELECT m.region_code, p.period_id, m.measure, m.amount, m.facts
FROM etl_indicator_measure AS m
JOIN int_indicator_period AS p ON p.year = m.year
WHERE m.whole;
