-- mart_subsidy_violation (nightly build): replaces the violations with int_subsidy_violation.
-- Grain: one row per violating payment and rule broken. Key: (payment_no, rule).

DELETE FROM mart_subsidy_violation;

INSERT INTO mart_subsidy_violation (
  payment_no, rule, rule_effective_from, detail, program, recipient_type, recipient_party_id, related_no,
  gov_level, region_code, paid_date, paid_amount, limit_amount, first_payment_no, computed_at
)
SELECT
  v.payment_no,
  v.rule,
  v.rule_effective_from,
  v.detail,
  v.program,
  v.recipient_type,
  v.recipient_party_id,
  v.related_no,
  v.gov_level,
  v.region_code,
  v.paid_date,
  v.paid_amount,
  v.limit_amount,
  v.first_payment_no,
  s.computed_at
FROM int_subsidy_violation AS v
CROSS JOIN int_indicator_settings AS s
ORDER BY v.paid_date, v.payment_no, v.rule;
