-- mart_subsidy_violation: subsidy payments that break a subsidy rule of INDICATORS.md, with the rule
-- broken; subsidy_violations counts the payments of a period (by paid_date) from the same model.
-- Grain: one row per violating payment and rule broken (a payment can break more than one rule).
-- Key: (payment_no, rule).
-- Rules: the data of warehouse-sql/indicators/ref_subsidy_rule.sql, each with its effective dates; a
-- payment is checked against the rule versions in force on its paid_date.
-- Constraints: none (rebuilt as a whole by IndicatorMart.Build; one row per key by construction).

CREATE TABLE IF NOT EXISTS mart_subsidy_violation (
  payment_no          VARCHAR NOT NULL,
  rule                VARCHAR NOT NULL,
  rule_effective_from DATE,
  detail              VARCHAR NOT NULL,
  program             VARCHAR NOT NULL,
  recipient_type      VARCHAR NOT NULL,
  recipient_party_id  VARCHAR,
  related_no          VARCHAR,
  gov_level           VARCHAR NOT NULL,
  region_code         VARCHAR NOT NULL,
  paid_date           DATE NOT NULL,
  paid_amount         DECIMAL(18, 2) NOT NULL,
  limit_amount        DECIMAL(18, 2),
  first_payment_no    VARCHAR,
  computed_at         TIMESTAMPTZ NOT NULL
);

COMMENT ON TABLE mart_subsidy_violation IS '违规资助明细 subsidy payments breaking a subsidy rule (INDICATORS.md): one row per payment and rule broken (key payment_no + rule); subsidy_violations counts these payments by paid_date';
COMMENT ON COLUMN mart_subsidy_violation.payment_no IS '支付编号/凭证号 the violating payment (fact_subsidy_payment.payment_no)';
COMMENT ON COLUMN mart_subsidy_violation.rule IS '违反规则 rule broken: rights_protection_share 维权补助超过基数50% | rights_protection_cap 维权补助超过上限 (5 000 natural person, 10 000 legal entity, 50 000 foreign-related or major) | paid_twice_across_levels 跨层级重复资助 (a later payment for the same recipient, related_no and program by another government level) | patent_application_ended 专利申请资助已取消 (paid after 2021-06-30)';
COMMENT ON COLUMN mart_subsidy_violation.rule_effective_from IS '规则生效日期 first day of the rule version applied (DATE); NULL when the rule applies to payments of any date';
COMMENT ON COLUMN mart_subsidy_violation.detail IS '说明 what was exceeded, in Chinese with the amounts, e.g. 支付 8000.00 元超过计算基数 12000.00 元的 50%（6000.00 元）';
COMMENT ON COLUMN mart_subsidy_violation.program IS '资助项目 program of the payment: patent_grant | patent_application | annual_fee | rights_protection | pledge_interest | other';
COMMENT ON COLUMN mart_subsidy_violation.recipient_type IS '受助人类型 recipient type: natural_person 自然人 | legal_entity 法人';
COMMENT ON COLUMN mart_subsidy_violation.recipient_party_id IS '受助人当事人标识 dim_party.party_id of the recipient';
COMMENT ON COLUMN mart_subsidy_violation.related_no IS '关联案号/专利号 case or patent number the payment is for; NULL when not given';
COMMENT ON COLUMN mart_subsidy_violation.gov_level IS '资金层级 level of the paying government: county | city | province | national';
COMMENT ON COLUMN mart_subsidy_violation.region_code IS '行政区划代码 region of the paying government (GB/T 2260 six-digit code, dim_region); the violation counts there and in every region above it';
COMMENT ON COLUMN mart_subsidy_violation.paid_date IS '支付日期 payment date (DATE); subsidy_violations counts the payment in the period holding it';
COMMENT ON COLUMN mart_subsidy_violation.paid_amount IS '支付金额 amount paid (元 yuan, DECIMAL(18,2))';
COMMENT ON COLUMN mart_subsidy_violation.limit_amount IS '限额 the limit exceeded (元 yuan, DECIMAL(18,2)): 50% of base_amount, the cap, or 0 for an ended program; NULL for paid_twice_across_levels';
COMMENT ON COLUMN mart_subsidy_violation.first_payment_no IS '首笔支付编号 for paid_twice_across_levels, the first payment of the same recipient, related_no and program; NULL for the other rules';
COMMENT ON COLUMN mart_subsidy_violation.computed_at IS '计算时间 when the violations were computed (TIMESTAMPTZ)';
