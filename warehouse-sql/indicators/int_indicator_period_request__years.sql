-- int_indicator_period_request (nightly build): the periods asked for, here every year in which the facts
-- record an event, each as a whole year (period 'year'): calendar years, and for trademarks their trademark
-- year (a mark registered on 20 Dec 2023 is in CNIPA trademark year 2024).
-- Grain: one row per requested period. Key: (year, period, as_of).
-- as_of is NULL for a whole year: flows run to 31 Dec (15 Dec for CNIPA trademark years), stocks are
-- counted then. from_year is the first year a period covers: the year itself here.

CREATE OR REPLACE TEMP TABLE int_indicator_period_request AS
SELECT
  CAST(year AS INTEGER) AS year,
  'year' AS period,
  CAST(NULL AS DATE) AS as_of,
  CAST(year AS INTEGER) AS from_year
FROM (
  SELECT year(application_date) AS year FROM fact_patent
  UNION SELECT year(grant_date) FROM fact_patent WHERE grant_date IS NOT NULL
  UNION SELECT ind_trademark_year(application_date) FROM fact_trademark
  UNION SELECT ind_trademark_year(registration_date) FROM fact_trademark WHERE registration_date IS NOT NULL
  UNION SELECT year(filed_date) FROM fact_case
  UNION SELECT year(closed_date) FROM fact_case WHERE closed_date IS NOT NULL
  UNION SELECT year(transferred_date) FROM fact_case WHERE transferred_date IS NOT NULL
  UNION SELECT year(paid_date) FROM fact_subsidy_payment
  UNION SELECT year FROM fact_designation
  UNION SELECT year(event_date) FROM fact_training
  UNION SELECT year(registration_date) FROM fact_pledge
  UNION SELECT year(registration_date) FROM fact_copyright
  UNION SELECT year(approval_date) FROM fact_gi_product
) AS present;
