-- The columns of the published tables in order, which every snapshot file must hold with the same names and
-- types: one row per column, key (table_name, column_index). {{tables}} is the code's list of table names.
SELECT table_name, column_name, data_type
FROM duckdb_columns()
WHERE database_name = current_database()
  AND schema_name = 'main'
  AND NOT internal
  AND table_name IN ({{tables}})
ORDER BY table_name, column_index
