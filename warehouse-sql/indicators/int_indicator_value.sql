-- int_indicator_value: every indicator of the catalogue (INDICATORS.md) for every region of a province with
-- data and every requested period, from the measures, the population and the same period a year before.
-- Grain: one row per region, indicator and requested period. Key: (region_code, indicator, year, period).
-- Columns: mart_indicator's, less settings and computed_at; mart_indicator.sql and mart_indicator_as_of.sql
-- insert it BY NAME with those two added.
-- Missing is NULL, never zero: a per-capita value without the region's population, a share or rate over
-- a zero total, a growth rate over a zero base.

-- A share, rate or per-capita value: numerator / denominator × scale; NULL over a missing or zero
-- denominator.
CREATE OR REPLACE TEMP MACRO ind_ratio(numerator, denominator, scale) AS
  CASE WHEN denominator IS NULL OR denominator = 0 THEN NULL ELSE numerator / denominator * scale END;

-- A growth rate in percent: (this period − same period a year before) / same period a year before × 100;
-- NULL over a zero or missing base.
CREATE OR REPLACE TEMP MACRO ind_growth(current, base) AS
  CASE WHEN base IS NULL OR base = 0 THEN NULL ELSE (current - base) / base * 100 END;

CREATE OR REPLACE TEMP TABLE int_indicator_value AS
WITH region AS (
  -- every region of a province with any figure (each region is its own ancestor), so that a county without
  -- facts gets zeros next to its peers, not a gap; a province without a single fact, population or target
  -- is left out whole (the division list covers the country, a warehouse usually one province)
  SELECT DISTINCT ancestor_code AS region_code
  FROM int_region_ancestor
  WHERE left(ancestor_code, 2) IN (
    SELECT left(region_code, 2) FROM int_indicator_measure
    UNION SELECT left(region_code, 2) FROM fact_population
    UNION SELECT left(region_code, 2) FROM fact_target
  )
),
wide AS (
  SELECT
    r.region_code,
    p.period_id,
    CAST(coalesce(sum(m.amount) FILTER (WHERE m.measure = 'patent_applications'), 0) AS DOUBLE) AS patent_applications,
    CAST(coalesce(sum(m.amount) FILTER (WHERE m.measure = 'invention_applications'), 0) AS DOUBLE) AS invention_applications,
    CAST(coalesce(sum(m.amount) FILTER (WHERE m.measure = 'patent_grants'), 0) AS DOUBLE) AS patent_grants,
    CAST(coalesce(sum(m.amount) FILTER (WHERE m.measure = 'invention_grants'), 0) AS DOUBLE) AS invention_grants,
    CAST(coalesce(sum(m.amount) FILTER (WHERE m.measure = 'valid_patents'), 0) AS DOUBLE) AS valid_patents,
    CAST(coalesce(sum(m.amount) FILTER (WHERE m.measure = 'valid_invention_patents'), 0) AS DOUBLE) AS valid_invention_patents,
    CAST(coalesce(sum(m.amount) FILTER (WHERE m.measure = 'high_value_invention_patents'), 0) AS DOUBLE) AS high_value_invention_patents,
    CAST(coalesce(sum(m.amount) FILTER (WHERE m.measure = 'trademark_applications'), 0) AS DOUBLE) AS trademark_applications,
    CAST(coalesce(sum(m.amount) FILTER (WHERE m.measure = 'trademark_registrations'), 0) AS DOUBLE) AS trademark_registrations,
    CAST(coalesce(sum(m.amount) FILTER (WHERE m.measure = 'valid_trademarks'), 0) AS DOUBLE) AS valid_trademarks,
    CAST(coalesce(sum(m.amount) FILTER (WHERE m.measure = 'gi_trademarks'), 0) AS DOUBLE) AS gi_trademarks,
    CAST(coalesce(sum(m.amount) FILTER (WHERE m.measure = 'cases_filed'), 0) AS DOUBLE) AS cases_filed,
    CAST(coalesce(sum(m.amount) FILTER (WHERE m.measure = 'cases_closed'), 0) AS DOUBLE) AS cases_closed,
    CAST(coalesce(sum(m.amount) FILTER (WHERE m.measure = 'cases_closed_on_time'), 0) AS DOUBLE) AS cases_closed_on_time,
    CAST(coalesce(sum(m.amount) FILTER (WHERE m.measure = 'cases_open_at_start'), 0) AS DOUBLE) AS cases_open_at_start,
    CAST(coalesce(sum(m.amount) FILTER (WHERE m.measure = 'cases_transferred'), 0) AS DOUBLE) AS cases_transferred,
    CAST(coalesce(sum(m.amount) FILTER (WHERE m.measure = 'online_cases'), 0) AS DOUBLE) AS online_cases,
    CAST(coalesce(sum(m.amount) FILTER (WHERE m.measure = 'fines_amount'), 0) AS DOUBLE) AS fines_amount,
    CAST(coalesce(sum(m.amount) FILTER (WHERE m.measure = 'subsidy_paid'), 0) AS DOUBLE) AS subsidy_paid,
    CAST(coalesce(sum(m.amount) FILTER (WHERE m.measure = 'subsidy_violations'), 0) AS DOUBLE) AS subsidy_violations,
    CAST(coalesce(sum(m.amount) FILTER (WHERE m.measure = 'ip_enterprises'), 0) AS DOUBLE) AS ip_enterprises,
    CAST(coalesce(sum(m.amount) FILTER (WHERE m.measure = 'training_person_times'), 0) AS DOUBLE) AS training_person_times,
    CAST(coalesce(sum(m.amount) FILTER (WHERE m.measure = 'abnormal_applications'), 0) AS DOUBLE) AS abnormal_applications,
    CAST(coalesce(sum(m.amount) FILTER (WHERE m.measure = 'well_known_trademarks'), 0) AS DOUBLE) AS well_known_trademarks,
    CAST(coalesce(sum(m.amount) FILTER (WHERE m.measure = 'madrid_registrations'), 0) AS DOUBLE) AS madrid_registrations,
    CAST(coalesce(sum(m.amount) FILTER (WHERE m.measure = 'pledge_amount'), 0) AS DOUBLE) AS pledge_amount_yuan,
    CAST(coalesce(sum(m.amount) FILTER (WHERE m.measure = 'pledge_count'), 0) AS DOUBLE) AS pledge_count,
    CAST(coalesce(sum(m.amount) FILTER (WHERE m.measure = 'copyright_registrations'), 0) AS DOUBLE) AS copyright_registrations,
    CAST(coalesce(sum(m.amount) FILTER (WHERE m.measure = 'gi_products'), 0) AS DOUBLE) AS gi_products,
    CAST(coalesce(sum(m.amount) FILTER (WHERE m.measure = 'overdue_open_cases'), 0) AS DOUBLE) AS overdue_open_cases
  FROM region AS r
  CROSS JOIN int_indicator_period AS p
  LEFT JOIN int_indicator_measure AS m ON m.region_code = r.region_code AND m.period_id = p.period_id
  GROUP BY r.region_code, p.period_id
),
population AS (
  -- the region's own year-end population of the period's year, of the configured type (one ranking never
  -- mixes types); never summed from the regions below
  SELECT
    f.region_code,
    f.year,
    CAST(max(f.population) AS DOUBLE) AS population
  FROM fact_population AS f
  JOIN int_indicator_settings AS s ON f.population_type = s.population_type
  GROUP BY f.region_code, f.year
),
figure AS (
  -- each region and requested period with its figures, its population and its figures a year before
  SELECT
    w.region_code,
    p.year,
    p.period,
    p.period_start,
    p.period_end,
    p.trademark_start,
    p.trademark_end,
    pop.population,
    w.* EXCLUDE (region_code, period_id),
    b.patent_applications AS base_patent_applications,
    b.valid_trademarks AS base_valid_trademarks,
    -- abnormal_share's denominator: every application of the period, the abnormal ones included even when
    -- excludeAbnormal leaves them out of patent_applications
    w.patent_applications + CASE WHEN s.exclude_abnormal THEN w.abnormal_applications ELSE 0 END AS all_patent_applications
  FROM wide AS w
  CROSS JOIN int_indicator_settings AS s
  JOIN int_indicator_period AS p ON p.period_id = w.period_id AND p.requested
  LEFT JOIN wide AS b ON b.region_code = w.region_code AND b.period_id = p.base_period_id
  LEFT JOIN population AS pop ON pop.region_code = w.region_code AND pop.year = p.year
),
indicator AS (
  SELECT
    region_code,
    year,
    period,
    period_start,
    period_end,
    trademark_start,
    trademark_end,
    unnest([
      {indicator: 'patent_applications', trademark_year: FALSE, numerator: patent_applications, denominator: CAST(NULL AS DOUBLE),
        value: patent_applications},
      {indicator: 'invention_applications', trademark_year: FALSE, numerator: invention_applications, denominator: NULL,
        value: invention_applications},
      {indicator: 'patent_applications_growth', trademark_year: FALSE, numerator: patent_applications, denominator: base_patent_applications,
        value: ind_growth(patent_applications, base_patent_applications)},
      {indicator: 'invention_share', trademark_year: FALSE, numerator: invention_applications, denominator: patent_applications,
        value: ind_ratio(invention_applications, patent_applications, 100)},
      {indicator: 'patent_grants', trademark_year: FALSE, numerator: patent_grants, denominator: NULL,
        value: patent_grants},
      {indicator: 'invention_grants', trademark_year: FALSE, numerator: invention_grants, denominator: NULL,
        value: invention_grants},
      {indicator: 'invention_applications_per_100k', trademark_year: FALSE, numerator: invention_applications, denominator: population,
        value: ind_ratio(invention_applications, population, 100000)},
      {indicator: 'invention_grants_per_100k', trademark_year: FALSE, numerator: invention_grants, denominator: population,
        value: ind_ratio(invention_grants, population, 100000)},
      {indicator: 'valid_patents', trademark_year: FALSE, numerator: valid_patents, denominator: NULL,
        value: valid_patents},
      {indicator: 'valid_invention_patents', trademark_year: FALSE, numerator: valid_invention_patents, denominator: NULL,
        value: valid_invention_patents},
      {indicator: 'valid_invention_per_10k', trademark_year: FALSE, numerator: valid_invention_patents, denominator: population,
        value: ind_ratio(valid_invention_patents, population, 10000)},
      {indicator: 'high_value_invention_patents', trademark_year: FALSE, numerator: high_value_invention_patents, denominator: NULL,
        value: high_value_invention_patents},
      {indicator: 'high_value_invention_per_10k', trademark_year: FALSE, numerator: high_value_invention_patents, denominator: population,
        value: ind_ratio(high_value_invention_patents, population, 10000)},
      {indicator: 'trademark_applications', trademark_year: TRUE, numerator: trademark_applications, denominator: NULL,
        value: trademark_applications},
      {indicator: 'trademark_registrations', trademark_year: TRUE, numerator: trademark_registrations, denominator: NULL,
        value: trademark_registrations},
      {indicator: 'valid_trademarks', trademark_year: TRUE, numerator: valid_trademarks, denominator: NULL,
        value: valid_trademarks},
      {indicator: 'valid_trademarks_growth', trademark_year: TRUE, numerator: valid_trademarks, denominator: base_valid_trademarks,
        value: ind_growth(valid_trademarks, base_valid_trademarks)},
      {indicator: 'gi_trademarks', trademark_year: TRUE, numerator: gi_trademarks, denominator: NULL,
        value: gi_trademarks},
      {indicator: 'cases_filed', trademark_year: FALSE, numerator: cases_filed, denominator: NULL,
        value: cases_filed},
      {indicator: 'cases_closed', trademark_year: FALSE, numerator: cases_closed, denominator: NULL,
        value: cases_closed},
      -- cases_closed / (cases open at period start + cases_filed) × 100
      {indicator: 'case_closure_rate', trademark_year: FALSE, numerator: cases_closed, denominator: cases_open_at_start + cases_filed,
        value: ind_ratio(cases_closed, cases_open_at_start + cases_filed, 100)},
      -- cases closed in period on time / cases_closed × 100
      {indicator: 'case_on_time_rate', trademark_year: FALSE, numerator: cases_closed_on_time, denominator: cases_closed,
        value: ind_ratio(cases_closed_on_time, cases_closed, 100)},
      {indicator: 'cases_transferred', trademark_year: FALSE, numerator: cases_transferred, denominator: NULL,
        value: cases_transferred},
      {indicator: 'online_cases', trademark_year: FALSE, numerator: online_cases, denominator: NULL,
        value: online_cases},
      {indicator: 'fines_amount', trademark_year: FALSE, numerator: fines_amount, denominator: NULL,
        value: fines_amount},
      {indicator: 'subsidy_paid', trademark_year: FALSE, numerator: subsidy_paid, denominator: NULL,
        value: subsidy_paid},
      {indicator: 'subsidy_violations', trademark_year: FALSE, numerator: subsidy_violations, denominator: NULL,
        value: subsidy_violations},
      {indicator: 'ip_enterprises', trademark_year: FALSE, numerator: ip_enterprises, denominator: NULL,
        value: ip_enterprises},
      {indicator: 'training_person_times', trademark_year: FALSE, numerator: training_person_times, denominator: NULL,
        value: training_person_times},
      {indicator: 'abnormal_applications', trademark_year: FALSE, numerator: abnormal_applications, denominator: NULL,
        value: abnormal_applications},
      -- abnormal_applications / patent_applications × 100
      {indicator: 'abnormal_share', trademark_year: FALSE, numerator: abnormal_applications, denominator: all_patent_applications,
        value: ind_ratio(abnormal_applications, all_patent_applications, 100)},
      {indicator: 'well_known_trademarks', trademark_year: TRUE, numerator: well_known_trademarks, denominator: NULL,
        value: well_known_trademarks},
      {indicator: 'madrid_registrations', trademark_year: TRUE, numerator: madrid_registrations, denominator: NULL,
        value: madrid_registrations},
      -- 万元: the facts hold yuan
      {indicator: 'pledge_amount', trademark_year: FALSE, numerator: pledge_amount_yuan / 10000, denominator: NULL,
        value: pledge_amount_yuan / 10000},
      {indicator: 'pledge_count', trademark_year: FALSE, numerator: pledge_count, denominator: NULL,
        value: pledge_count},
      {indicator: 'copyright_registrations', trademark_year: FALSE, numerator: copyright_registrations, denominator: NULL,
        value: copyright_registrations},
      {indicator: 'gi_products', trademark_year: FALSE, numerator: gi_products, denominator: NULL,
        value: gi_products},
      -- gi_trademarks (at the trademark year's end) + gi_products (at the period end)
      {indicator: 'gi_total', trademark_year: FALSE, numerator: gi_trademarks + gi_products, denominator: NULL,
        value: gi_trademarks + gi_products},
      {indicator: 'overdue_open_cases', trademark_year: FALSE, numerator: overdue_open_cases, denominator: NULL,
        value: overdue_open_cases}
    ]) AS i
  FROM figure
)
SELECT
  region_code,
  i.indicator AS indicator,
  year,
  period,
  CASE WHEN i.trademark_year THEN trademark_start ELSE period_start END AS period_start,
  CASE WHEN i.trademark_year THEN trademark_end ELSE period_end END AS period_end,
  CAST(i.value AS DOUBLE) AS value,
  CAST(i.numerator AS DOUBLE) AS numerator,
  CAST(i.denominator AS DOUBLE) AS denominator
FROM indicator;
