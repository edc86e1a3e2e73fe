-- schema_version: the versions of this schema applied to the warehouse, so a program can tell whether
-- it understands a warehouse file (IpWarehouse.Etl.Warehouse.Schema.Version). Runs last: a version is
-- recorded only after every file of it has run.
-- Grain: one row per schema version applied.
-- Key: version.
-- Constraints: a primary key, because the table is tiny.

CREATE TABLE IF NOT EXISTS schema_version (
  version    INTEGER NOT NULL,
  applied_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (version)
);

COMMENT ON TABLE schema_version IS '表结构版本 schema versions applied to this warehouse: one row per version (key version); the highest is the warehouse''s version';
COMMENT ON COLUMN schema_version.version IS '版本号 schema version number (IpWarehouse.Etl.Warehouse.Schema.Version)';
COMMENT ON COLUMN schema_version.applied_at IS '应用时间 when this version was first applied (TIMESTAMPTZ)';

-- Record the version once; $schema_version and $applied_at are bound by Schema.Apply.
INSERT INTO schema_version (version, applied_at)
SELECT $schema_version, $applied_at
WHERE NOT EXISTS (SELECT 1 FROM schema_version WHERE version = $schema_version);
