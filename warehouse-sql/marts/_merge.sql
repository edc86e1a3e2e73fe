-- The merge of one batch's accepted rows into a fact table ({{fact}}, natural key ({{key}})).
-- Input: merge_incoming, with the fact's business columns in the fact's order, then source_name,
-- source_file, source_row; one row per key (the last row read wins within a batch).
-- Only rows that are new or whose business values changed are written, so re-sending the same data
-- changes nothing, lineage included; a changed row keeps the batch that first loaded it.

CREATE OR REPLACE TEMP TABLE merge_changed AS
SELECT * EXCLUDE (source_name, source_file, source_row) FROM merge_incoming
EXCEPT
SELECT * EXCLUDE (source_name, batch_id, source_file, source_row, first_loaded_batch, updated_batch)
FROM {{fact}}
WHERE ({{key}}) IN (SELECT {{key}} FROM merge_incoming);

CREATE OR REPLACE TEMP TABLE merge_rows AS
SELECT
  i.*,
  coalesce(f.first_loaded_batch, getvariable('ipwh_batch')) AS first_loaded_batch
FROM merge_incoming AS i
SEMI JOIN merge_changed AS c USING ({{key}})
LEFT JOIN (SELECT {{key}}, first_loaded_batch FROM {{fact}}) AS f USING ({{key}});

DELETE FROM {{fact}} WHERE ({{key}}) IN (SELECT {{key}} FROM merge_rows);

INSERT INTO {{fact}} BY NAME
SELECT
  * EXCLUDE (first_loaded_batch),
  getvariable('ipwh_batch') AS batch_id,
  first_loaded_batch,
  getvariable('ipwh_batch') AS updated_batch
FROM merge_rows;
