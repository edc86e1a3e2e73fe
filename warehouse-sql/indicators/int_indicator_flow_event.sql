-- int_indicator_flow_event: the dated events the flow indicators count or sum, one rule of the catalogue
-- (INDICATORS.md) per branch. A view: int_indicator_measure streams it into the period windows without
-- materialising one row per fact.
-- Grain: one row per fact and flow measure. Key: (the fact's key, measure).
-- period_kind says which window counts the event: calendar (1 Jan .. 31 Dec, or to the as-of date) or
-- trademark (the trademark year of the setting trademarkYear); period_year is the year of the window
-- holding the event. Only the years the periods cover are kept (int_indicator_period_year; an as-of date
-- needs two, a range of years each year of it and of the range before).
-- amount: 1 per fact for counts, the amount for sums (元, 人次), exact (DECIMAL) until the mart.
-- void_date: from this date on the event no longer counts (a pledge cancelled by the period end); NULL for
-- almost every event.
-- fact_table, fact_key and the fact's source columns say which fact row an event is, for ipwh explain
-- (explain_fact.sql); the mart's models never select them (the whole build stays ~2 % of a load,
-- docs/benchmarks.md).

CREATE OR REPLACE TEMP VIEW int_indicator_flow_event AS
WITH settings AS (
  SELECT * FROM int_indicator_settings
),
case_on_time AS (
  -- case_on_time_rate: on time when closed_date − filed_date − suspended_days ≤ the limit (90 days by
  -- default); a patent_dispute when closed within 3 calendar months of filing plus the suspended days
  SELECT
    c.region_code,
    c.closed_date,
    c.case_no,
    c.source_name,
    c.source_file,
    c.source_row,
    c.batch_id
  FROM fact_case AS c
  WHERE c.closed_date IS NOT NULL
    AND c.closed_date <= ind_case_limit_date(c.case_type, c.filed_date, c.suspended_days)
),
violating_payment AS (
  -- subsidy_violations: payments breaking a rule, once per payment however many rules it breaks
  SELECT DISTINCT
    payment_no,
    region_code,
    paid_date,
    source_name,
    source_file,
    source_row,
    batch_id
  FROM int_subsidy_violation
),
event AS (
  -- patent_applications: application date in period
  -- (without the abnormal applications when the setting excludeAbnormal says so)
  SELECT region_code, 'patent_applications' AS measure, 'calendar' AS period_kind, application_date AS event_date,
    CAST(1 AS DECIMAL(38, 2)) AS amount, 'fact_patent' AS fact_table, application_no AS fact_key,
    source_name, source_file, source_row, batch_id, CAST(NULL AS DATE) AS void_date
  FROM fact_patent
  WHERE abnormal_date IS NULL OR NOT (SELECT exclude_abnormal FROM settings)
  UNION ALL
  -- invention_applications: the same, invention only
  SELECT region_code, 'invention_applications', 'calendar', application_date, 1, 'fact_patent', application_no, source_name, source_file, source_row, batch_id, NULL
  FROM fact_patent
  WHERE patent_type = 'invention' AND (abnormal_date IS NULL OR NOT (SELECT exclude_abnormal FROM settings))
  UNION ALL
  -- abnormal_applications: application date in period and an abnormal_date (非正常专利申请)
  SELECT region_code, 'abnormal_applications', 'calendar', application_date, 1, 'fact_patent', application_no, source_name, source_file, source_row, batch_id, NULL
  FROM fact_patent
  WHERE abnormal_date IS NOT NULL
  UNION ALL
  -- patent_grants: grant date in period
  SELECT region_code, 'patent_grants', 'calendar', grant_date, 1, 'fact_patent', application_no, source_name, source_file, source_row, batch_id, NULL
  FROM fact_patent
  WHERE grant_date IS NOT NULL
  UNION ALL
  -- invention_grants: the same, invention only
  SELECT region_code, 'invention_grants', 'calendar', grant_date, 1, 'fact_patent', application_no, source_name, source_file, source_row, batch_id, NULL
  FROM fact_patent
  WHERE grant_date IS NOT NULL AND patent_type = 'invention'
  UNION ALL
  -- trademark_applications: application date in the trademark year
  SELECT region_code, 'trademark_applications', 'trademark', application_date, 1, 'fact_trademark', application_no, source_name, source_file, source_row, batch_id, NULL
  FROM fact_trademark
  UNION ALL
  -- trademark_registrations: registration date in the trademark year
  SELECT region_code, 'trademark_registrations', 'trademark', registration_date, 1, 'fact_trademark', application_no, source_name, source_file, source_row, batch_id, NULL
  FROM fact_trademark
  WHERE registration_date IS NOT NULL
  UNION ALL
  -- cases_filed: filed date in period
  SELECT region_code, 'cases_filed', 'calendar', filed_date, 1, 'fact_case', case_no, source_name, source_file, source_row, batch_id, NULL
  FROM fact_case
  UNION ALL
  -- cases_closed: closed date in period
  SELECT region_code, 'cases_closed', 'calendar', closed_date, 1, 'fact_case', case_no, source_name, source_file, source_row, batch_id, NULL
  FROM fact_case
  WHERE closed_date IS NOT NULL
  UNION ALL
  -- case_on_time_rate's numerator: cases closed in period on time
  SELECT region_code, 'cases_closed_on_time', 'calendar', closed_date, 1, 'fact_case', case_no, source_name, source_file, source_row, batch_id, NULL
  FROM case_on_time
  UNION ALL
  -- cases_transferred: transferred date in period
  SELECT region_code, 'cases_transferred', 'calendar', transferred_date, 1, 'fact_case', case_no, source_name, source_file, source_row, batch_id, NULL
  FROM fact_case
  WHERE transferred_date IS NOT NULL
  UNION ALL
  -- online_cases: filed in period and online
  SELECT region_code, 'online_cases', 'calendar', filed_date, 1, 'fact_case', case_no, source_name, source_file, source_row, batch_id, NULL
  FROM fact_case
  WHERE is_online
  UNION ALL
  -- fines_amount: sum of fines of cases closed in period
  SELECT region_code, 'fines_amount', 'calendar', closed_date, fine_amount, 'fact_case', case_no, source_name, source_file, source_row, batch_id, NULL
  FROM fact_case
  WHERE closed_date IS NOT NULL AND fine_amount IS NOT NULL
  UNION ALL
  -- subsidy_paid: sum paid in period, counted in the paying government's region
  SELECT region_code, 'subsidy_paid', 'calendar', paid_date, paid_amount, 'fact_subsidy_payment', payment_no, source_name, source_file, source_row, batch_id, NULL
  FROM fact_subsidy_payment
  UNION ALL
  -- subsidy_violations: payments in period breaking a subsidy rule
  SELECT region_code, 'subsidy_violations', 'calendar', paid_date, 1, 'fact_subsidy_payment', payment_no, source_name, source_file, source_row, batch_id, NULL
  FROM violating_payment
  UNION ALL
  -- training_person_times: sum of person_times of events in period
  SELECT region_code, 'training_person_times', 'calendar', event_date, person_times, 'fact_training', event_id, source_name, source_file, source_row, batch_id, NULL
  FROM fact_training
  UNION ALL
  -- madrid_registrations: trademarks with a G application number registered in the trademark year
  SELECT region_code, 'madrid_registrations', 'trademark', registration_date, 1, 'fact_trademark', application_no, source_name, source_file, source_row, batch_id, NULL
  FROM fact_trademark
  WHERE registration_date IS NOT NULL AND starts_with(application_no, 'G')
  UNION ALL
  -- pledge_count: pledges registered in period
  SELECT region_code, 'pledge_count', 'calendar', registration_date, 1, 'fact_pledge', pledge_no, source_name, source_file, source_row, batch_id, NULL
  FROM fact_pledge
  UNION ALL
  -- pledge_amount: sum of pledge amounts (元 here, 万元 in the mart) registered in period, not cancelled by its end
  SELECT region_code, 'pledge_amount', 'calendar', registration_date, amount, 'fact_pledge', pledge_no, source_name, source_file, source_row, batch_id, cancelled_date
  FROM fact_pledge
  UNION ALL
  -- copyright_registrations: copyright registrations dated in period
  SELECT region_code, 'copyright_registrations', 'calendar', registration_date, 1, 'fact_copyright', registration_no, source_name, source_file, source_row, batch_id, NULL
  FROM fact_copyright
)
SELECT
  region_code,
  measure,
  period_kind,
  period_year,
  event_date,
  CAST(amount AS DECIMAL(38, 2)) AS amount,
  fact_table,
  fact_key,
  source_name,
  source_file,
  source_row,
  batch_id,
  void_date
FROM (
  SELECT
    *,
    CASE period_kind WHEN 'trademark' THEN ind_trademark_year(event_date) ELSE year(event_date) END AS period_year
  FROM event
) AS dated
WHERE period_year IN (SELECT year FROM int_indicator_period_year);
