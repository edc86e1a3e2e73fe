-- The first write of a fact ({{fact}}, natural key ({{key}})): the fact holds no row, so every incoming
-- row is new and nothing needs comparing. The loader takes this path instead of _merge.sql when the fact
-- is empty before this source (a first load, a new kind, a rebuild), and then merge_incoming is a view
-- over the staging table rather than one more copy of it: the rows are read from stg_* and written to the
-- fact once. The result is the one _merge.sql gives into an empty fact (a test compares the two).
-- merge_changed and merge_replaced (no rows here, as _merge.sql would give) are what the fact's .after
-- file and the incremental indicator marts read for the rows this batch replaced.
CREATE OR REPLACE TEMP TABLE merge_changed AS
SELECT {{key}}, CAST(NULL AS BIGINT) AS fact_rowid, first_loaded_batch
FROM {{fact}}
LIMIT 0;

CREATE OR REPLACE TEMP TABLE merge_replaced AS
SELECT * FROM {{fact}} LIMIT 0;

INSERT INTO {{fact}} BY NAME
SELECT
  *,
  getvariable('ipwh_batch') AS batch_id,
  getvariable('ipwh_batch') AS first_loaded_batch,
  getvariable('ipwh_batch') AS updated_batch
FROM merge_incoming;
