-- region_succession: which division code replaced which, when and why (撤县设区, 撤县设市, 合并, 拆分 …),
-- so that facts recorded under an old code can be followed to the code that succeeded it.
-- Grain: one row per (old code, new code, effective date). A split has several rows for one old_code,
-- a merger several rows for one new_code; a rename that keeps the code is a new dim_region version, not a
-- row here.
-- Key: (old_code, new_code, effective_date).
-- Constraints: a primary key, because the table is small (hundreds of rows).

CREATE TABLE IF NOT EXISTS region_succession (
  old_code       VARCHAR NOT NULL,
  new_code       VARCHAR NOT NULL,
  effective_date DATE NOT NULL,
  reason         VARCHAR,
  PRIMARY KEY (old_code, new_code, effective_date)
);

COMMENT ON TABLE region_succession IS '区划代码沿革 code succession: which region code replaced which, when and why; one row per old_code, new_code and effective_date (a split has several rows per old_code, a merger several per new_code)';
COMMENT ON COLUMN region_succession.old_code IS '原代码 region code before the change (GB/T 2260 six-digit code); its last dim_region version ends on effective_date';
COMMENT ON COLUMN region_succession.new_code IS '新代码 region code after the change (GB/T 2260 six-digit code), in dim_region';
COMMENT ON COLUMN region_succession.effective_date IS '生效日期 date the change took effect (DATE)';
COMMENT ON COLUMN region_succession.reason IS '变更原因 reason as published: 撤县设区, 撤县设市, 合并, 拆分, 更名 …; NULL when not published';
