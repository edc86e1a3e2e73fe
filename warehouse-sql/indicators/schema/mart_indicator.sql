-- mart_indicator: every indicator of the catalogue (INDICATORS.md) for every region and period, the table
-- rankings and target tracking read, so that a ranking is a lookup, not a scan of the facts. Regions: every
-- region of each province with any fact, population or target (a county without facts has zeros next to
-- its peers); provinces without any data are left out.
-- Grain: one row per region, indicator, year and period.
-- Key: (region_code, indicator, year, period).
-- Built by IndicatorMart.Build from the facts (warehouse-sql/indicators/), replaced as a whole on a full
-- build; a load's IndicatorMart.Refresh rewrites only the regions and years its changes can affect (the same
-- rows a full build would give, test IncrementalMartTests): every year present in the facts, period 'year' (whole years; stocks at 31 Dec, trademarks by the
-- configured trademark year). Year-to-date figures ('ytd', ipwh --as-of) are computed on demand into the
-- temp table mart_indicator_as_of of the same shape, never stored here.
-- Roll-up: a region's value covers every fact attributed to it or to any region below it, computed from
-- the facts (a fact attributed to a city counts for the city and its province, for no county), never by
-- adding rounded county values.
-- Constraints: none but the period check (up to a few million rows, rebuilt in bulk: DuckDB's ART
-- indexes make bulk inserts slow); IndicatorMart.Build writes one row per key. Checks are IN lists only
-- (see schema/010_dim_region.sql on DuckDB 1.5.6's write-ahead-log replay).

CREATE TABLE IF NOT EXISTS mart_indicator (
  region_code  VARCHAR NOT NULL,
  indicator    VARCHAR NOT NULL,
  year         INTEGER NOT NULL,
  period       VARCHAR NOT NULL CHECK (period IN ('year', 'ytd')),
  period_start DATE NOT NULL,
  period_end   DATE NOT NULL,
  value        DOUBLE,
  numerator    DOUBLE,
  denominator  DOUBLE,
  settings     VARCHAR NOT NULL,
  computed_at  TIMESTAMPTZ NOT NULL
);

COMMENT ON TABLE mart_indicator IS '指标集市 indicator mart: every indicator of the catalogue (INDICATORS.md) per region, year and period (key region_code + indicator + year + period) for every region of the provinces with data, computed from the facts with the counting rules in settings; a region covers every fact attributed to it or below it. Rankings and target tracking read it';
COMMENT ON COLUMN mart_indicator.region_code IS '行政区划代码 region (GB/T 2260 six-digit code, dim_region); its value covers the facts attributed to it and to every region below it';
COMMENT ON COLUMN mart_indicator.indicator IS '指标 indicator code of the catalogue (INDICATORS.md), e.g. valid_invention_per_10k; the C# IndicatorCatalog gives its Chinese name, unit and direction';
COMMENT ON COLUMN mart_indicator.year IS '年份 year (YYYY): calendar year, or the trademark year for trademark indicators (CNIPA: 16 Dec of the year before .. 15 Dec)';
COMMENT ON COLUMN mart_indicator.period IS '统计期 period: year 全年 (the whole year) | ytd 年初至今 (year to date at period_end, ipwh --as-of; only in mart_indicator_as_of)';
COMMENT ON COLUMN mart_indicator.period_start IS '统计期起 first day of the period (DATE, inclusive): 1 Jan, or 16 Dec of the year before for trademark indicators in CNIPA trademark years';
COMMENT ON COLUMN mart_indicator.period_end IS '统计期止 last day of the period (DATE, inclusive), the day stocks are counted at: 31 Dec, 15 Dec for trademark indicators in CNIPA trademark years, or the as-of date';
COMMENT ON COLUMN mart_indicator.value IS '指标值 value in the indicator''s unit (件, %, 元, 笔, 家, 人次; a percentage as percent value, 16.1 means 16.1%), unrounded; NULL when missing: no population for a per-capita value, a zero denominator, a zero base for a growth rate';
COMMENT ON COLUMN mart_indicator.numerator IS '分子 numerator: the count or amount itself for a count or amount indicator; the count divided for a share, rate or per-capita value; this period''s figure for a growth rate';
COMMENT ON COLUMN mart_indicator.denominator IS '分母 denominator: NULL for a count or amount indicator; the total for a share or rate; the population (人 persons) for a per-capita value, NULL when there is none; the same period a year before for a growth rate';
COMMENT ON COLUMN mart_indicator.settings IS '统计口径 the counting rules used, as canonical JSON of the indicators settings (trademark year, patent terms, population type, on-time limits …), the same on every row of one computation';
COMMENT ON COLUMN mart_indicator.computed_at IS '计算时间 when the value was computed (TIMESTAMPTZ): a load recomputes only the rows its changes can affect, the others keep the time of the load that last computed them';
