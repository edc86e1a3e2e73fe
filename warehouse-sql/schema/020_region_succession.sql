-- region_succession: the history of division codes (区划代码沿革) from the Ministry of Civil Affairs' lists
-- at each year end 1980-2017 and April 2019 and the NBS 2023 list (reference/region_succession.csv, built by
-- reference/build_region_succession.py; its README gives every rule): which code replaced which, when and why,
-- so that a fact recorded under a retired code is attributed to the code that succeeds it today.
-- Grain: one row per (old_code, effective_date, new_code): a change seen between two consecutive lists. A split
-- has several rows for one old_code, a merger several for one new_code; a code kept under a new name is a row
-- with new_code = old_code (更名); a code abolished into a neighbour that kept its own code has new_code NULL.
-- Key: (old_code, effective_date, new_code). A code can be retired and later reused for another place
-- (132402 新市区, then 涿州市): old_name and last_listed tell its incarnations apart.
-- Constraints: none. new_code is NULL for 撤销, so the key cannot be a primary key (version 1's was, on
-- an empty table); the build script writes each key once and the tests check it.
-- Attribution follows the rows whose reason names a successor (anything but 未明 and 撤销); current_codes
-- holds where that leads today: one code is a clear successor, several (a split) or none is not.
-- sole_predecessor says whether that successor covers old_code's territory alone (renames, code changes,
-- 撤县设市 …) or shares it (合并): a population, target or official figure moves only in the first case.

CREATE TABLE IF NOT EXISTS region_succession (
  old_code       VARCHAR NOT NULL,
  old_name       VARCHAR NOT NULL,
  new_code       VARCHAR,
  new_name       VARCHAR,
  last_listed    DATE NOT NULL,
  effective_date DATE NOT NULL,
  reason         VARCHAR,
  current_codes  VARCHAR,
  sole_predecessor BOOLEAN NOT NULL
);

COMMENT ON TABLE region_succession IS '区划代码沿革 code succession from the MCA lists 1980-2019 and the NBS 2023 list: one row per old_code, effective_date and new_code (a split has several rows per old_code, a merger several per new_code); current_codes says where an old code leads today';
COMMENT ON COLUMN region_succession.old_code IS '原代码 region code before the change (GB/T 2260 six-digit code)';
COMMENT ON COLUMN region_succession.old_name IS '原名称 its name in the last list that shows it';
COMMENT ON COLUMN region_succession.new_code IS '新代码 region code after the change (GB/T 2260 six-digit code); equals old_code for a rename that kept the code; NULL when the code was abolished into a neighbour that kept its own code (撤销)';
COMMENT ON COLUMN region_succession.new_name IS '新名称 the new code''s name in the first list that shows it; NULL with new_code';
COMMENT ON COLUMN region_succession.last_listed IS '原代码最后列入日期 date of the last list that shows old_code (DATE): a year end, 2019-04-30 or 2023-06-30; the change took effect after it';
COMMENT ON COLUMN region_succession.effective_date IS '生效日期 date of the first list that shows the change (DATE): the change took effect after last_listed and on or before this day (the MCA lists of 2012 and 2018 are missing, so some spans are longer than a year)';
COMMENT ON COLUMN region_succession.reason IS '变更原因 reason the names show: 撤县设区 | 撤县设市 | 撤市设区 | 撤地设市 | 更名 | 合并 | 拆分; 撤销 (abolished, no successor code); 未明 (codes retired and created in the same prefecture and list, names not telling which went where: new_code is a candidate, never followed); NULL when only the code changed (same name)';
COMMENT ON COLUMN region_succession.current_codes IS '当前承继代码 the codes of today old_code leads to (as listed until last_listed), following every row but 未明 and 撤销: dim_region codes separated by a space (string_split(current_codes, '' '') gives a list); one code is its clear successor, several (a split) are not; NULL when none (abolished, unclear)';
COMMENT ON COLUMN region_succession.sole_predecessor IS '唯一前身 old_code is the only code that became its one current code: every step went to a code created for it alone (a rename, a code change, 撤县设市 …), never into a merger or a code that already existed; region-keyed rows (population, targets, official figures) are moved to the successor only then';
