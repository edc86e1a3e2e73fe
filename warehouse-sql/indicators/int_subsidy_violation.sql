-- int_subsidy_violation: every subsidy payment that breaks a rule of ref_subsidy_rule in force on its
-- paid_date, with the rule, the limit exceeded and a sentence saying so (INDICATORS.md, Subsidy rules).
-- Grain: one row per violating payment and rule broken. Key: (payment_no, rule).
-- All payments of every date: the periods only matter to subsidy_violations, which counts the distinct
-- payments of a period by paid_date (int_indicator_flow_event).

-- The paying government's level in the words of the detail sentence.
CREATE OR REPLACE TEMP MACRO ind_gov_level_zh(gov_level) AS
  CASE gov_level WHEN 'county' THEN '县级' WHEN 'city' THEN '市级' WHEN 'province' THEN '省级' WHEN 'national' THEN '国家级' ELSE gov_level END;

CREATE OR REPLACE TEMP TABLE int_subsidy_violation AS
WITH in_force AS (
  -- each payment with the rule versions that apply to it on its paid_date
  SELECT
    p.*,
    r.rule,
    r.test,
    r.limit_value,
    r.effective_from AS rule_effective_from
  FROM fact_subsidy_payment AS p
  JOIN ref_subsidy_rule AS r
    ON (r.program IS NULL OR r.program = p.program)
    AND (r.recipient_type IS NULL OR r.recipient_type = p.recipient_type)
    AND (r.is_foreign_or_major IS NULL OR r.is_foreign_or_major = p.is_foreign_or_major)
    AND (r.effective_from IS NULL OR p.paid_date >= r.effective_from)
    AND (r.effective_to IS NULL OR p.paid_date < r.effective_to)
),
share_of_base AS (
  -- rights_protection: paid ≤ 50% of base_amount
  SELECT
    *,
    CAST(base_amount * limit_value AS DECIMAL(18, 2)) AS limit_amount,
    CAST(NULL AS VARCHAR) AS first_payment_no,
    format('支付 {} 元超过计算基数 {} 元的 {}%（{} 元）',
      CAST(paid_amount AS VARCHAR), CAST(base_amount AS VARCHAR), printf('%g', CAST(limit_value * 100 AS DOUBLE)),
      CAST(CAST(base_amount * limit_value AS DECIMAL(18, 2)) AS VARCHAR)) AS detail
  FROM in_force
  WHERE test = 'share_of_base'
    AND paid_amount > base_amount * limit_value
),
cap AS (
  -- rights_protection caps, and a program ended by a cap of 0 (patent_application after 2021-06-30)
  SELECT
    *,
    CAST(limit_value AS DECIMAL(18, 2)) AS limit_amount,
    CAST(NULL AS VARCHAR) AS first_payment_no,
    CASE
      WHEN limit_value = 0 THEN format('{} 起不再资助 {}：支付 {} 元', rule_effective_from, program, CAST(paid_amount AS VARCHAR))
      ELSE format('支付 {} 元超过上限 {} 元', CAST(paid_amount AS VARCHAR), CAST(CAST(limit_value AS DECIMAL(18, 2)) AS VARCHAR))
    END AS detail
  FROM in_force
  WHERE test = 'cap'
    AND paid_amount > limit_value
),
same_matter AS (
  -- the payments for one recipient, related_no and program, first to last; without a recipient or a
  -- related_no nothing says two payments are for the same matter
  SELECT
    *,
    row_number() OVER matter AS nth,
    first_value(payment_no) OVER matter AS first_of_matter
  FROM fact_subsidy_payment
  WHERE recipient_party_id IS NOT NULL AND related_no IS NOT NULL
  WINDOW matter AS (PARTITION BY recipient_party_id, related_no, program ORDER BY paid_date, payment_no)
),
levels AS (
  SELECT
    recipient_party_id,
    related_no,
    program,
    count(DISTINCT gov_level) AS gov_levels
  FROM fact_subsidy_payment
  WHERE recipient_party_id IS NOT NULL AND related_no IS NOT NULL
  GROUP BY recipient_party_id, related_no, program
),
twice AS (
  -- paid under the same program by more than one gov_level: every payment after the first
  SELECT
    f.*,
    CAST(NULL AS DECIMAL(18, 2)) AS limit_amount,
    m.first_of_matter AS first_payment_no,
    format('{} 已由{}财政支付（{}），{}财政再次支付 {} 元',
      f.related_no, ind_gov_level_zh(earliest.gov_level), m.first_of_matter, ind_gov_level_zh(f.gov_level),
      CAST(f.paid_amount AS VARCHAR)) AS detail
  FROM same_matter AS m
  JOIN levels AS l USING (recipient_party_id, related_no, program)
  JOIN fact_subsidy_payment AS earliest ON earliest.payment_no = m.first_of_matter
  JOIN in_force AS f ON f.payment_no = m.payment_no AND f.test = 'once_across_levels'
  WHERE l.gov_levels > 1 AND m.nth > 1
)
SELECT
  payment_no,
  rule,
  rule_effective_from,
  detail,
  program,
  recipient_type,
  recipient_party_id,
  related_no,
  gov_level,
  region_code,
  paid_date,
  paid_amount,
  limit_amount,
  first_payment_no,
  -- where the payment came from, for ipwh explain (subsidy_violations' facts)
  source_name,
  source_file,
  source_row,
  batch_id
FROM (
  SELECT * FROM share_of_base
  UNION ALL BY NAME
  SELECT * FROM cap
  UNION ALL BY NAME
  SELECT * FROM twice
) AS violation;
