-- Drops the intermediate models of warehouse-sql/indicators/ once the marts are written, so that a
-- long-lived connection (the web server answering --as-of) does not keep them in memory. The temp macros
-- stay: they hold no data.

DROP TABLE IF EXISTS temp.main.int_indicator_period_request;
DROP TABLE IF EXISTS temp.main.int_indicator_period;
DROP TABLE IF EXISTS temp.main.int_indicator_period_year;
DROP TABLE IF EXISTS temp.main.int_region_ancestor;
DROP TABLE IF EXISTS temp.main.ref_subsidy_rule;
DROP TABLE IF EXISTS temp.main.int_subsidy_violation;
DROP VIEW IF EXISTS temp.main.int_indicator_flow_event;
DROP VIEW IF EXISTS temp.main.int_indicator_stock_interval;
DROP TABLE IF EXISTS temp.main.int_indicator_measure;
DROP TABLE IF EXISTS temp.main.int_indicator_value;
DROP TABLE IF EXISTS temp.main.int_indicator_settings;
