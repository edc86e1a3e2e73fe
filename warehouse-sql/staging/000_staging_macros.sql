-- Helpers shared by the staging models (stg_*.sql). Each staging model reads raw_input (a view over one
-- source's all-text landing table: _source, _file, _row and the layout's canonical columns) and writes
-- a typed table with one `problem` per row: the first problem in the layout's column order
-- (SOURCES.md, "Quarantine reasons"), or NULL for a good row.
-- Session variables set by the loader: ipwh_today (DATE, the load's own "today" in the configured time
-- zone) and ipwh_salt (VARCHAR, the warehouse's secret salt for ID numbers).

-- A quarantine record: reason code, canonical column, the value as read, and a sentence naming it.
CREATE OR REPLACE MACRO ipwh_problem(reason, column_name, raw_value, message) AS
  {'reason': reason, 'column_name': column_name, 'raw_value': raw_value, 'message': message};

-- SOURCES.md bad_date: an event date must lie in 1985-01-01 .. today + 1 year.
CREATE OR REPLACE MACRO ipwh_event_date_ok(d) AS
  d BETWEEN DATE '1985-01-01' AND CAST(getvariable('ipwh_today') AS DATE) + INTERVAL 1 YEAR;

-- The problem macros take the value as read (raw_value, what a quarantine record shows), the value
-- already cleaned by the staging model (clean_value = ipwh_clean(raw_value)) and, where there is one,
-- the value it parsed. They never parse again: on a province-scale load, re-running ipwh_clean and
-- the parsers on every raw column of every good row cost half of the staging time.

-- The problem of an event-date column: unreadable or outside the allowed range; NULL when fine or empty.
CREATE OR REPLACE MACRO ipwh_date_problem(column_name, raw_value, clean_value, parsed) AS
  CASE
    WHEN clean_value IS NULL THEN NULL
    WHEN parsed IS NULL
      THEN ipwh_problem('bad_date', column_name, raw_value, format('{}“{}”不是有效日期', column_name, raw_value))
    WHEN NOT ipwh_event_date_ok(parsed)
      THEN ipwh_problem('bad_date', column_name, raw_value,
        format('{} {} 不在 1985-01-01 至今后一年之内', column_name, parsed))
  END;

-- A required column that is empty or absent.
CREATE OR REPLACE MACRO ipwh_required_problem(column_name, raw_value, clean_value) AS
  CASE WHEN clean_value IS NULL
    THEN ipwh_problem('missing_required', column_name, raw_value, format('{} 为必填项，但为空', column_name))
  END;

-- An enumerated column whose non-empty value is not one of its codes or aliases (reference/enums.csv).
CREATE OR REPLACE MACRO ipwh_enum_problem(column_name, raw_value, clean_value, parsed) AS
  CASE WHEN clean_value IS NOT NULL AND parsed IS NULL
    THEN ipwh_problem('bad_enum', column_name, raw_value,
      format('{}“{}”不是允许的取值', column_name, raw_value))
  END;

-- An amount or count that cannot be read or is negative.
CREATE OR REPLACE MACRO ipwh_number_problem(column_name, raw_value, clean_value, parsed) AS
  CASE
    WHEN clean_value IS NULL THEN NULL
    WHEN parsed IS NULL
      THEN ipwh_problem('bad_number', column_name, raw_value, format('{}“{}”不是数字', column_name, raw_value))
    WHEN parsed < 0
      THEN ipwh_problem('bad_number', column_name, raw_value, format('{} {} 是负数', column_name, raw_value))
  END;

-- A boolean that cannot be read (true/false, 1/0, 是/否, Y/N); parsed = ipwh_bool of the value.
CREATE OR REPLACE MACRO ipwh_bool_problem(column_name, raw_value, clean_value, parsed) AS
  CASE WHEN clean_value IS NOT NULL AND parsed IS NULL
    THEN ipwh_problem('bad_enum', column_name, raw_value, format('{}“{}”不是“是/否”', column_name, raw_value))
  END;

-- An end date before its start date.
CREATE OR REPLACE MACRO ipwh_order_problem(column_name, raw_value, end_date, start_column, start_date) AS
  CASE WHEN end_date < start_date
    THEN ipwh_problem('date_order', column_name, raw_value,
      format('{} {} 早于 {} {}', column_name, end_date, start_column, start_date))
  END;

-- A unified social credit code that fails GB 32100-2015 (ok = ipwh_uscc_ok of the value).
CREATE OR REPLACE MACRO ipwh_credit_code_problem(column_name, raw_value, clean_value, ok) AS
  CASE WHEN clean_value IS NOT NULL AND NOT coalesce(ok, FALSE)
    THEN ipwh_problem('bad_check_digit', column_name, raw_value,
      format('{}“{}”未通过 GB 32100-2015 校验', column_name, raw_value))
  END;

-- A plan period (ipwh_period; parsed = its {from_year, to_year}) that cannot be read, runs backwards, or does
-- not end in the row's year (a period's year is its last year: 2021-2025 is year 2025).
CREATE OR REPLACE MACRO ipwh_period_problem(column_name, raw_value, clean_value, parsed, year) AS
  CASE
    WHEN clean_value IS NULL THEN NULL
    WHEN parsed IS NULL
      THEN ipwh_problem('bad_number', column_name, raw_value,
        format('{}“{}”不是若干整年的区间：请写成 2021-2025（或 十四五），只针对一年时留空', column_name, raw_value))
    WHEN parsed.from_year > parsed.to_year
      THEN ipwh_problem('bad_number', column_name, raw_value, format('{}“{}”的结束年份早于开始年份', column_name, raw_value))
    WHEN parsed.to_year <> year
      THEN ipwh_problem('bad_number', column_name, raw_value,
        format('{} {}-{} 不是在 year {} 结束：year 应填规划期的最后一年', column_name, parsed.from_year, parsed.to_year, year))
  END;

-- A given region code that is malformed, not in the division list, or retired without a code that can stand
-- for it (known = the region int_region_code gives, note = its sentence; _region_codes.sql).
CREATE OR REPLACE MACRO ipwh_region_problem(column_name, raw_value, clean_value, known, note) AS
  CASE WHEN clean_value IS NOT NULL AND known IS NULL
    THEN ipwh_problem('unknown_region', column_name, raw_value,
      format('{}“{}”{}', column_name, raw_value, coalesce(note, '不在 GB/T 2260 行政区划代码表中')))
  END;

-- Region attribution (INDICATORS.md): the given region code (or the current successor of a retired one,
-- known_method code_succeeded), else the region resolved from the first applicant's address, else the
-- registering authority in the credit code. Returns the region and how it was found; a given code that
-- stands for no region stays unresolved (the row is quarantined as unknown_region).
CREATE OR REPLACE MACRO ipwh_attribution(given_code, known_code, known_method, address_region, credit_region) AS
  CASE
    WHEN given_code IS NOT NULL THEN {'region_code': known_code, 'method': known_method}
    WHEN address_region IS NOT NULL THEN {'region_code': address_region, 'method': 'address'}
    WHEN credit_region IS NOT NULL THEN {'region_code': credit_region, 'method': 'credit_code'}
    ELSE {'region_code': NULL, 'method': NULL}
  END;
