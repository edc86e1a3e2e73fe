-- mart_indicator (incremental refresh): replaces the rows of the affected regions and years
-- (int_indicator_affected) with int_indicator_value's; every other row stays as the last build wrote it,
-- computed_at included.

DELETE FROM mart_indicator AS m
USING int_indicator_affected AS a
WHERE m.region_code = a.region_code AND m.year = a.year AND m.period = 'year';

INSERT INTO mart_indicator BY NAME
SELECT v.*, s.settings, s.computed_at
FROM int_indicator_value AS v
SEMI JOIN int_indicator_affected AS a USING (region_code, year)
CROSS JOIN int_indicator_settings AS s
ORDER BY v.region_code, v.indicator, v.year, v.period;
