-- int_indicator_settings: the counting rules in force for this computation (IndicatorSettings, the
-- indicators section of ipwh.json), typed for the models that follow, and when the computation ran.
-- Grain: one row. Key: none (a single row).
-- Parameters: bound by IndicatorMart from IndicatorSettings; settings is its canonical JSON, stored with
-- every mart row so that a figure always says which rules produced it.

CREATE OR REPLACE TEMP TABLE int_indicator_settings AS
SELECT
  CAST($settings AS VARCHAR) AS settings,
  CAST($trademark_year AS VARCHAR) AS trademark_year,
  CAST($population_type AS VARCHAR) AS population_type,
  CAST($invention_term_years AS INTEGER) AS invention_term_years,
  CAST($utility_model_term_years AS INTEGER) AS utility_model_term_years,
  CAST($design_term_years AS INTEGER) AS design_term_years,
  CAST($design_extended_term_years AS INTEGER) AS design_extended_term_years,
  CAST($design_extended_from AS DATE) AS design_extended_from,
  CAST($high_value_maintained_years AS INTEGER) AS high_value_maintained_years,
  CAST($on_time_limit_days AS INTEGER) AS on_time_limit_days,
  CAST($patent_dispute_months AS INTEGER) AS patent_dispute_months,
  CAST($exclude_abnormal AS BOOLEAN) AS exclude_abnormal,
  CAST($computed_at AS TIMESTAMPTZ) AS computed_at;

-- The year whose trademark window holds date d: CNIPA's trademark year Y runs 16 Dec Y-1 .. 15 Dec Y
-- (setting trademarkYear = cnipa), else the calendar year. A mark registered on 20 Dec 2023 is in 2024.
CREATE OR REPLACE TEMP MACRO ind_trademark_year(d) AS
  year(d) + CASE
    WHEN (SELECT trademark_year FROM int_indicator_settings) = 'cnipa' AND month(d) = 12 AND day(d) >= 16 THEN 1
    ELSE 0
  END;

-- The last day a case may be closed on time (INDICATORS.md, case_on_time_rate; overdue_open_cases, ipwh cases):
-- filed + the limit (90 days by default) + the suspended days; a patent_dispute filed + 3 calendar months +
-- the suspended days. Closed on the limit date is on time; open after it is overdue. The one statement of the rule:
-- the watch lists (watch/open_cases.sql, watch/cases_by.sql) call it too, on the published connection, after
-- PlanningQueries has run this file with the published mart's settings.
CREATE OR REPLACE TEMP MACRO ind_case_limit_date(case_type, filed_date, suspended_days) AS
  CASE
    WHEN case_type = 'patent_dispute'
      THEN CAST(filed_date + to_months((SELECT patent_dispute_months FROM int_indicator_settings)) AS DATE) + coalesce(suspended_days, 0)
    ELSE filed_date + (SELECT on_time_limit_days FROM int_indicator_settings) + coalesce(suspended_days, 0)
  END;
