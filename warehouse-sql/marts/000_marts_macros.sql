-- Helpers for the marts (fact_* and dim_party).

-- A stable party identifier: the credit code when there is one, else the normalised name, hashed so
-- that it is the same in every load and every table.
CREATE OR REPLACE MACRO ipwh_normalized_name(name) AS
  lower(regexp_replace(ipwh_clean(name), '[\s　()（）·•.,，、"“”]', '', 'g'));

CREATE OR REPLACE MACRO ipwh_party_id(name, credit_code) AS
  CASE WHEN ipwh_clean(name) IS NOT NULL OR credit_code IS NOT NULL
    THEN 'P' || left(md5(coalesce(upper(credit_code), 'name:' || ipwh_normalized_name(name))), 16)
  END;
