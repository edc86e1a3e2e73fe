-- mart_indicator_as_of (ipwh --as-of, --from-year/--to-year): one period computed on demand, a year to date
-- (period 'ytd') or a range of whole years (period 'A-B', year = B), in a temp table of mart_indicator's
-- shape, so that a read-only warehouse answers without a new load and the published mart is left alone.
-- Grain: one row per region and indicator (one period). Key: (region_code, indicator, year, period).

CREATE OR REPLACE TEMP TABLE mart_indicator_as_of (
  region_code  VARCHAR NOT NULL,
  indicator    VARCHAR NOT NULL,
  year         INTEGER NOT NULL,
  period       VARCHAR NOT NULL,
  period_start DATE NOT NULL,
  period_end   DATE NOT NULL,
  value        DOUBLE,
  numerator    DOUBLE,
  denominator  DOUBLE,
  settings     VARCHAR NOT NULL,
  computed_at  TIMESTAMPTZ NOT NULL
);

INSERT INTO mart_indicator_as_of BY NAME
SELECT v.*, s.settings, s.computed_at
FROM int_indicator_value AS v
CROSS JOIN int_indicator_settings AS s
ORDER BY v.region_code, v.indicator;
