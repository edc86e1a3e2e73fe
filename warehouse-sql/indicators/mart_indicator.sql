-- mart_indicator (nightly build): replaces the mart with int_indicator_value, every year present in the
-- facts, with the settings used and the computation time on every row.
-- Grain: one row per region, indicator, year and period. Key: (region_code, indicator, year, period).
-- Sorted by region, indicator and year so that DuckDB's zone maps serve a ranking's lookups.

DELETE FROM mart_indicator;

INSERT INTO mart_indicator BY NAME
SELECT v.*, s.settings, s.computed_at
FROM int_indicator_value AS v
CROSS JOIN int_indicator_settings AS s
ORDER BY v.region_code, v.indicator, v.year, v.period;
