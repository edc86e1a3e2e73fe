-- int_indicator_stock_interval: what the stock indicators count, as the days each fact counts: a fact
-- counts at date D when valid_from <= D < valid_to (valid_to NULL: no end yet). One rule of INDICATORS.md
-- per branch; int_indicator_measure counts the intervals holding each period's reading date. A view, like
-- int_indicator_flow_event.
-- Grain: one row per fact and stock measure, non-empty intervals only (valid_from < valid_to).
-- Key: (the fact's key, measure).
-- fact_table, fact_key and the source columns identify the fact for ipwh explain (explain_fact.sql); the
-- mart's models never select them (the whole build stays ~2 % of a load, docs/benchmarks.md).
-- The CTEs are NOT MATERIALIZED: the mart then reads only the columns it uses (a materialized CTE
-- copied every granted patent's lineage columns first; measured 3.9 -> 3.5 s at province scale).
-- read_at says which date of a period the stock is read at:
--   period_end        patents, at the period end (31 Dec or the as-of date)
--   trademark_end     trademarks, at the trademark year's end (15 Dec for CNIPA years) or the as-of date
--   day_before_start  cases open at the start of the period: read at the end of the day before

CREATE OR REPLACE TEMP VIEW int_indicator_stock_interval AS
WITH settings AS NOT MATERIALIZED (
  SELECT * FROM int_indicator_settings
),
granted_patent AS NOT MATERIALIZED (
  -- Valid (有效) at D: grant_date <= D, lapse_date empty or > D, and the term not expired (setting
  -- patentTerm: invention 20 years from application, utility model 10, design 10, or 15 for applications
  -- filed on or after 2021-06-01). The term ends on the anniversary of the application date: valid before
  -- it, expired on it. A type without a term is never counted.
  SELECT
    p.region_code,
    p.patent_type,
    p.application_no,
    p.source_name,
    p.source_file,
    p.source_row,
    p.batch_id,
    p.grant_date AS valid_from,
    least(
      p.lapse_date,
      CAST(p.application_date + to_years(
        CASE p.patent_type
          WHEN 'invention' THEN s.invention_term_years
          WHEN 'utility_model' THEN s.utility_model_term_years
          WHEN 'design' THEN
            CASE WHEN p.application_date >= s.design_extended_from THEN s.design_extended_term_years ELSE s.design_term_years END
        END
      ) AS DATE)
    ) AS valid_to,
    p.hv_sei OR p.hv_overseas_family OR p.hv_pledge OR p.hv_award AS has_high_value_flag,
    -- maintained more than N years (10 by default) from application: from the day after the N-th anniversary
    CAST(p.application_date + to_years(s.high_value_maintained_years) AS DATE) + 1 AS maintained_from
  FROM fact_patent AS p
  CROSS JOIN settings AS s
  WHERE p.grant_date IS NOT NULL
    AND p.patent_type IN ('invention', 'utility_model', 'design')
),
registered_trademark AS NOT MATERIALIZED (
  -- Valid at D: registration_date <= D, not cancelled by D (cancellation_date empty or > D), and
  -- expiry_date (registration + 10 years when not given) > D.
  SELECT
    region_code,
    is_gi,
    application_no,
    source_name,
    source_file,
    source_row,
    batch_id,
    registration_date AS valid_from,
    least(cancellation_date, coalesce(expiry_date, CAST(registration_date + INTERVAL 10 YEAR AS DATE))) AS valid_to,
    well_known_date
  FROM fact_trademark
  WHERE registration_date IS NOT NULL
),
stock_interval AS (
  -- valid_patents: valid at period end, all types
  SELECT region_code, 'valid_patents' AS measure, 'period_end' AS read_at, valid_from, valid_to,
    'fact_patent' AS fact_table, application_no AS fact_key, source_name, source_file, source_row, batch_id
  FROM granted_patent
  UNION ALL
  -- valid_invention_patents: valid at period end, invention
  SELECT region_code, 'valid_invention_patents', 'period_end', valid_from, valid_to, 'fact_patent', application_no, source_name, source_file, source_row, batch_id
  FROM granted_patent
  WHERE patent_type = 'invention'
  UNION ALL
  -- high_value_invention_patents: valid inventions with any high-value flag or maintained > 10 years
  -- from application
  SELECT
    region_code,
    'high_value_invention_patents',
    'period_end',
    CASE WHEN has_high_value_flag THEN valid_from ELSE greatest(valid_from, maintained_from) END,
    valid_to,
    'fact_patent',
    application_no, source_name, source_file, source_row, batch_id
  FROM granted_patent
  WHERE patent_type = 'invention'
  UNION ALL
  -- valid_trademarks: valid at the trademark year's end
  SELECT region_code, 'valid_trademarks', 'trademark_end', valid_from, valid_to, 'fact_trademark', application_no, source_name, source_file, source_row, batch_id
  FROM registered_trademark
  UNION ALL
  -- gi_trademarks: valid GI collective/certification marks. GI marks are registered as collective or
  -- certification marks (商标法 art. 16), which is what is_gi records; mark_kind is not asked again
  -- because staging defaults a missing kind to ordinary.
  SELECT region_code, 'gi_trademarks', 'trademark_end', valid_from, valid_to, 'fact_trademark', application_no, source_name, source_file, source_row, batch_id
  FROM registered_trademark
  WHERE is_gi
  UNION ALL
  -- well_known_trademarks: valid trademarks with well_known_date on or before the trademark year's end
  SELECT region_code, 'well_known_trademarks', 'trademark_end', greatest(valid_from, well_known_date), valid_to, 'fact_trademark', application_no, source_name, source_file, source_row, batch_id
  FROM registered_trademark
  WHERE well_known_date IS NOT NULL
  UNION ALL
  -- case_closure_rate's "cases open at period start": filed before the start and not closed before it
  SELECT region_code, 'cases_open_at_start', 'day_before_start', filed_date, closed_date, 'fact_case', case_no, source_name, source_file, source_row, batch_id
  FROM fact_case
  UNION ALL
  -- overdue_open_cases: open at period end and past the statutory limit: from the day after the limit date
  -- (filed + 90 days by default, a patent_dispute filed + 3 months, plus the suspended days: the on-time rule
  -- of case_on_time_rate) until closed
  SELECT region_code, 'overdue_open_cases', 'period_end', limit_date + 1, closed_date, 'fact_case', case_no, source_name, source_file, source_row, batch_id
  FROM (SELECT *, ind_case_limit_date(case_type, filed_date, suspended_days) AS limit_date FROM fact_case)
  UNION ALL
  -- gi_products: GI products approved by period end and not revoked
  SELECT region_code, 'gi_products', 'period_end', approval_date, revoked_date, 'fact_gi_product', product_name, source_name, source_file, source_row, batch_id
  FROM fact_gi_product
)
SELECT
  region_code,
  measure,
  read_at,
  valid_from,
  valid_to,
  fact_table,
  fact_key,
  source_name,
  source_file,
  source_row,
  batch_id
FROM stock_interval
WHERE valid_to IS NULL OR valid_from < valid_to;
