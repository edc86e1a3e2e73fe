using DuckDB.NET.Data;
using IpWarehouse.Etl.Regions;

namespace IpWarehouse.Bench;

/// The generator's helpers and pools: the Gansu counties of the division list the loader ships, and a
/// party table (companies, individuals, institutions) with a county, an address, a valid credit code
/// (GB 32100-2015, the loader's own check-character macro) and, for persons, a valid resident ID number.
internal sealed partial class LoadFiles
{
    private const int Institutions = 12;

    private void CreatePools(DuckDBConnection connection)
    {
        // g_u: a uniform integer in [0, m) for row i; each salt (0-127) gives an independent column. Not
        // hash(i, salt): DuckDB combines the two hashes so that the salts share their low bits (with
        // hash(i, 99) % 1000 = 0, hash(i, 98) % 6 took only 3 of its 6 values).
        Execute(connection, "CREATE TEMP MACRO g_u(i, salt, m) AS CAST(hash(i * 128 + salt) % m AS INTEGER)");
        // Mostly ISO dates; 5 % 2023/5/6 and 2 % 2023年5月6日, both valid (SOURCES.md value rules).
        Execute(connection, """
            CREATE TEMP MACRO g_date(d, style) AS CASE
              WHEN style < 93 THEN strftime(d, '%Y-%m-%d')
              WHEN style < 98 THEN strftime(d, '%Y/%-m/%-d')
              ELSE strftime(d, '%Y年%-m月%-d日')
            END
            """);
        // The character after c in the alphabet s: a wrong check character.
        Execute(connection, "CREATE TEMP MACRO g_next(s, c) AS substr(s, strpos(s, c) % length(s) + 1, 1)");
        Execute(connection, $"""
            CREATE TEMP MACRO g_person(x) AS
              {List(Surnames)}[1 + x % {Surnames.Length}] || {List(GivenNames)}[1 + (x // {Surnames.Length}) % {GivenNames.Length}]
            """);
        // Party of row i: company, individual or institution by the given percentages.
        Execute(connection, $"""
            CREATE TEMP MACRO g_party(i, company, individual) AS CASE
              WHEN g_u(i, 7, 100) < company THEN g_u(i, 8, {Companies})
              WHEN g_u(i, 7, 100) < company + individual THEN {Companies} + g_u(i, 8, {Individuals})
              ELSE {Companies + Individuals} + g_u(i, 8, {Institutions})
            END
            """);

        Execute(connection, $"""
            CREATE TEMP TABLE gen_county AS
            WITH region AS (
              SELECT * FROM read_csv({Literal(RegionCatalog.DefaultPath)}, header = true, all_varchar = true)
            )
            SELECT
              CAST(row_number() OVER (ORDER BY county.code) - 1 AS INTEGER) AS k,
              county.code AS county_code,
              county.name AS county_name,
              city.name AS city_name,
              city.short_name AS city_short
            FROM region AS county
            JOIN region AS city ON city.code = county.city_code
            WHERE county.province_code = '620000' AND county.level = 'county' AND county.is_functional_zone = 'false'
            """);

        var individualsEnd = Companies + Individuals;
        Execute(connection, $"""
            CREATE TEMP TABLE gen_party AS
            WITH p AS (
              SELECT
                range AS p,
                CASE WHEN range < {Companies} THEN 'company' WHEN range < {individualsEnd} THEN 'individual' ELSE 'institution' END AS kind,
                g_u(range, 11, (SELECT count(*) FROM gen_county)) AS k,
                DATE '1950-01-01' + g_u(range, 14, 18000) AS birth
              FROM range(0, {individualsEnd + Institutions})
            ),
            coded AS (
              SELECT
                p.p,
                p.kind,
                c.county_code,
                c.city_name,
                c.county_name,
                c.city_short,
                CASE p.kind
                  WHEN 'company' THEN c.city_short
                    || {List(TradeFirst)}[1 + p.p % {TradeFirst.Length}]
                    || {List(TradeSecond)}[1 + (p.p // {TradeFirst.Length}) % {TradeSecond.Length}]
                    || {List(Industries)}[1 + (p.p // {TradeFirst.Length * TradeSecond.Length}) % {Industries.Length}]
                    || {List(LegalForms)}[1 + (p.p // {TradeFirst.Length * TradeSecond.Length * Industries.Length}) % {LegalForms.Length}]
                  WHEN 'individual' THEN g_person(p.p)
                  ELSE {List(InstitutionNames)}[1 + p.p - {individualsEnd}]
                END AS name,
                -- About 86 counties × 12 roads × 5 numbers: a few thousand distinct addresses.
                '甘肃省' || c.city_name || CASE WHEN c.county_name = c.city_name THEN '' ELSE c.county_name END
                  || {List(Roads)}[1 + g_u(p.p, 12, {Roads.Length})] || CAST(8 * (1 + g_u(p.p, 13, 5)) AS VARCHAR) || '号' AS address,
                CASE p.kind WHEN 'institution' THEN '12' ELSE '91' END || c.county_code
                  || lpad(CAST(p.p % 100000000 AS VARCHAR), 8, '0') || CAST(p.p % 10 AS VARCHAR) AS uscc17,
                c.county_code || strftime(p.birth, '%Y%m%d') || lpad(CAST(p.p % 1000 AS VARCHAR), 3, '0') AS id17
              FROM p
              JOIN gen_county AS c USING (k)
            )
            SELECT
              * EXCLUDE (uscc17, id17),
              uscc17 || ipwh_uscc_check_char(uscc17) AS uscc,
              uscc17 || g_next('0123456789ABCDEFGHJKLMNPQRTUWXY', ipwh_uscc_check_char(uscc17)) AS uscc_bad,
              id17 || ipwh_resident_id_check_char(id17) AS resident_id,
              id17 || g_next('0123456789X', ipwh_resident_id_check_char(id17)) AS resident_id_bad
            FROM coded
            """);
    }

    private static string List(string[] items) => "[" + string.Join(", ", items.Select(Literal)) + "]";

    private static readonly string[] TradeFirst =
    [
        "恒", "金", "陇", "丝", "祁", "黄", "敦", "飞", "西", "华", "瑞", "鑫", "宏", "泰", "盛", "德", "博", "远", "新", "天",
        "中", "正", "安", "康", "明", "昌", "丰", "信", "诚", "美", "海", "峰", "凯", "永", "嘉", "联", "通", "达", "福", "润",
    ];

    private static readonly string[] TradeSecond =
    [
        "达", "川", "原", "路", "连", "河", "煌", "天", "部", "晨", "源", "通", "远", "泰", "盛", "邦", "科", "峰", "辉", "宇",
        "鑫", "和", "信", "力", "创", "锦", "隆", "昊", "瀚", "帆", "航", "凯", "润", "佳", "豪", "泽", "瑞", "祥", "荣", "华",
    ];

    private static readonly string[] Industries =
    [
        "科技", "生物科技", "新材料", "新能源", "农业科技", "机械制造", "医药", "信息技术", "建筑工程", "电子",
        "化工", "食品", "环保科技", "矿业", "能源", "物流", "纺织", "智能装备", "中药材", "光电",
    ];

    private static readonly string[] LegalForms = ["有限公司", "股份有限公司", "有限责任公司"];

    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗",
        "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "欧阳",
    ];

    private static readonly string[] GivenNames =
    [
        "伟", "芳", "娜", "敏", "静", "磊", "建国", "海燕", "志强", "晓东", "秀英", "丽", "强", "军", "洋", "勇", "艳", "杰", "娟", "涛",
        "明", "超", "秀兰", "霞", "平", "刚", "桂英", "文", "华", "红", "玉兰", "建华", "建军", "国强", "丽娟", "婷", "鹏", "辉", "斌", "宇",
        "浩", "凯", "健", "俊", "帆", "鑫", "亮", "欣", "雪", "琳", "倩", "晨", "博", "阳", "佳", "悦", "子涵", "一诺", "梓萱", "浩然",
    ];

    private static readonly string[] InstitutionNames =
    [
        "兰州大学", "兰州理工大学", "西北师范大学", "兰州交通大学", "甘肃农业大学", "西北民族大学",
        "中国科学院兰州化学物理研究所", "中国科学院近代物理研究所", "甘肃省农业科学院", "甘肃省科学院", "兰州石化职业技术大学", "天水师范学院",
    ];

    private static readonly string[] Roads =
    [
        "人民路", "建设路", "解放路", "中山路", "民主西路", "滨河路", "科技街", "工业园区纬一路", "开发区经二路", "新华路", "文化路", "长城路",
    ];
}
