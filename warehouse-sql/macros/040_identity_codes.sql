-- Identity codes of parties: the unified social credit code of organisations (统一社会信用代码,
-- GB 32100-2015) and the resident identity number of persons (公民身份号码, GB 11643-1999).
-- Values are cleaned (ipwh_clean) and upper-cased first, so a lower-case x or full-width input passes.
--   ipwh_uscc_ok(s)          -> BOOLEAN: 18 characters of the code set and the right check character;
--                               FALSE for any other non-empty value, NULL when s is empty
--   ipwh_uscc_area(s)        -> VARCHAR: characters 3-8, the registering authority's GB/T 2260 division code
--   ipwh_resident_id_ok(s)   -> BOOLEAN: 17 digits + check digit or X, right check, valid birth date;
--                               FALSE for any other non-empty value (15-digit pre-1999 numbers included),
--                               NULL when s is empty
--   ipwh_mask_id(s)          -> VARCHAR: first 6 + '********' + last 4, e.g. 110105********002X
--   ipwh_hash_id(s, salt)    -> VARCHAR: lower-case hex sha256(salt || the cleaned, upper-cased value)
-- The *_value, *_digit and *_check_char macros are helpers. list_transform([x], lambda v: …)[1]
-- evaluates x once (010_text.sql).

-- GB 32100-2015: the code set is 0-9 A-H J-N P-R T U W-Y (31 characters; no I O Z S V); a character's
-- value is its index in the set.
CREATE OR REPLACE MACRO ipwh_uscc_value(c, i) AS
  strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(c, i, 1)) - 1;

-- GB 32100-2015: weights 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28 (3^(i-1) mod 31) over the first
-- 17 characters; check value = 31 - (sum mod 31), where 31 is written 0.
-- Speed: about 1 s of CPU per million codes, nearly all of it the 17 substr + strpos pairs. Reading the
-- characters as bytes of hex-decoded BIGINTs, splitting into a list, or one 18-group regexp_extract were
-- measured and are no faster in DuckDB 1.5.
CREATE OR REPLACE MACRO ipwh_uscc_check_char(c) AS
  substr(
    '0123456789ABCDEFGHJKLMNPQRTUWXY',
    (
      31 - (
        1 * ipwh_uscc_value(c, 1) + 3 * ipwh_uscc_value(c, 2) + 9 * ipwh_uscc_value(c, 3)
        + 27 * ipwh_uscc_value(c, 4) + 19 * ipwh_uscc_value(c, 5) + 26 * ipwh_uscc_value(c, 6)
        + 16 * ipwh_uscc_value(c, 7) + 17 * ipwh_uscc_value(c, 8) + 20 * ipwh_uscc_value(c, 9)
        + 29 * ipwh_uscc_value(c, 10) + 25 * ipwh_uscc_value(c, 11) + 13 * ipwh_uscc_value(c, 12)
        + 8 * ipwh_uscc_value(c, 13) + 24 * ipwh_uscc_value(c, 14) + 10 * ipwh_uscc_value(c, 15)
        + 30 * ipwh_uscc_value(c, 16) + 28 * ipwh_uscc_value(c, 17)
      ) % 31
    ) % 31 + 1,
    1
  );

-- The *_of_code forms take the code already cleaned and upper-cased (upper(ipwh_clean(s))).
CREATE OR REPLACE MACRO ipwh_uscc_ok_of_code(c) AS
  CASE
    WHEN c IS NULL THEN NULL
    WHEN regexp_full_match(c, '[0-9A-HJ-NP-RTUW-Y]{18}') THEN ipwh_uscc_check_char(c) = substr(c, 18, 1)
    ELSE FALSE
  END;

CREATE OR REPLACE MACRO ipwh_uscc_ok(s) AS
  list_transform([upper(ipwh_clean(s))], lambda c: ipwh_uscc_ok_of_code(c))[1];

-- GB 32100-2015: characters 3-8 are the registering authority's division code; NULL unless the value
-- has the shape of a code (regexp_extract gives '' on no match).
CREATE OR REPLACE MACRO ipwh_uscc_area_of_code(c) AS
  nullif(regexp_extract(c, '^[0-9A-HJ-NP-RTUW-Y]{2}(\d{6})[0-9A-HJ-NP-RTUW-Y]{10}$', 1), '');

CREATE OR REPLACE MACRO ipwh_uscc_area(s) AS
  ipwh_uscc_area_of_code(upper(ipwh_clean(s)));

-- GB 11643-1999 (ISO 7064 MOD 11-2): weights 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2 (2^(18-i) mod 11) over
-- the first 17 digits; the check character is '10X98765432'[sum mod 11]. Characters 7-14 are the
-- birth date YYYYMMDD and must be a calendar date.
CREATE OR REPLACE MACRO ipwh_resident_id_check_char(c) AS
  list_transform(
    [try_cast(left(c, 17) AS BIGINT)],
    lambda x: substr(
      '10X98765432',
      (
        7 * (x // 10000000000000000 % 10) + 9 * (x // 1000000000000000 % 10)
        + 10 * (x // 100000000000000 % 10) + 5 * (x // 10000000000000 % 10)
        + 8 * (x // 1000000000000 % 10) + 4 * (x // 100000000000 % 10)
        + 2 * (x // 10000000000 % 10) + 1 * (x // 1000000000 % 10)
        + 6 * (x // 100000000 % 10) + 3 * (x // 10000000 % 10)
        + 7 * (x // 1000000 % 10) + 9 * (x // 100000 % 10)
        + 10 * (x // 10000 % 10) + 5 * (x // 1000 % 10)
        + 8 * (x // 100 % 10) + 4 * (x // 10 % 10)
        + 2 * (x % 10)
      ) % 11 + 1,
      1
    )
  )[1];

CREATE OR REPLACE MACRO ipwh_resident_id_ok(s) AS
  list_transform(
    [upper(ipwh_clean(s))],
    lambda c: CASE
      WHEN c IS NULL THEN NULL
      WHEN regexp_full_match(c, '\d{17}[0-9X]') THEN
        ipwh_resident_id_check_char(c) = right(c, 1)
        AND try_cast(substr(c, 7, 4) || '-' || substr(c, 11, 2) || '-' || substr(c, 13, 2) AS DATE) IS NOT NULL
      ELSE FALSE
    END
  )[1];

-- Personal ID numbers are stored only masked and as a salted hash (DESIGN.md dim_party). Values shorter
-- than 10 characters are masked entirely.
CREATE OR REPLACE MACRO ipwh_mask_id(s) AS
  list_transform(
    [upper(ipwh_clean(s))],
    lambda c: CASE
      WHEN length(c) >= 10 THEN left(c, 6) || '********' || right(c, 4)
      ELSE repeat('*', length(c))
    END
  )[1];

CREATE OR REPLACE MACRO ipwh_hash_id(s, salt) AS
  sha256(salt || upper(ipwh_clean(s)));
