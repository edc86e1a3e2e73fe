-- etl_reject: the quarantine. Every source row that could not be loaded, with where it was, which value
-- and why, so the operator can fix it at the source and the counts reconcile with etl_source_run.
-- Grain: one row per quarantined source row. A row with several problems is recorded once, with the
-- first problem in the layout's column order (SOURCES.md).
-- Key: (batch_id, source_name, source_file, source_row).
-- region_code and event_date say where and when the row would have counted, as far as it could be read, so
-- that ipwh reconcile can name the quarantined rows of a region and period (schema version 2).
-- Constraints: a check on the reason codes of SOURCES.md (cheap, no index); no primary key, because a bad
-- delivery can quarantine millions of rows and DuckDB's ART indexes make bulk inserts slow.

CREATE TABLE IF NOT EXISTS etl_reject (
  batch_id    VARCHAR NOT NULL,
  source_name VARCHAR NOT NULL,
  source_file VARCHAR,
  source_row  BIGINT NOT NULL,
  column_name VARCHAR NOT NULL,
  raw_value   VARCHAR,
  reason      VARCHAR NOT NULL CHECK (reason IN (
    'missing_required', 'bad_date', 'bad_number', 'bad_enum', 'bad_check_digit', 'date_order',
    'unknown_region', 'region_unresolved', 'bad_row_shape'
  )),
  message     VARCHAR NOT NULL,
  region_code VARCHAR,
  event_date  DATE
);

COMMENT ON TABLE etl_reject IS '隔离表 quarantined rows: one row per rejected source row (key batch_id + source_name + source_file + source_row), with the column, the raw value and the reason; a row with several problems is recorded once, with the first in column order';
COMMENT ON COLUMN etl_reject.batch_id IS '批次号 the load that quarantined the row (etl_batch.batch_id)';
COMMENT ON COLUMN etl_reject.source_name IS '来源名称 source, its name in ipwh.json';
COMMENT ON COLUMN etl_reject.source_file IS '来源文件 where the row was read: file path for csv/xlsx sources, table name for a database table, NULL for a database query';
COMMENT ON COLUMN etl_reject.source_row IS '来源行号 row as the operator sees it: CSV line number, worksheet row number, or ordinal 1..n of a database result';
COMMENT ON COLUMN etl_reject.column_name IS '列名 canonical column with the problem, e.g. application_date (SOURCES.md)';
COMMENT ON COLUMN etl_reject.raw_value IS '原始值 the value as read, before cleaning; NULL when empty or absent';
COMMENT ON COLUMN etl_reject.reason IS '原因代码 reason: missing_required 必填缺失 | bad_date 日期错误 | bad_number 数值错误 | bad_enum 取值不在范围 | bad_check_digit 校验位错误 | date_order 日期先后颠倒 | unknown_region 区划代码不存在 | region_unresolved 无法确定区划 | bad_row_shape 行结构错误（字段数与表头不符，或非自由文本列跨行）';
COMMENT ON COLUMN etl_reject.message IS '说明 a sentence naming the value and the problem, in Chinese, e.g. grant_date“2019-02-30”不是有效日期';
COMMENT ON COLUMN etl_reject.region_code IS '归属区划 region the row would have counted in, as far as it could be read (the given code, its successor, the address or credit code; GB/T 2260 six-digit code); NULL when unknown';
COMMENT ON COLUMN etl_reject.event_date IS '事件日期 the row''s own date (DATE) as far as it could be read (application, filing, payment, event date; 31 Dec of a designation''s or population''s year); NULL when unreadable or the kind has none (targets, official figures)';
