-- dim_region: the administrative divisions (行政区划) facts are attributed to, GB/T 2260 codes, kept as a
-- slowly changing dimension of type 2 so that a renamed or re-parented region keeps its history.
-- Grain: one row per region code per version.
-- Key: (region_code, valid_from). At most one row per region_code has is_current; an abolished code
-- (撤县设区 …) has none, and region_succession names its successor.
-- Join: facts carry region_code only; join on region_code AND is_current for today's names, or on
-- valid_from <= D AND (valid_to IS NULL OR D < valid_to) for the names at date D.
-- Contents: the National Bureau of Statistics 2023 division list (reference/regions.csv, see its README),
-- including NBS functional zones such as 兰州新区 620171, flagged.
-- Constraints: a primary key and a check of level, because the table is small (≈3 400 rows) and this
-- schema owns its vocabulary; the big facts have none. Checks are IN lists only: DuckDB 1.5.6 cannot
-- replay a COMMENT ON of a table whose CHECK calls a function (regexp_full_match, +, LIKE) from the
-- write-ahead log, so a warehouse that crashed before its next checkpoint would not open again.

CREATE TABLE IF NOT EXISTS dim_region (
  region_code        VARCHAR NOT NULL,
  name               VARCHAR NOT NULL,
  short_name         VARCHAR NOT NULL,
  level              VARCHAR NOT NULL CHECK (level IN ('province', 'city', 'county')),
  parent_code        VARCHAR,
  province_code      VARCHAR NOT NULL,
  city_code          VARCHAR,
  is_functional_zone BOOLEAN NOT NULL DEFAULT FALSE,
  valid_from         DATE NOT NULL,
  valid_to           DATE,
  is_current         BOOLEAN NOT NULL,
  PRIMARY KEY (region_code, valid_from)
);

COMMENT ON TABLE dim_region IS '行政区划维表 administrative divisions (GB/T 2260; NBS 2023 list shipped), one row per region code per version (SCD type 2, key region_code + valid_from). Join facts on region_code AND is_current, or on valid_from <= D < valid_to for the state at date D';
COMMENT ON COLUMN dim_region.region_code IS '行政区划代码 region code: GB/T 2260 six-digit code (province 620000, city 622900, county 622901)';
COMMENT ON COLUMN dim_region.name IS '名称 full official name as published, e.g. 临夏回族自治州';
COMMENT ON COLUMN dim_region.short_name IS '简称 short name used in addresses and charts, e.g. 临夏; equals name when there is no safe short form';
COMMENT ON COLUMN dim_region.level IS '层级 level: province 省级 | city 地级 | county 县级 (county-level: districts, counties, county-level cities, banners, functional zones)';
COMMENT ON COLUMN dim_region.parent_code IS '上级代码 parent region code (GB/T 2260 six-digit code); NULL for provinces; the municipality for its districts, the province for county-level units it administers directly';
COMMENT ON COLUMN dim_region.province_code IS '所属省级代码 province-level region code this region belongs to (GB/T 2260 six-digit code); a province''s own code';
COMMENT ON COLUMN dim_region.city_code IS '所属地级代码 prefecture-level region code this region counts under (GB/T 2260 six-digit code): own code for a city, the prefecture for a county, the municipality for its districts, own code for a county-level unit the province administers directly (仙桃市 429004); NULL for provinces';
COMMENT ON COLUMN dim_region.is_functional_zone IS '是否功能区 functional zone added by NBS (开发区, 新区, 园区 … such as 兰州新区 620171; code ending 71-80)';
COMMENT ON COLUMN dim_region.valid_from IS '生效日期 first day this version is valid (DATE, inclusive)';
COMMENT ON COLUMN dim_region.valid_to IS '失效日期 first day this version is no longer valid (DATE, exclusive); NULL while current';
COMMENT ON COLUMN dim_region.is_current IS '是否当前版本 current version of the code: at most one row per region_code, none for an abolished code';
