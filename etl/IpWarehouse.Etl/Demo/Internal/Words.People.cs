namespace IpWarehouse.Etl.Demo.Internal;

/// Personal names. Surnames follow Gansu's mix: Hui surnames (马, 韩, 冶, 喇) in 临夏, Tibetan
/// two-syllable names in 甘南 and the Tibetan counties; everything stays 2–3 characters.
internal static partial class Words
{
    public static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "朱", "马", "胡", "郭", "何", "高",
        "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "田", "董", "袁", "潘",
        "蒋", "蔡", "余", "杜", "叶", "程", "魏", "苏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭",
        "陆", "汪", "范", "金", "石", "贾", "牛", "雷", "安", "康", "靳", "漆", "巩", "豆", "令狐",
    ];

    public static readonly string[] HuiSurnames = ["马", "马", "马", "韩", "冶", "喇", "穆", "何", "妥", "沙", "海", "白"];

    public static readonly string[] GivenCharacters =
    [
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀",
        "霞", "平", "刚", "桂", "英", "华", "建", "国", "文", "斌", "辉", "红", "鹏", "玲", "飞", "宁", "海", "燕",
        "亮", "波", "龙", "鑫", "晨", "瑞", "婷", "雪", "琴", "兰", "峰", "成", "忠", "德", "福", "祥", "学", "虎",
        "彦", "俊", "宏", "志", "新", "春", "永", "生", "荣", "莉", "晓", "梅", "慧", "天", "佳", "娅", "旭", "哲",
    ];

    public static readonly string[] TibetanNames =
    [
        "才让", "卓玛", "扎西", "拉毛", "多杰", "贡保", "措吉", "旦正", "索南", "完玛", "央金", "桑杰", "尕藏",
        "东智", "加措", "拉姆", "仁青", "次力", "德吉", "华旦",
    ];

    public static string PersonName(DemoRandom random, PeopleMix mix)
    {
        if (mix == PeopleMix.Tibetan && random.Chance(0.5))
        {
            return random.Pick(TibetanNames) + (random.Chance(0.3) ? random.Pick(["草", "吉", "加"]) : "");
        }
        var surname = mix == PeopleMix.Hui && random.Chance(0.55) ? random.Pick(HuiSurnames) : random.Pick(Surnames);
        // Two-character given names are the majority; a compound surname takes a one-character name.
        var given = random.Pick(GivenCharacters);
        if (surname.Length == 1 && random.Chance(0.65))
        {
            given += random.Pick(GivenCharacters);
        }
        return surname + given;
    }
}

/// Which naming customs a county's residents follow.
internal enum PeopleMix
{
    Han,
    Hui,
    Tibetan,
}
