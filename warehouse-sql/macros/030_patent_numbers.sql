-- Chinese patent application numbers (ZC 0006-2003, 专利申请号标准).
--   2003 onwards: 12 digits = year (4) + type (1) + serial (7), then a check character: 202310123456.7
--   before 2003:   8 digits = year (2) + type (1) + serial (5), then a check character: 95115608.X
-- Type digit: 1 invention, 2 utility model, 3 design, 8 PCT invention entering the national phase,
-- 9 PCT utility model entering the national phase.
-- Check character: the digits times the weights 2,3,4,5,6,7,8,9,2,3,4,5 (8-digit form: 2..9), summed,
-- mod 11; remainder 10 is written X.
-- Accepted spellings: CN202310123456.7, ZL202310123456.7, ZL 202310123456.7, 202310123456.7,
-- 2023101234567, 95115608.X, 95115608X, lower-case x, full-width characters (ipwh_clean).
--   ipwh_patent_no(s)           -> VARCHAR '202310123456.7' / '95115608.X', NULL when the shape is wrong
--   ipwh_patent_no_ok(s)        -> BOOLEAN: check character right; FALSE for any non-empty value that is
--                                  not a well-formed number; NULL when s is empty
--   ipwh_patent_type_digit(s)   -> INTEGER type digit, NULL when the shape is wrong
--   ipwh_patent_type_from_no(s) -> 'invention' | 'utility_model' | 'design' | NULL
--   ipwh_is_pct_from_no(s)      -> BOOLEAN: type digit 8 or 9 (PCT national phase), NULL when the shape is wrong
-- ipwh_patent_no_parts and ipwh_patent_check_char are helpers. list_transform([x], lambda v: …)[1]
-- evaluates x once (010_text.sql). A staging model that needs several of these splits the number once
-- (ipwh_patent_no_parts_of_clean) and derives the rest from the parts with the *_of_parts macros.

-- c: the value cleaned by ipwh_clean.
CREATE OR REPLACE MACRO ipwh_patent_no_parts_of_clean(c) AS
  regexp_extract(
    replace(upper(c), ' ', ''),
    '^(?:CN|ZL)?(\d{12}|\d{8})\.?([0-9X])$',
    ['digits', 'check_char']
  );

CREATE OR REPLACE MACRO ipwh_patent_no_parts(s) AS
  ipwh_patent_no_parts_of_clean(ipwh_clean(s));

CREATE OR REPLACE MACRO ipwh_patent_no_of_parts(p) AS
  CASE WHEN p.digits <> '' THEN p.digits || '.' || p.check_char END;

CREATE OR REPLACE MACRO ipwh_patent_no(s) AS
  list_transform([ipwh_patent_no_parts(s)], lambda p: ipwh_patent_no_of_parts(p))[1];

-- ZC 0006-2003: weights 2,3,4,5,6,7,8,9,2,3,4,5, sum mod 11, remainder 10 is X. The 8-digit form is
-- padded on the right to 12 digits: its weights 2..9 are the first eight of the 12-digit form and the
-- four padding zeros add nothing. Integer arithmetic on one BIGINT keeps this vectorised (the lambda
-- runs once per row over a one-element list). digits: the 8 or 12 digits of ipwh_patent_no_parts; for
-- anything else the result means nothing, so callers test the shape too.
CREATE OR REPLACE MACRO ipwh_patent_check_char(digits) AS
  list_transform(
    [try_cast(rpad(digits, 12, '0') AS BIGINT)],
    lambda x: substr(
      '0123456789X',
      (
        2 * (x // 100000000000 % 10) + 3 * (x // 10000000000 % 10) + 4 * (x // 1000000000 % 10)
        + 5 * (x // 100000000 % 10) + 6 * (x // 10000000 % 10) + 7 * (x // 1000000 % 10)
        + 8 * (x // 100000 % 10) + 9 * (x // 10000 % 10) + 2 * (x // 1000 % 10)
        + 3 * (x // 100 % 10) + 4 * (x // 10 % 10) + 5 * (x % 10)
      ) % 11 + 1,
      1
    )
  )[1];

-- Empty input cleans to NULL, so its parts are NULL; any other shape has digits ''.
CREATE OR REPLACE MACRO ipwh_patent_no_ok_of_parts(p) AS
  CASE
    WHEN p IS NULL THEN NULL
    WHEN p.digits = '' THEN FALSE
    ELSE ipwh_patent_check_char(p.digits) = p.check_char
  END;

CREATE OR REPLACE MACRO ipwh_patent_no_ok(s) AS
  list_transform([ipwh_patent_no_parts(s)], lambda p: ipwh_patent_no_ok_of_parts(p))[1];

-- The type digit: the 5th of the 12-digit form, the 3rd of the 8-digit form.
CREATE OR REPLACE MACRO ipwh_patent_type_digit_of_parts(p) AS
  list_transform(
    [p.digits],
    lambda d: CASE length(d)
      WHEN 12 THEN CAST(substr(d, 5, 1) AS INTEGER)
      WHEN 8 THEN CAST(substr(d, 3, 1) AS INTEGER)
    END
  )[1];

CREATE OR REPLACE MACRO ipwh_patent_type_digit(s) AS
  ipwh_patent_type_digit_of_parts(ipwh_patent_no_parts(s));

-- SOURCES.md patents.patent_type: when empty, from the type digit (1/8 invention, 2/9 utility model, 3 design).
CREATE OR REPLACE MACRO ipwh_patent_type_of_digit(t) AS
  CASE
    WHEN t IN (1, 8) THEN 'invention'
    WHEN t IN (2, 9) THEN 'utility_model'
    WHEN t = 3 THEN 'design'
  END;

CREATE OR REPLACE MACRO ipwh_patent_type_from_no(s) AS
  list_transform([ipwh_patent_type_digit(s)], lambda t: ipwh_patent_type_of_digit(t))[1];

-- SOURCES.md patents.is_pct_national_phase: when empty, derived from type digit 8/9.
CREATE OR REPLACE MACRO ipwh_is_pct_from_no(s) AS
  ipwh_patent_type_digit(s) IN (8, 9);
