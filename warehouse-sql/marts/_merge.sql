-- The merge of one batch's accepted rows into a fact table ({{fact}}, natural key ({{key}})).
-- Input: merge_incoming, with the fact's business columns in the fact's order, then source_name,
-- source_file, source_row; one row per key (the last row read wins within a batch).
-- Only rows that are new or whose business values changed are written, so re-sending the same data
-- changes nothing, lineage included; a changed row keeps the batch that first loaded it.
-- Speed: only keys already in the fact are compared (EXCEPT, which treats NULLs as equal); new keys
-- go straight in through an anti join. A full load into an empty fact therefore compares nothing and
-- copies each row once.

-- merge_changed: the keys of rows already in the fact whose business values differ, with the batch
-- that first loaded them.
CREATE OR REPLACE TEMP TABLE merge_changed AS
SELECT {{key}}, first_loaded_batch
FROM {{fact}}
SEMI JOIN (
  SELECT * EXCLUDE (source_name, source_file, source_row)
  FROM merge_incoming
  SEMI JOIN {{fact}} USING ({{key}})
  EXCEPT
  SELECT * EXCLUDE (source_name, batch_id, source_file, source_row, first_loaded_batch, updated_batch)
  FROM {{fact}}
  SEMI JOIN merge_incoming USING ({{key}})
) AS d USING ({{key}});

DELETE FROM {{fact}} WHERE ({{key}}) IN (SELECT {{key}} FROM merge_changed);

-- With the changed rows deleted, the keys missing from the fact are the new and the changed ones.
INSERT INTO {{fact}} BY NAME
SELECT
  i.*,
  getvariable('ipwh_batch') AS batch_id,
  coalesce(c.first_loaded_batch, getvariable('ipwh_batch')) AS first_loaded_batch,
  getvariable('ipwh_batch') AS updated_batch
FROM (SELECT * FROM merge_incoming ANTI JOIN {{fact}} USING ({{key}})) AS i
LEFT JOIN merge_changed AS c USING ({{key}});
