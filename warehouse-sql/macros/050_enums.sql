-- Enumerated columns (SOURCES.md: patent_type, mark_kind, case_type, program, recipient_type, gov_level,
-- population_type, designation, level, comparator, applicant_type; also the flag names of
-- high_value_flags) and the applicant type rule.
-- The allowed values and their aliases live in reference/enums.csv (layout,column,alias,value); the
-- installer (IpWarehouse.Etl.Validation.ValueRules) loads it into ref_enum, binding $enum_csv to its path.
-- Matching is case-insensitive on the cleaned value: alias_key = ipwh_enum_key(alias), so '发明',
-- 'Invention' and ' ＩＮＶＥＮＴＩＯＮ ' all find invention. A non-empty raw value without a match is
-- bad_enum.
--   ipwh_enum_key(raw)                        -> VARCHAR, the key to match: lower(ipwh_clean(raw))
--   ipwh_enum(layout, column, raw)            -> VARCHAR canonical value, NULL when empty or unknown
--   ipwh_first_applicant(name)                -> VARCHAR, the first of several names split by ; or ；
--   ipwh_applicant_type_from_name(name)       -> VARCHAR applicant type derived from the first name
-- ipwh_enum is a correlated scalar subquery, which DuckDB plans as one hash join over the distinct raw
-- values. The same as an explicit join, for many enum columns of one staging table:
--   LEFT JOIN ref_enum AS e_type
--     ON e_type.layout = 'patents' AND e_type.column_name = 'patent_type'
--     AND e_type.alias_key = ipwh_enum_key(stg.patent_type)

CREATE OR REPLACE MACRO ipwh_enum_key(raw) AS
  lower(ipwh_clean(raw));

-- One row per (layout, column_name, alias_key). Aliases that clean to the same key collapse here; the
-- installer rejects a key that maps to two values.
CREATE OR REPLACE TABLE ref_enum AS
SELECT DISTINCT
  layout,
  column_name,
  ipwh_enum_key(alias) AS alias_key,
  value
FROM read_csv(
  $enum_csv,
  header = TRUE,
  auto_detect = FALSE,
  delim = ',',
  quote = '"',
  columns = {'layout': 'VARCHAR', 'column_name': 'VARCHAR', 'alias': 'VARCHAR', 'value': 'VARCHAR'}
);

CREATE OR REPLACE MACRO ipwh_enum(enum_layout, enum_column, raw) AS (
  SELECT e.value
  FROM ref_enum AS e
  WHERE e.layout = enum_layout
    AND e.column_name = enum_column
    AND e.alias_key = ipwh_enum_key(raw)
);

-- SOURCES.md patents.applicant_name: several applicants are separated by ; or ； (cleaned to ;), and
-- the first is the first applicant.
CREATE OR REPLACE MACRO ipwh_first_applicant_of_clean(c) AS
  list_transform([trim(split_part(c, ';', 1))], lambda n: nullif(n, ''))[1];

CREATE OR REPLACE MACRO ipwh_first_applicant(name) AS
  ipwh_first_applicant_of_clean(ipwh_clean(name));

-- SOURCES.md patents.applicant_type: derived from the name when empty. First match wins:
--   1. 公司                              -> enterprise (a legal form decides: 研究院有限公司 is a company)
--   2. 大学, 学校, 学院 (not as part of 科学院) -> university
--   3. 研究院, 研究所, 研究中心, 科学院  -> research_institute
--   4. 局, 委员会, 政府, 管委会          -> government (before 5: 中小企业局 is a bureau)
--   5. 厂, 集团, 合作社, 企业            -> enterprise
--   6. 中心                              -> government (public service centres: 知识产权保护中心)
--   7. 2-4 Han characters, or Han names joined by a middle dot (买买提·艾力) -> individual
--   8. anything else                     -> other
CREATE OR REPLACE MACRO ipwh_applicant_type_from_name(name) AS
  list_transform(
    [ipwh_first_applicant(name)],
    lambda n: CASE
      WHEN n IS NULL THEN NULL
      WHEN contains(n, '公司') THEN 'enterprise'
      WHEN regexp_matches(n, '大学|学校') OR contains(replace(n, '科学院', ''), '学院') THEN 'university'
      WHEN regexp_matches(n, '研究院|研究所|研究中心|科学院') THEN 'research_institute'
      WHEN regexp_matches(n, '局|委员会|政府|管委会') THEN 'government'
      WHEN regexp_matches(n, '厂|集团|合作社|企业') THEN 'enterprise'
      WHEN contains(n, '中心') THEN 'government'
      WHEN regexp_full_match(n, '\p{Han}{2,4}|\p{Han}+(?:[·・•]\p{Han}+)+') THEN 'individual'
      ELSE 'other'
    END
  )[1];
