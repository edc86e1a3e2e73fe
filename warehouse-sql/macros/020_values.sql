-- Value parsers for the raw VARCHAR columns of the staging tables (SOURCES.md "Value rules for every
-- kind"). Each takes the raw text, cleans it with ipwh_clean (010_text.sql) and returns the typed value,
-- or NULL. The caller tells "empty" (ipwh_clean(raw) IS NULL) from "bad" (non-empty raw, NULL parse).
--   ipwh_date(s)        -> DATE
--   ipwh_amount(s)      -> DECIMAL(18, 2) yuan
--   ipwh_int(s)         -> BIGINT (counts, years)
--   ipwh_bool(s)        -> BOOLEAN
--   ipwh_region_code(s) -> VARCHAR, six digits (GB/T 2260); whether it exists is checked against dim_region
--   ipwh_period(s)      -> STRUCT(from_year INTEGER, to_year INTEGER), a range of whole years
--   ipwh_figure(s)      -> DOUBLE, a published figure in any unit (16.1%, 5,537件, 150万元)
-- ipwh_amount_parts is a helper. list_transform([x], lambda v: …)[1] evaluates x once (010_text.sql).
-- Each parser also exists as ipwh_<name>_of_clean(c), taking a value already cleaned by ipwh_clean: a
-- staging model cleans each column once and parses the cleaned value, instead of cleaning it again in
-- every parser and problem check.

-- Dates: 2023-05-06, 2023/5/6, 2023.05.06, 2023年5月6日, 20230506, and timestamps whose date part is one of
-- these followed by 'T' or a space and a time (the date part is taken). The text is rewritten to
-- Y-M-D and cast, so an invalid calendar date (2023-02-30) is NULL; anything else becomes '--', also
-- NULL. Excel serial dates never reach SQL: the XLSX reader converts them.
-- Speed: most dates already read YYYY-MM-DD, which the rewrite would leave as it is; those (matched by
-- GLOB, DuckDB's own matcher) are cast directly, and only the others go through the regular expression,
-- a third of the cost per value (4 M dates: 0.4 s against 1.3 s; docs/benchmarks.md, issue 15).
CREATE OR REPLACE MACRO ipwh_date_of_clean(c) AS
  CASE
    WHEN c GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN try_cast(c AS DATE)
    ELSE try_cast(
      regexp_replace(
        c,
        '(?s)^(?:(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))(?:[T ]\d.*)?|.*)$',
        '\1-\2\4-\3\5'
      ) AS DATE
    )
  END;

CREATE OR REPLACE MACRO ipwh_date(s) AS
  ipwh_date_of_clean(ipwh_clean(s));

-- Amounts are yuan: 1,234.50 / 300元 / ¥300 / 人民币300元; 万 multiplies by 10 000 and 亿 by 100 000 000
-- (1.5万 = 1.5万元 = 15000). Thousands separators must group by three (1,2345 is not a number), so a
-- European decimal comma cannot silently become a thousands separator. Negative amounts parse; the
-- validator reports them as bad_number. Fractions of a fen are rounded to DECIMAL(18, 2).
CREATE OR REPLACE MACRO ipwh_amount_parts(c) AS
  regexp_extract(
    c,
    '^(?:人民币)?\s*([+-]?)\s*¥?\s*([+-]?)(\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+(?:\.\d*)?|\.\d+)\s*(万|亿)?\s*元?$',
    ['sign_before', 'sign_after', 'digits', 'unit']
  );

-- Without a unit the text is cast straight to DECIMAL(18, 2); with one it goes through DECIMAL(18, 6)
-- (1.23456万 = 12345.60). Both are 64-bit decimals: a cast to a wider (128-bit) decimal such as
-- DECIMAL(24, 6) costs ten times more per row in DuckDB 1.5.
CREATE OR REPLACE MACRO ipwh_amount_of_clean(c) AS
  list_transform(
    [ipwh_amount_parts(c)],
    lambda p: CASE p.unit
      WHEN '' THEN try_cast(p.sign_before || p.sign_after || replace(p.digits, ',', '') AS DECIMAL(18, 2))
      ELSE try_cast(
        try_cast(p.sign_before || p.sign_after || replace(p.digits, ',', '') AS DECIMAL(18, 6))
        * CASE p.unit WHEN '万' THEN 10000 ELSE 100000000 END
        AS DECIMAL(18, 2)
      )
    END
  )[1];

CREATE OR REPLACE MACRO ipwh_amount(s) AS
  ipwh_amount_of_clean(ipwh_clean(s));

-- Counts and years: 2,000 / 2000 / 12.0 (integral only) and a trailing 年, 人 or 人次 (2023年, 120人次),
-- as spreadsheets write them. 12.5, abc and 1e3 are NULL: the text is rewritten to sign and digits, or
-- to '' when it has another shape.
CREATE OR REPLACE MACRO ipwh_int_of_clean(c) AS
  try_cast(
    replace(
      regexp_replace(
        c,
        '(?s)^(?:([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.0*)?\s*(?:年|人次|人)?|.*)$',
        '\1\2'
      ),
      ',',
      ''
    ) AS BIGINT
  );

CREATE OR REPLACE MACRO ipwh_int(s) AS
  ipwh_int_of_clean(ipwh_clean(s));

-- Periods of whole years (SOURCES.md: targets and official_figures): 2021-2025, with any dash, ~, 至 or 到
-- between and an optional 年 after either year, or a five-year plan's name: 十一五 .. 十五五 (the 11th plan is
-- 2006-2010, each five years after the one before), optionally quoted and followed by 规划/时期/期间.
CREATE OR REPLACE MACRO ipwh_period_of_clean(c) AS
  list_transform(
    [{
      'years': regexp_extract(c, '^(\d{4})年?\s*[-—–~至到]\s*(\d{4})年?$', ['from_year', 'to_year']),
      'plan': list_position(['十一五', '十二五', '十三五', '十四五', '十五五'], regexp_replace(c, '^[“"]?(十.五)[”"]?(规划|时期|期间)?$', '\1'))
    }],
    lambda p: CASE
      WHEN p.years.from_year <> '' THEN {'from_year': CAST(p.years.from_year AS INTEGER), 'to_year': CAST(p.years.to_year AS INTEGER)}
      WHEN p.plan > 0 THEN {'from_year': CAST(2001 + 5 * p.plan AS INTEGER), 'to_year': CAST(2005 + 5 * p.plan AS INTEGER)}
    END
  )[1];

CREATE OR REPLACE MACRO ipwh_period(s) AS
  ipwh_period_of_clean(ipwh_clean(s));

-- A published figure, in the unit of its indicator: 16.1 / 16.1% (a percent value), 5,537 / 5537件 (counts
-- with 件, 家, 笔, 人次), 150万元 / 1.5亿 (万 and 亿 multiply). Thousands separators must group by three, as for
-- amounts. Negative values parse (a growth rate can fall).
CREATE OR REPLACE MACRO ipwh_figure_of_clean(c) AS
  list_transform(
    [regexp_extract(c, '^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)\s*(万|亿)?\s*(%|％|元|件|家|笔|人次|人)?$', ['digits', 'unit', 'suffix'])],
    lambda p: CAST(replace(nullif(p.digits, ''), ',', '') AS DOUBLE)
      * CASE p.unit WHEN '万' THEN 10000 WHEN '亿' THEN 100000000 ELSE 1 END
  )[1];

CREATE OR REPLACE MACRO ipwh_figure(s) AS
  ipwh_figure_of_clean(ipwh_clean(s));

-- Booleans: true/false, 1/0, 是/否, Y/N, yes/no, case-insensitive; also t/f, PostgreSQL's text form.
CREATE OR REPLACE MACRO ipwh_bool_of_clean(c) AS
  list_transform(
    [lower(c)],
    lambda v: CASE
      WHEN v IN ('true', 't', '1', '是', 'y', 'yes') THEN TRUE
      WHEN v IN ('false', 'f', '0', '否', 'n', 'no') THEN FALSE
    END
  )[1];

CREATE OR REPLACE MACRO ipwh_bool(s) AS
  ipwh_bool_of_clean(ipwh_clean(s));

-- Region codes (GB/T 2260): six digits are kept (622901); 12-digit statistical codes are cut to their
-- first six (622901000000 -> 622901); 2- and 4-digit prefixes are padded (62 -> 620000,
-- 6229 -> 622900). A trailing .0 (a code read from a numeric database or spreadsheet column) is dropped.
CREATE OR REPLACE MACRO ipwh_region_code_of_clean(c) AS
  list_transform(
    [regexp_extract(c, '^(\d{2}|\d{4}|\d{6}|\d{12})(?:\.0+)?$', 1)],
    lambda d: CASE length(d)
      WHEN 2 THEN d || '0000'
      WHEN 4 THEN d || '00'
      WHEN 6 THEN d
      WHEN 12 THEN left(d, 6)
    END
  )[1];

CREATE OR REPLACE MACRO ipwh_region_code(s) AS
  ipwh_region_code_of_clean(ipwh_clean(s));
