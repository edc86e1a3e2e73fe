-- open_cases (ipwh cases --open, GET /api/cases): the cases attributed to $within or a region below it that are
-- open at $as_of (filed by it, not closed by it), with their handling unit, age and statutory limit.
-- limit_date: the last day the case can be closed on time, the rule of case_on_time_rate and overdue_open_cases
-- (INDICATORS.md), from the one macro that states it, ind_case_limit_date of indicators/int_indicator_settings.sql,
-- which PlanningQueries creates with the published mart's settings before this runs. overdue: $as_of is past it.
-- Grain: one row per open case. Order: oldest first.

SELECT
  c.case_no,
  c.case_type,
  c.campaign,
  c.department,
  c.region_code,
  c.filed_date,
  c.suspended_days,
  date_diff('day', c.filed_date, CAST($as_of AS DATE)) AS days_open,
  l.limit_date,
  $as_of > l.limit_date AS overdue,
  date_diff('day', l.limit_date, CAST($as_of AS DATE)) AS days_past_limit,
  c.is_online
FROM fact_case AS c
CROSS JOIN LATERAL (SELECT ind_case_limit_date(c.case_type, c.filed_date, c.suspended_days) AS limit_date) AS l
WHERE c.filed_date <= $as_of
  AND (c.closed_date IS NULL OR c.closed_date > $as_of)
  AND c.region_code IN (SELECT region_code FROM dim_region WHERE $within IN (region_code, city_code, province_code))
ORDER BY c.filed_date, c.case_no;
