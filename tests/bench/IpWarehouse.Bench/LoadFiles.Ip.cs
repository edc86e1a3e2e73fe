namespace IpWarehouse.Bench;

/// Patents and trademarks: Chinese headers, as CNIPA's and the trademark office's exports have them.
/// Region attribution mix: 78 % a six-digit county code, 2 % the 12-digit statistical code, 17 % only the
/// applicant's address (resolved by the loader, once per distinct address), 3 % neither: the credit code
/// (companies) or the address (individuals).
internal sealed partial class LoadFiles
{
    /// <param name="rows">A query yielding the row indexes i.</param>
    /// <param name="changed">A predicate on i: the row is restated in its later state (delta only).</param>
    private static string PatentsSql(string rows, string changed) => $$"""
        WITH b AS (
          SELECT
            r.i,
            {{changed}} AS chg,
            {{Dirty}} AS dirty,
            g_u(r.i, 98, 6) AS dv,
            CAST(2015 + r.i % 10 AS INTEGER) AS yr,
            g_u(r.i, 1, 100) AS tu,
            g_u(r.i, 4, 100) AS style,
            g_u(r.i, 9, 100) AS rb,
            g_u(r.i, 5, 100) AS gu,
            p.*
          FROM ({{rows}}) AS r
          JOIN gen_party AS p ON p.p = g_party(r.i, 70, 25)
        ),
        typed AS (
          SELECT
            b.*,
            CASE WHEN tu < 40 THEN 1 WHEN tu < 85 THEN 2 WHEN tu < 97 THEN 3 WHEN tu < 99 THEN 8 ELSE 9 END AS td,
            make_date(yr, 1, 1) + g_u(i, 2, 365) AS app
          FROM b
        ),
        granted AS (
          -- About 55 % of inventions are granted after 2-4 years, 90 % of utility models and 95 % of designs within a year.
          SELECT
            typed.*,
            printf('%04d%d%07d', yr, td, i // 10) AS digits,
            CASE WHEN (td IN (1, 8) AND gu < 55) OR (td IN (2, 9) AND gu < 90) OR (td = 3 AND gu < 95)
              THEN app + CASE WHEN td IN (1, 8) THEN 700 + g_u(i, 6, 800) WHEN td IN (2, 9) THEN 150 + g_u(i, 6, 250) ELSE 90 + g_u(i, 6, 150) END
            END AS grant0
          FROM typed
        ),
        lapsed AS (
          SELECT
            granted.*,
            CASE WHEN grant0 <= DATE '2026-09-30' THEN grant0 END AS grant1,
            CASE WHEN grant0 <= DATE '2026-09-30' AND g_u(i, 10, 100) < 8 AND grant0 + 1000 + g_u(i, 11, 1500) <= DATE '2026-09-30'
              THEN grant0 + 1000 + g_u(i, 11, 1500)
            END AS lapse1
          FROM granted
        ),
        later AS (
          -- The later state of a restated row: a grant date added, else a lapse date set.
          SELECT
            lapsed.*,
            CASE WHEN chg AND grant1 IS NULL THEN app + 400 + g_u(i, 12, 200) ELSE grant1 END AS grant_date,
            CASE WHEN chg AND grant1 IS NOT NULL THEN least(grant1 + 1000, DATE '2026-10-31') ELSE lapse1 END AS lapse_date
          FROM lapsed
        )
        SELECT
          CASE WHEN g_u(i, 20, 100) < 30 THEN 'CN' ELSE '' END || digits || '.'
            || CASE WHEN dirty AND dv = 0 THEN g_next('0123456789X', ipwh_patent_check_char(digits)) ELSE ipwh_patent_check_char(digits) END AS "申请号",
          CASE WHEN g_u(i, 21, 100) < 10 THEN NULL WHEN td IN (1, 8) THEN '发明' WHEN td IN (2, 9) THEN '实用新型' ELSE '外观设计' END AS "专利类型",
          CASE WHEN dirty AND dv = 1 THEN format('{}-02-30', yr) ELSE g_date(app, style) END AS "申请日",
          CASE WHEN dirty AND dv = 2 THEN g_date(app - 30, style) ELSE g_date(grant_date, style) END AS "授权公告日",
          g_date(lapse_date, style) AS "失效日",
          CASE
            WHEN dirty AND dv = 4 THEN ''
            WHEN g_u(i, 22, 100) < 8 THEN name || '；' || g_person(g_u(i, 30, 100000))
            ELSE name
          END AS "申请人",
          CASE WHEN rb < 97 OR kind = 'individual' THEN address END AS "申请人地址",
          CASE WHEN dirty AND dv = 3 THEN '629999' WHEN rb < 78 THEN county_code WHEN rb < 80 THEN county_code || '000000' END AS "行政区划代码",
          CASE
            WHEN dirty AND dv = 5 THEN uscc_bad
            WHEN kind <> 'individual' AND (rb >= 97 OR g_u(i, 23, 100) < 85) THEN uscc
          END AS "统一社会信用代码",
          substr('ABCDEFGH', 1 + g_u(i, 25, 8), 1) || lpad(CAST(1 + g_u(i, 26, 99) AS VARCHAR), 2, '0')
            || substr('ABCDFGHJKLMN', 1 + g_u(i, 27, 12), 1) || ' ' || CAST(1 + g_u(i, 28, 60) AS VARCHAR) || '/'
            || lpad(CAST(g_u(i, 29, 100) AS VARCHAR), 2, '0') AS "主分类号",
          CASE WHEN g_u(i, 24, 1000) < 60 THEN 'sei' WHEN g_u(i, 24, 1000) < 70 THEN '质押' WHEN g_u(i, 24, 1000) < 75 THEN 'sei,award' END AS "高价值"
        FROM later
        ORDER BY i
        """;

    private static string TrademarksSql(string rows, string changed) => $$"""
        WITH b AS (
          SELECT
            r.i,
            {{changed}} AS chg,
            {{Dirty}} AS dirty,
            g_u(r.i, 98, 6) AS dv,
            CAST(2015 + r.i % 10 AS INTEGER) AS yr,
            g_u(r.i, 4, 100) AS style,
            g_u(r.i, 9, 100) AS rb,
            g_u(r.i, 1, 1000) AS ku,
            p.*
          FROM ({{rows}}) AS r
          JOIN gen_party AS p ON p.p = g_party(r.i, 78, 22)
        ),
        dated AS (
          SELECT
            b.*,
            make_date(yr, 1, 1) + g_u(i, 2, 365) AS app,
            CASE WHEN g_u(i, 5, 100) < 85 THEN make_date(yr, 1, 1) + g_u(i, 2, 365) + 240 + g_u(i, 6, 300) END AS reg0
          FROM b
        ),
        registered AS (
          SELECT
            dated.*,
            CASE WHEN reg0 <= DATE '2026-09-30' THEN reg0 END AS reg1,
            CASE WHEN reg0 <= DATE '2026-09-30' AND g_u(i, 10, 100) < 3 AND reg0 + 365 + g_u(i, 11, 1600) <= DATE '2026-09-30'
              THEN reg0 + 365 + g_u(i, 11, 1600)
            END AS cancel1
          FROM dated
        ),
        later AS (
          -- The later state of a restated row: registered, else cancelled.
          SELECT
            registered.*,
            CASE WHEN chg AND reg1 IS NULL THEN app + 300 + g_u(i, 12, 100) ELSE reg1 END AS registration_date,
            CASE WHEN chg AND reg1 IS NOT NULL THEN least(reg1 + 700, DATE '2026-10-31') ELSE cancel1 END AS cancellation_date
          FROM registered
        )
        SELECT
          CASE WHEN g_u(i, 20, 100) = 0 THEN 'G' || CAST(1000000 + i AS VARCHAR) ELSE CAST(10000000 + i AS VARCHAR) END AS "注册号",
          CASE WHEN ku < 2 THEN '集体' WHEN ku < 4 THEN '证明' WHEN ku < 500 THEN '普通' END AS "商标类型",
          CASE WHEN ku < 4 THEN '是' WHEN ku < 300 THEN '否' END AS "地理标志",
          CASE WHEN dirty AND dv = 0 THEN '46' ELSE CAST(1 + g_u(i, 21, 45) AS VARCHAR) END AS "类别",
          CASE WHEN dirty AND dv = 1 THEN format('{}年13月1日', yr) ELSE g_date(app, style) END AS "申请日",
          CASE WHEN dirty AND dv = 2 THEN g_date(app - 30, style) ELSE g_date(registration_date, style) END AS "注册公告日",
          g_date(cancellation_date, style) AS "注销日",
          CASE WHEN dirty AND dv = 4 THEN '' ELSE name END AS "注册人",
          CASE WHEN rb < 97 OR kind = 'individual' THEN address END AS "申请人地址",
          CASE WHEN dirty AND dv = 3 THEN '629999' WHEN rb < 78 THEN county_code WHEN rb < 80 THEN county_code || '000000' END AS "行政区划代码",
          CASE
            WHEN dirty AND dv = 5 THEN uscc_bad
            WHEN kind <> 'individual' AND (rb >= 97 OR g_u(i, 23, 100) < 80) THEN uscc
          END AS "统一社会信用代码"
        FROM later
        ORDER BY i
        """;
}
