-- After a build or refresh of the marts (same transaction): the measures it computed
-- (int_indicator_measure_next), what it was built with, and no pending batch left.
-- Parameters: $fingerprint (IndicatorMart: settings, schema version, indicator SQL, division list).

DELETE FROM etl_indicator_measure;

INSERT INTO etl_indicator_measure BY NAME
SELECT region_code, year, measure, amount, facts, whole
FROM int_indicator_measure_next;

DELETE FROM etl_indicator_state;

INSERT INTO etl_indicator_state
SELECT
  CAST($fingerprint AS VARCHAR),
  coalesce((SELECT list(year ORDER BY year) FROM int_indicator_period_request), []),
  (SELECT batch_id FROM etl_batch WHERE status IN ('succeeded', 'partial') ORDER BY started_at DESC, batch_id DESC LIMIT 1),
  computed_at
FROM int_indicator_settings;

DELETE FROM etl_indicator_pending;
