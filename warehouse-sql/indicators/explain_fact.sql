-- explain_fact (ipwh explain): the facts behind one region's figure of one measure in the requested period
-- (int_indicator_counted_fact), the first $limit in date order.
-- Grain: one row per fact counted (the first $limit in date order). Key: (fact_table, fact_key).
-- Parameters: $measure (a measure of int_indicator_measure), $region (the figure covers the facts
-- attributed to it and to every region below it), $limit. total counts every fact, not only those listed.

SELECT
  f.fact_table,
  f.fact_key,
  f.event_date,
  CAST(f.amount AS DOUBLE) AS amount,
  f.region_code,
  f.source_name,
  f.source_file,
  f.source_row,
  f.batch_id,
  count(*) OVER () AS total
FROM ind_counted_fact($measure, $region) AS f
ORDER BY f.event_date NULLS LAST, f.fact_table, f.fact_key
LIMIT $limit;
