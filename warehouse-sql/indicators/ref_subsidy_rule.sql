-- ref_subsidy_rule: the subsidy rules of INDICATORS.md as data, each version with its effective dates,
-- so that a changed policy is a new row (closing the old one with effective_to), not new code.
-- Grain: one row per rule version and the payments it applies to.
-- Key: (rule, program, recipient_type, is_foreign_or_major, effective_from).
-- Matching: a payment is checked against every row whose program, recipient_type and is_foreign_or_major
-- match it (NULL matches any) and whose dates hold its paid_date (effective_from inclusive, NULL = since
-- always; effective_to exclusive, NULL = still in force).
-- Tests:
--   share_of_base       paid_amount > limit_value × base_amount (no base_amount: cannot be checked)
--   cap                 paid_amount > limit_value (a cap of 0 ends a program: every payment breaks it)
--   once_across_levels  the same recipient and related_no paid under the same program by more than one
--                       gov_level: every payment after the first breaks it

CREATE OR REPLACE TEMP TABLE ref_subsidy_rule AS
SELECT
  CAST(rule AS VARCHAR) AS rule,
  CAST(program AS VARCHAR) AS program,
  CAST(recipient_type AS VARCHAR) AS recipient_type,
  CAST(is_foreign_or_major AS BOOLEAN) AS is_foreign_or_major,
  CAST(test AS VARCHAR) AS test,
  CAST(limit_value AS DECIMAL(18, 4)) AS limit_value,
  CAST(effective_from AS DATE) AS effective_from,
  CAST(effective_to AS DATE) AS effective_to,
  CAST(basis AS VARCHAR) AS basis
FROM (VALUES
  -- rights_protection: paid ≤ 50% of base_amount
  ('rights_protection_share', 'rights_protection', NULL, NULL, 'share_of_base', 0.5, NULL, NULL,
    '维权补助不超过实际支出（base_amount）的 50%'),
  -- … and ≤ 5 000 for a natural person, ≤ 10 000 for a legal entity, ≤ 50 000 when is_foreign_or_major
  ('rights_protection_cap', 'rights_protection', 'natural_person', FALSE, 'cap', 5000, NULL, NULL,
    '维权补助自然人每案不超过 5 000 元'),
  ('rights_protection_cap', 'rights_protection', 'legal_entity', FALSE, 'cap', 10000, NULL, NULL,
    '维权补助法人每案不超过 10 000 元'),
  ('rights_protection_cap', 'rights_protection', NULL, TRUE, 'cap', 50000, NULL, NULL,
    '涉外或重大维权补助每案不超过 50 000 元'),
  -- not paid twice across government levels
  ('paid_twice_across_levels', NULL, NULL, NULL, 'once_across_levels', NULL, NULL, NULL,
    '同一受助人同一事项同一项目不得由不同层级财政重复资助'),
  -- patent_application paid after 2021-06-30: application-stage subsidies ended (CNIPA's 2021 notice
  -- 关于进一步严格规范专利申请行为的通知 abolished them by the end of June 2021)
  ('patent_application_ended', 'patent_application', NULL, NULL, 'cap', 0, '2021-07-01', NULL,
    '2021 年 6 月 30 日后不再资助专利申请阶段')
) AS rules (rule, program, recipient_type, is_foreign_or_major, test, limit_value, effective_from, effective_to, basis);
