-- fact_patent: patent applications (专利), an accumulating snapshot: the row of an application is
-- updated as it is granted and as its right lapses.
-- Grain: one row per patent application.
-- Key: application_no (normalised, ZC 0006-2003). A later source row with the same number updates the row.
-- Attribution: counted in the region of the first applicant (region_code), found as attribution_method
-- says. All applicants, in order, are in bridge_patent_party.
-- Not stored, computed by the indicators: maintenance > 10 years (a high-value criterion) and the end of
-- the term (invention 20 years from application, utility model 10, design 10 or 15 from 2021-06-01).
-- Constraints: no primary key or unique constraint (≈25 M rows; DuckDB's ART indexes make bulk upserts
-- slow). The loader dedupes by application_no in SQL.

CREATE TABLE IF NOT EXISTS fact_patent (
  application_no           VARCHAR NOT NULL,
  patent_type              VARCHAR NOT NULL,
  application_date         DATE NOT NULL,
  grant_date               DATE,
  lapse_date               DATE,
  is_pct_national_phase    BOOLEAN NOT NULL DEFAULT FALSE,
  first_applicant_name     VARCHAR NOT NULL,
  first_applicant_party_id VARCHAR,
  applicant_type           VARCHAR NOT NULL,
  applicant_address        VARCHAR,
  credit_code              VARCHAR,
  region_code              VARCHAR NOT NULL,
  attribution_method       VARCHAR NOT NULL,
  ipc_main                 VARCHAR,
  hv_sei                   BOOLEAN NOT NULL DEFAULT FALSE,
  hv_overseas_family       BOOLEAN NOT NULL DEFAULT FALSE,
  hv_pledge                BOOLEAN NOT NULL DEFAULT FALSE,
  hv_award                 BOOLEAN NOT NULL DEFAULT FALSE,
  source_name        VARCHAR NOT NULL,
  batch_id           VARCHAR NOT NULL,
  source_file        VARCHAR,
  source_row         BIGINT NOT NULL,
  first_loaded_batch VARCHAR NOT NULL,
  updated_batch      VARCHAR NOT NULL,
  given_region_code  VARCHAR,
  abnormal_date      DATE
);

COMMENT ON TABLE fact_patent IS '专利事实表 patents: accumulating snapshot, one row per application (key application_no), updated as it is granted and lapses. Counted in the first applicant''s region (region_code). Maintenance > 10 years and term expiry are computed from the dates, not stored';
COMMENT ON COLUMN fact_patent.application_no IS '申请号 application number, normalised (ZC 0006-2003): 202310123456.7, before 2003 95115608.X; no CN/ZL prefix, check character verified';
COMMENT ON COLUMN fact_patent.patent_type IS '专利类型 patent type: invention 发明 | utility_model 实用新型 | design 外观设计 (as given, else from the type digit of application_no)';
COMMENT ON COLUMN fact_patent.application_date IS '申请日 application date (DATE)';
COMMENT ON COLUMN fact_patent.grant_date IS '授权公告日 grant date (DATE); NULL while not granted';
COMMENT ON COLUMN fact_patent.lapse_date IS '失效日 date the right ended early: unpaid fees, abandonment, invalidation (DATE); NULL while in force or not granted; term expiry is computed, not stored here';
COMMENT ON COLUMN fact_patent.is_pct_national_phase IS 'PCT国家阶段 PCT application entering the Chinese national phase (as given, else type digit 8 or 9 of application_no)';
COMMENT ON COLUMN fact_patent.first_applicant_name IS '第一申请人 first applicant (or patentee), name as given';
COMMENT ON COLUMN fact_patent.first_applicant_party_id IS '第一申请人当事人标识 dim_party.party_id of the first applicant';
COMMENT ON COLUMN fact_patent.applicant_type IS '申请人类型 first applicant''s type: enterprise 企业 | university 大专院校 | research_institute 科研单位 | individual 个人 | government 机关团体 | other 其他 (as given, else derived from the name)';
COMMENT ON COLUMN fact_patent.applicant_address IS '申请人地址 first applicant''s address as given; used for attribution when no region code is given';
COMMENT ON COLUMN fact_patent.credit_code IS '统一社会信用代码 first applicant''s unified social credit code (GB 32100-2015, 18 characters, check character verified); NULL when not given';
COMMENT ON COLUMN fact_patent.region_code IS '归属行政区划代码 attributed region (GB/T 2260 six-digit code, dim_region): the first applicant''s; a city or province code when the address resolves no further';
COMMENT ON COLUMN fact_patent.attribution_method IS '归属方式 how region_code was found: code (given region code) | code_succeeded (a retired given code, kept in given_region_code, followed through region_succession to its one current successor) | address (resolved from applicant_address) | credit_code (registering authority in characters 3-8 of credit_code)';
COMMENT ON COLUMN fact_patent.ipc_main IS '主分类号 main IPC classification as given, e.g. H01M 10/052';
COMMENT ON COLUMN fact_patent.hv_sei IS '高价值:战略性新兴产业 high-value flag: in a strategic emerging industry (CNIPA high-value invention criterion)';
COMMENT ON COLUMN fact_patent.hv_overseas_family IS '高价值:海外同族 high-value flag: has a patent family member granted abroad';
COMMENT ON COLUMN fact_patent.hv_pledge IS '高价值:质押融资 high-value flag: pledged for a loan of a high amount';
COMMENT ON COLUMN fact_patent.hv_award IS '高价值:获奖 high-value flag: won a State Science and Technology Award or the China Patent Award';
COMMENT ON COLUMN fact_patent.source_name IS '来源名称 source (its name in ipwh.json) that delivered the current values';
COMMENT ON COLUMN fact_patent.batch_id IS '批次号 batch that wrote the current values of this row (etl_batch.batch_id); source_file and source_row locate them in that batch''s source';
COMMENT ON COLUMN fact_patent.source_file IS '来源文件 where the row was read: file path for csv/xlsx sources, table name for a database table, NULL for a database query';
COMMENT ON COLUMN fact_patent.source_row IS '来源行号 row as the operator sees it: CSV line number, worksheet row number, or ordinal 1..n of a database result';
COMMENT ON COLUMN fact_patent.first_loaded_batch IS '首次载入批次 batch that first inserted this key (etl_batch.batch_id)';
COMMENT ON COLUMN fact_patent.updated_batch IS '最近变更批次 batch that last changed a value of this row (etl_batch.batch_id); equals first_loaded_batch until a later delivery changes something (a re-sent identical row changes nothing)';
COMMENT ON COLUMN fact_patent.given_region_code IS '给定区划代码 region code as given (GB/T 2260 six-digit code) when it was a retired code (region_succession) and region_code is its current successor (attribution_method code_succeeded); NULL otherwise';
COMMENT ON COLUMN fact_patent.abnormal_date IS '非正常申请认定日 date the application was found abnormal (DATE; 非正常专利申请); NULL for the others. abnormal_applications counts the applications of a period that have one; setting excludeAbnormal leaves them out of the application counts';
