-- The merge of one batch's accepted rows into a fact table ({{fact}}, natural key ({{key}})).
-- Input: merge_incoming, with the fact's business columns in the fact's order, then source_name,
-- source_file, source_row; one row per key (the last row read wins within a batch).
-- Only rows that are new or whose business values changed are written, so re-sending the same data
-- changes nothing, lineage included; a changed row keeps the batch that first loaded it.
-- Speed: the fact is scanned once, for the rows of the incoming keys (merge_existing); only those are
-- compared (EXCEPT, which treats NULLs as equal), and the changed ones are deleted by rowid. New keys go
-- straight in. A full load into an empty fact therefore compares nothing and copies each row once.

-- merge_existing: the fact's current rows of the incoming keys, with their rowid. The only read of the
-- fact's columns: comparing and inserting work on this small table, the delete goes by rowid.
CREATE OR REPLACE TEMP TABLE merge_existing AS
SELECT rowid AS fact_rowid, *
FROM {{fact}}
SEMI JOIN merge_incoming USING ({{key}});

-- merge_changed: the keys of rows already in the fact whose business values differ, with the batch
-- that first loaded them.
CREATE OR REPLACE TEMP TABLE merge_changed AS
SELECT {{key}}, fact_rowid, first_loaded_batch
FROM merge_existing
SEMI JOIN (
  SELECT * EXCLUDE (source_name, source_file, source_row)
  FROM merge_incoming
  SEMI JOIN merge_existing USING ({{key}})
  EXCEPT
  SELECT * EXCLUDE (fact_rowid, source_name, batch_id, source_file, source_row, first_loaded_batch, updated_batch)
  FROM merge_existing
) AS d USING ({{key}});

-- merge_replaced: the values the changed rows had before this batch, for the incremental indicator marts
-- (warehouse-sql/indicators/_changes_capture.sql subtracts what they counted). Small: the changed rows only.
CREATE OR REPLACE TEMP TABLE merge_replaced AS
SELECT * EXCLUDE (fact_rowid)
FROM merge_existing
SEMI JOIN merge_changed USING ({{key}});

DELETE FROM {{fact}} WHERE rowid IN (SELECT fact_rowid FROM merge_changed);

-- The rows to write: the new keys (not in the fact) and the changed ones (just deleted).
INSERT INTO {{fact}} BY NAME
SELECT
  i.*,
  getvariable('ipwh_batch') AS batch_id,
  coalesce(c.first_loaded_batch, getvariable('ipwh_batch')) AS first_loaded_batch,
  getvariable('ipwh_batch') AS updated_batch
FROM (
  SELECT * FROM merge_incoming ANTI JOIN merge_existing USING ({{key}})
  UNION ALL
  SELECT * FROM merge_incoming SEMI JOIN merge_changed USING ({{key}})
) AS i
LEFT JOIN merge_changed AS c USING ({{key}});

DROP TABLE merge_existing;
