-- fact_case: administrative enforcement cases (执法案件), an accumulating snapshot: the row of a case is
-- updated as it is closed or transferred.
-- Grain: one row per case.
-- Key: case_no. A later source row with the same number updates the row (a case closed today that was
-- open yesterday).
-- Attribution: counted in the handling unit's region (region_code, always given).
-- Not stored, computed by the indicators: whether a case closed on time (closed_date - filed_date -
-- suspended_days within the configured limit, 90 days by default; patent disputes 3 months).
-- Constraints: no primary key or unique constraint (DuckDB's ART indexes make bulk upserts slow). The
-- loader dedupes by case_no in SQL.

CREATE TABLE IF NOT EXISTS fact_case (
  case_no          VARCHAR NOT NULL,
  case_type        VARCHAR NOT NULL,
  campaign         VARCHAR,
  filed_date       DATE NOT NULL,
  closed_date      DATE,
  transferred_date DATE,
  suspended_days   INTEGER NOT NULL DEFAULT 0,
  is_online        BOOLEAN NOT NULL DEFAULT FALSE,
  region_code      VARCHAR NOT NULL,
  involved_amount  DECIMAL(18, 2),
  fine_amount      DECIMAL(18, 2),
  department       VARCHAR,
  source_name        VARCHAR NOT NULL,
  batch_id           VARCHAR NOT NULL,
  source_file        VARCHAR,
  source_row         BIGINT NOT NULL,
  first_loaded_batch VARCHAR NOT NULL,
  updated_batch      VARCHAR NOT NULL,
  given_region_code  VARCHAR,
  attribution_method VARCHAR DEFAULT 'code'
);

COMMENT ON TABLE fact_case IS '执法案件事实表 enforcement cases: accumulating snapshot, one row per case (key case_no), updated as it is closed or transferred. Counted in the handling unit''s region. On-time closure is computed from the dates and suspended_days, not stored';
COMMENT ON COLUMN fact_case.case_no IS '案件编号 case number as given';
COMMENT ON COLUMN fact_case.case_type IS '案件类型 case type: trademark_infringement 商标侵权 | gi 地理标志 | patent_counterfeiting 假冒专利 | patent_dispute 专利侵权纠纷 | agency 代理 | copyright 版权 | other 其他';
COMMENT ON COLUMN fact_case.campaign IS '专项行动 enforcement campaign, free text: 铁拳, 蓝天, 昆仑 …; NULL when none';
COMMENT ON COLUMN fact_case.filed_date IS '立案日期 filing date (DATE)';
COMMENT ON COLUMN fact_case.closed_date IS '结案日期 closing date (DATE); NULL while open';
COMMENT ON COLUMN fact_case.transferred_date IS '移送日期 date transferred to public security or judicial organs (DATE); NULL when not transferred';
COMMENT ON COLUMN fact_case.suspended_days IS '中止天数 days suspended, not counted against the statutory time limit (天 days); 0 when not given';
COMMENT ON COLUMN fact_case.is_online IS '电商案件 e-commerce (online) case; FALSE when not given';
COMMENT ON COLUMN fact_case.region_code IS '办案单位区划 region of the handling unit (GB/T 2260 six-digit code, dim_region), as given';
COMMENT ON COLUMN fact_case.involved_amount IS '涉案金额 amount involved (元 yuan, DECIMAL(18,2)); NULL when not given';
COMMENT ON COLUMN fact_case.fine_amount IS '罚没款金额 fines and confiscations (元 yuan, DECIMAL(18,2)); NULL when not given';
COMMENT ON COLUMN fact_case.department IS '办案单位 handling unit as given';
COMMENT ON COLUMN fact_case.source_name IS '来源名称 source (its name in ipwh.json) that delivered the current values';
COMMENT ON COLUMN fact_case.batch_id IS '批次号 batch that wrote the current values of this row (etl_batch.batch_id); source_file and source_row locate them in that batch''s source';
COMMENT ON COLUMN fact_case.source_file IS '来源文件 where the row was read: file path for csv/xlsx sources, table name for a database table, NULL for a database query';
COMMENT ON COLUMN fact_case.source_row IS '来源行号 row as the operator sees it: CSV line number, worksheet row number, or ordinal 1..n of a database result';
COMMENT ON COLUMN fact_case.first_loaded_batch IS '首次载入批次 batch that first inserted this key (etl_batch.batch_id)';
COMMENT ON COLUMN fact_case.updated_batch IS '最近变更批次 batch that last changed a value of this row (etl_batch.batch_id); equals first_loaded_batch until a later delivery changes something (a re-sent identical row changes nothing)';
COMMENT ON COLUMN fact_case.given_region_code IS '给定区划代码 region code as given (GB/T 2260 six-digit code) when it was a retired code (region_succession) and region_code is its current successor (attribution_method code_succeeded); NULL otherwise';
COMMENT ON COLUMN fact_case.attribution_method IS '归属方式 how region_code was found: code (the given region code) | code_succeeded (a retired given code, kept in given_region_code, followed through region_succession to the one code that succeeds it today)';
