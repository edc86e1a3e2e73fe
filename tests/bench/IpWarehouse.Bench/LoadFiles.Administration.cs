namespace IpWarehouse.Bench;

/// Enforcement cases and subsidy payments: the canonical English headers, as a bureau's own systems
/// export them.
internal sealed partial class LoadFiles
{
    private static string CasesSql(string rows, string changed) => $$"""
        WITH b AS (
          SELECT
            r.i,
            {{changed}} AS chg,
            {{Dirty}} AS dirty,
            g_u(r.i, 98, 5) AS dv,
            CAST(2015 + r.i % 10 AS INTEGER) AS yr,
            g_u(r.i, 4, 100) AS style,
            g_u(r.i, 1, 100) AS tu,
            c.*
          FROM ({{rows}}) AS r
          JOIN gen_county AS c ON c.k = g_u(r.i, 40, (SELECT count(*) FROM gen_county))
        ),
        dated AS (
          SELECT
            b.*,
            make_date(yr, 1, 1) + g_u(i, 2, 365) AS filed,
            CASE WHEN g_u(i, 5, 100) < 85 THEN make_date(yr, 1, 1) + g_u(i, 2, 365) + 10 + g_u(i, 6, 140) END AS closed0,
            1000 * (1 + g_u(i, 7, 500)) AS involved,
            CASE WHEN g_u(i, 8, 100) < 60 THEN 500 * (1 + g_u(i, 9, 200)) END AS fine0
          FROM b
        ),
        later AS (
          -- The later state of a restated case: closed, else its fine corrected.
          SELECT
            dated.*,
            CASE WHEN chg AND closed0 IS NULL THEN filed + 90 + g_u(i, 12, 60) ELSE closed0 END AS closed,
            CASE WHEN chg AND closed0 IS NOT NULL THEN coalesce(fine0, 0) + 1000 ELSE fine0 END AS fine
          FROM dated
        )
        SELECT
          format('甘{}市监处罚〔{}〕{}号', city_short, yr, i) AS case_no,
          CASE
            WHEN dirty AND dv = 0 THEN '行政处罚'
            WHEN tu < 45 THEN '商标侵权' WHEN tu < 60 THEN '假冒专利' WHEN tu < 75 THEN '专利侵权纠纷' WHEN tu < 78 THEN '地理标志'
            WHEN tu < 80 THEN '代理' WHEN tu < 85 THEN '版权' ELSE '其他'
          END AS case_type,
          CASE WHEN g_u(i, 13, 10) < 3 THEN '铁拳' WHEN g_u(i, 13, 10) = 3 THEN '蓝天' WHEN g_u(i, 13, 10) = 4 THEN '昆仑' END AS campaign,
          CASE WHEN dirty AND dv = 4 THEN NULL ELSE g_date(filed, style) END AS filed_date,
          CASE WHEN dirty AND dv = 1 THEN g_date(filed - 5, style) ELSE g_date(closed, style) END AS closed_date,
          CASE WHEN g_u(i, 14, 100) < 2 THEN g_date(filed + 20 + g_u(i, 15, 70), style) END AS transferred_date,
          CASE WHEN g_u(i, 16, 100) < 5 THEN CAST(10 + g_u(i, 17, 50) AS VARCHAR) END AS suspended_days,
          CASE WHEN g_u(i, 18, 100) < 20 THEN '是' ELSE '否' END AS is_online,
          CASE WHEN dirty AND dv = 2 THEN '629999' ELSE county_code END AS region_code,
          CASE
            WHEN dirty AND dv = 3 THEN '12,34'
            WHEN g_u(i, 19, 100) < 10 THEN format('{}万', involved / 10000.0)
            WHEN g_u(i, 19, 100) < 15 THEN format('{:,}', involved)
            ELSE format('{}.00', involved)
          END AS involved_amount,
          CAST(fine AS VARCHAR) AS fine_amount,
          city_name || CASE WHEN county_name = city_name THEN '' ELSE county_name END || '市场监督管理局' AS department
        FROM later
        ORDER BY i
        """;

    private static string SubsidiesSql(string rows, string changed) => $$"""
        WITH b AS (
          SELECT
            r.i,
            {{changed}} AS chg,
            {{Dirty}} AS dirty,
            g_u(r.i, 98, 5) AS dv,
            CAST(2015 + r.i % 10 AS INTEGER) AS yr,
            g_u(r.i, 4, 100) AS style,
            g_u(r.i, 1, 100) AS pu,
            p.*
          FROM ({{rows}}) AS r
          JOIN gen_party AS p ON p.p = g_party(r.i, 70, 30)
        ),
        paid AS (
          SELECT
            b.*,
            make_date(yr, 1, 1) + g_u(i, 2, 365) AS paid_on,
            -- A restated payment is a correction of its amount.
            100 * (10 + g_u(i, 5, 490)) + CASE WHEN chg THEN 100 ELSE 0 END AS amount
          FROM b
        )
        SELECT
          format('ZF{}{:09d}', yr, i) AS payment_no,
          CASE
            WHEN dirty AND dv = 0 THEN '奖励'
            WHEN pu < 35 THEN '专利授权资助' WHEN pu < 55 THEN '专利申请资助' WHEN pu < 70 THEN '年费资助'
            WHEN pu < 80 THEN '维权补助' WHEN pu < 88 THEN '质押贴息' ELSE 'other'
          END AS program,
          CASE WHEN dirty AND dv = 4 THEN '' ELSE name END AS recipient_name,
          CASE WHEN kind = 'individual' THEN '自然人' ELSE '法人' END AS recipient_type,
          CASE
            WHEN dirty AND dv = 1 THEN CASE WHEN kind = 'individual' THEN resident_id_bad ELSE uscc_bad END
            WHEN kind = 'individual' THEN resident_id
            WHEN g_u(i, 6, 100) < 90 THEN uscc
          END AS recipient_id,
          CASE WHEN g_u(i, 7, 100) < 40 THEN format('{}.00', 2 * amount) END AS base_amount,
          CASE WHEN dirty AND dv = 3 THEN '-500' WHEN g_u(i, 8, 100) < 10 THEN format('{}万元', amount / 10000.0) ELSE format('{}.00', amount) END AS paid_amount,
          g_date(paid_on, style) AS paid_date,
          CASE WHEN g_u(i, 9, 100) < 50 THEN '县级' WHEN g_u(i, 9, 100) < 80 THEN '市级' WHEN g_u(i, 9, 100) < 97 THEN '省级' ELSE '国家级' END AS gov_level,
          CASE WHEN dirty AND dv = 2 THEN '629999' ELSE county_code END AS region_code,
          CASE WHEN pu < 55 THEN format('{}1{:07d}', yr, g_u(i, 10, 9000000)) END AS related_no,
          CASE WHEN g_u(i, 11, 100) < 2 THEN '是' END AS is_foreign_or_major
        FROM paid
        ORDER BY i
        """;
}
