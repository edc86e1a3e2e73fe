-- Text cleaning: the first step of every value rule. One macro, ipwh_clean(s) -> VARCHAR or NULL.
-- Rule (SOURCES.md "Value rules"): full-width digits and punctuation are normalised first (NFKC), text
-- is trimmed including U+3000, an empty value means NULL.
-- DuckDB has no NFKC, so this does the part of NFKC that these sources need:
--   U+FF01..U+FF5E (full-width ASCII)       -> U+0021..U+007E, i.e. code point - 0xFEE0 (65248)
--   U+FFE5 full-width yen sign               -> U+00A5 (NFKC)
--   U+3000, U+00A0, U+2000..U+200A, U+202F, U+205F (spaces) -> ' ' (NFKC)
--   U+200B zero-width space, U+FEFF BOM      -> removed (not NFKC: invisible leftovers of Excel and editors)
-- then trims spaces, tabs and line breaks at both ends, and turns '' into NULL.
--
-- Idiom used by the other macro files: list_transform([x], lambda v: f(v))[1] evaluates x once and names
-- it v. DuckDB's common-subexpression pass shares a repeated subexpression in a SELECT list, but not in
-- WHERE or JOIN conditions (nor after the optimizer pushes a filter down through a projection), where a
-- macro that repeats a regexp_extract 12 times ran 5-10x slower. The binding costs about 0.1 us a row.
-- ipwh_clean itself does not bind: it repeats only its argument, which is meant to be a raw column.
--
-- Speed: translate() with a 94-character mapping rebuilds its map for every row (about 10 s per million
-- rows here), and trim() costs more than the tests that make it unnecessary. So values that are pure
-- ASCII (byte length = character length) or hold no character to map skip the mapping, and only values
-- with a blank at either end are trimmed; the rest are split into characters and mapped (about 1.7 us
-- a value; such values are rare).

-- A blank (space, tab, line feed, carriage return) at either end: what the trim below removes.
CREATE OR REPLACE MACRO ipwh_has_edge_blank(s) AS
  prefix(s, ' ') OR suffix(s, ' ')
  OR prefix(s, chr(9)) OR suffix(s, chr(9))
  OR prefix(s, chr(10)) OR suffix(s, chr(10))
  OR prefix(s, chr(13)) OR suffix(s, chr(13));

-- The branches decide emptiness themselves rather than wrapping everything in nullif(), which DuckDB
-- expands to a CASE that repeats its argument.
CREATE OR REPLACE MACRO ipwh_clean(s) AS
  CASE
    WHEN strlen(s) = length(s)
      OR NOT regexp_matches(s, '[\x{00A0}\x{2000}-\x{200B}\x{202F}\x{205F}\x{3000}\x{FEFF}\x{FF01}-\x{FF5E}\x{FFE5}]')
      THEN CASE
        WHEN ipwh_has_edge_blank(s) THEN nullif(trim(s, ' ' || chr(9) || chr(10) || chr(13)), '')
        ELSE nullif(s, '')
      END
    -- Only blanks, wide spaces, zero-width spaces and byte-order marks: empty.
    WHEN regexp_full_match(s, '[ \t\n\r\x{00A0}\x{2000}-\x{200B}\x{202F}\x{205F}\x{3000}\x{FEFF}]*') THEN NULL
    ELSE trim(
      array_to_string(
        list_transform(
          string_split(s, ''),
          lambda ch: CASE
            WHEN ch BETWEEN '！' AND '～' THEN chr(unicode(ch) - 65248)
            WHEN ch = '￥' THEN '¥'
            WHEN ch IN (chr(8203), chr(65279)) THEN ''
            WHEN ch IN (chr(160), chr(8239), chr(8287), chr(12288)) OR ch BETWEEN chr(8192) AND chr(8202) THEN ' '
            ELSE ch
          END
        ),
        ''
      ),
      ' ' || chr(9) || chr(10) || chr(13)
    )
  END;
