-- cases_by (ipwh cases --by department|case_type|campaign): the case indicators of the year of $as_of (1 Jan ..
-- $as_of) per handling unit, case type or campaign, for the cases attributed to $within or a region below it:
-- cases_filed, cases_closed, cases_transferred, online_cases, fines_amount (by the catalogue's dates), and at
-- $as_of the open cases, the overdue ones (ind_case_limit_date, as in open_cases.sql) and the oldest open filing date.
-- $by: the grouping column; NULL groups (a case without campaign or department) are one group, group NULL.
-- Grain: one row per group with any case. Order: open cases, descending, then group.

WITH scoped AS (
  SELECT
    c.*,
    CASE $by WHEN 'department' THEN c.department WHEN 'case_type' THEN c.case_type ELSE c.campaign END AS grp,
    ind_case_limit_date(c.case_type, c.filed_date, c.suspended_days) AS limit_date,
    c.filed_date <= $as_of AND (c.closed_date IS NULL OR c.closed_date > $as_of) AS is_open,
    make_date(year(CAST($as_of AS DATE)), 1, 1) AS year_start
  FROM fact_case AS c
  WHERE c.region_code IN (SELECT region_code FROM dim_region WHERE $within IN (region_code, city_code, province_code))
)
SELECT
  grp AS "group",
  count(*) FILTER (WHERE filed_date BETWEEN year_start AND $as_of) AS cases_filed,
  count(*) FILTER (WHERE closed_date BETWEEN year_start AND $as_of) AS cases_closed,
  count(*) FILTER (WHERE transferred_date BETWEEN year_start AND $as_of) AS cases_transferred,
  count(*) FILTER (WHERE is_online AND filed_date BETWEEN year_start AND $as_of) AS online_cases,
  CAST(coalesce(sum(fine_amount) FILTER (WHERE closed_date BETWEEN year_start AND $as_of), 0) AS DOUBLE) AS fines_amount,
  count(*) FILTER (WHERE is_open) AS open_cases,
  count(*) FILTER (WHERE is_open AND $as_of > limit_date) AS overdue_cases,
  min(filed_date) FILTER (WHERE is_open) AS oldest_filed_date
FROM scoped
GROUP BY grp
HAVING count(*) FILTER (WHERE is_open OR filed_date BETWEEN year_start AND $as_of OR closed_date BETWEEN year_start AND $as_of
  OR transferred_date BETWEEN year_start AND $as_of) > 0
ORDER BY open_cases DESC, grp NULLS LAST;
