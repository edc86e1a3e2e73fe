-- After the merge of one source into {{fact}} (Loader.Integrate, same transaction): keeps the values the
-- changed rows had when the marts were last built (merge_replaced, _merge.sql), for the incremental refresh to
-- subtract what they counted. A row written earlier by a batch still pending is not in the marts: its earlier
-- values are not kept (the row's current values are added whole).
-- Grain: one row per replaced fact row; the table has {{fact}}'s columns.

CREATE TABLE IF NOT EXISTS etl_indicator_replaced__{{fact}} AS
SELECT * FROM merge_replaced LIMIT 0;

INSERT INTO etl_indicator_replaced__{{fact}} BY NAME
SELECT *
FROM merge_replaced
WHERE updated_batch NOT IN (SELECT batch_id FROM etl_indicator_pending);
