#!/usr/bin/env python3
"""Build region_succession.csv: which GB/T 2260 code replaced which, from the year-end division lists.

Usage:  python3 build_region_succession.py gb2260-history regions.csv > region_succession.csv
        (the folder of YYYYMM.tsv lists, 1980-2019, and the 2023 list the product ships)

Standard library only. README.md beside this file explains every rule; the comments here say why.
The report on stderr counts the changes and lists the codes retired without one clear successor.
"""

import csv
import sys
from collections import defaultdict
from pathlib import Path

from build_regions import short_name

# regions.csv is NBS's state on 2023-06-30 (README.md); the MCA lists are named YYYYMM.
FINAL_DATE = "2023-06-30"

# Reasons whose edge names no successor: followed neither for attribution nor for former names.
UNCLEAR = "未明"
ABOLISHED = "撤销"


def list_date(revision):
    """The last day of the list's month: 199012 -> 1990-12-31, 201904 -> 2019-04-30."""
    year, month = int(revision[:4]), int(revision[4:])
    last_day = {2: 28, 4: 30, 6: 30, 9: 30, 11: 30}.get(month, 31)
    return f"{year:04d}-{month:02d}-{last_day:02d}"


def level_of(code):
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "city"
    return "county"


def read_history(folder):
    """[(date, {code: name})] in date order. A few MCA lists repeat a code under two names (232303
    肇东市/海伦市 in 1990): the first name is kept; only codes are compared between lists."""
    revisions = []
    for path in sorted(Path(folder).glob("*.tsv")):
        codes = {}
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                codes.setdefault(row["Code"], row["Name"])
        revisions.append((list_date(path.stem), codes))
    if not revisions:
        raise SystemExit(f"no YYYYMM.tsv lists in {folder}")
    return revisions


def read_final(path):
    """regions.csv without NBS's functional zones: statistical additions (开发区, 新区) that succeed no
    division, so they must not stand among the codes created by 2023."""
    with open(path, encoding="utf-8", newline="") as f:
        return {r["code"]: r["name"] for r in csv.DictReader(f) if r["is_functional_zone"] != "true"}


def stem(code, name):
    # The short form build_regions.py gives (华亭县 -> 华亭, 临夏回族自治州 -> 临夏; 任县 stays 任县).
    return short_name(name, level_of(code), False)


def bare(name):
    """A one-character county's stem (任县 -> 任), for renames that keep it: 任县 -> 任泽区, 滦县 -> 滦州市."""
    return name[:-1] if len(name) == 2 and name[-1] in "县市区旗" else None


def change_reason(old_name, new_name):
    """撤县设区 and the like, read from the level words the names end with; else 更名."""
    county = old_name.endswith(("县", "旗"))
    if county and new_name.endswith("区"):
        return "撤县设区"
    if county and new_name.endswith("市"):
        return "撤县设市"
    if old_name.endswith("市") and new_name.endswith("区"):
        return "撤市设区"
    if old_name.endswith(("地区", "盟")) and new_name.endswith("市"):
        return "撤地设市"
    return "更名"


class Transition:
    """One step between two consecutive lists: the codes retired, the codes created, and the edges."""

    def __init__(self, before, after):
        self.before, self.after = before, after
        self.retired = sorted(set(before) - set(after))
        self.free = set(after) - set(before)  # created codes no retired code has claimed yet
        self.edges = []                        # (old_code, new_code or None, reason or None)
        self.prefecture_map = {}               # old 4-digit prefecture prefix -> its successor's

    def run(self):
        left = {level: [] for level in ("province", "city", "county")}
        # 1. Names, top down: a county's scope is its prefecture *after* the change (平凉地区 6227
        #    became 平凉市 6208 in 2002, and 华亭县 622725 became 620824 with it).
        for level in ("province", "city", "county"):
            for old in (c for c in self.retired if level_of(c) == level):
                if not self.match_name(old, level):
                    left[level].append(old)
        # 2. Prefectures the names do not explain went where their counties went (莱芜市 -> 济南市, 2019).
        for old in left["city"]:
            self.match_by_children(old, "city")
        # 3. Counties the names do not explain: the shape of the change in their prefecture.
        for olds, news in self.county_groups(left["county"]):
            self.match_group(olds, news)
        for old in left["province"]:
            self.match_by_children(old, "province")
        # 4. A code kept under a new name (桥东区 130502 -> 襄都区, 2020) is a rename too.
        for code in sorted(set(self.before) & set(self.after)):
            if self.before[code] != self.after[code]:
                self.edges.append((code, code, "更名"))
        return self

    def match_name(self, old, level):
        name = self.before[old]
        new = (self.by_name(old, level, lambda c: level_of(c) == level and self.after[c] == name)
               # a county-level city raised to a prefecture keeps its name: 邯郸市 132101 -> 130400 (1983)
               or self.by_name(old, level, lambda c: self.after[c] == name))
        if new is not None:
            # Same name, new code: the unit moved (its prefecture renumbered, or re-parented).
            self.link(old, new, None)
            return True
        old_stem = stem(old, name)
        # 华亭县 -> 华亭市 (stems equal); 梅县 -> 梅县区 (the old full name is the new stem)
        new = self.by_name(old, level, lambda c: level_of(c) == level and stem(c, self.after[c]) in (old_stem, name)
                           and (len(old_stem) >= 2 or stem(c, self.after[c]) == name))
        if new is None and bare(name) and level == "county":
            new = self.by_name(old, level, lambda c: level_of(c) == "county" and self.after[c].startswith(bare(name))
                               and c[:4] == self.scope(old))
        if new is None:
            return False
        self.link(old, new, change_reason(name, self.after[new]))
        return True

    def scope(self, code):
        return self.prefecture_map.get(code[:4], code[:4])

    def by_name(self, old, level, same):
        """The one free code with a matching name: in the old code's prefecture first (counties), then its
        province, then anywhere (重庆 left 四川 in 1997, 海南 left 广东 in 1988). None when absent or not
        unique: two new 城区 in one province are not told apart by name."""
        matches = [c for c in self.free if same(c)]
        narrowing = [lambda c: c[:2] == old[:2], lambda c: True]
        if level == "county":
            narrowing.insert(0, lambda c: c[:4] == self.scope(old))
        for narrow in narrowing:
            found = [c for c in matches if narrow(c)]
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                return None
        return None

    def link(self, old, new, reason):
        self.free.discard(new)
        self.edges.append((old, new, reason))
        if level_of(old) == "city" and level_of(new) == "city":
            self.prefecture_map[old[:4]] = new[:4]

    def match_by_children(self, old, level):
        """A prefecture (province) without a name match went where its counties (prefectures) went:
        合并 when they all went to one, 拆分 when to several, 撤销 when none is known."""
        width = 4 if level == "city" else 2
        places = set()
        for child_old, child_new, _ in self.edges:
            if child_new and child_old != old and child_old[:width] == old[:width] and child_new != child_old:
                parent = child_new[:width].ljust(6, "0")
                places.add(parent if parent in self.after else child_new[:2] + "0000")
        places.discard(old)
        if not places:
            self.edges.append((old, None, ABOLISHED))
            return
        if len(places) == 1:
            place = next(iter(places))
            self.prefecture_map[old[:4]] = place[:4]
            if place in self.free:
                # a new code took all of it: the unit renamed (伊克昭盟 -> 鄂尔多斯市, 2001)
                self.link(old, place, change_reason(self.before[old], self.after[place]))
                return
        reason = "合并" if len(places) == 1 else "拆分"
        self.edges.extend((old, place, reason) for place in sorted(places))

    def county_groups(self, olds):
        groups = defaultdict(lambda: ([], []))
        for old in olds:
            groups[self.scope(old)][0].append(old)
        for new in sorted(self.free):
            if level_of(new) == "county":
                groups[new[:4]][1].append(new)
        return [g for g in groups.values() if g[0]]

    def match_group(self, olds, news):
        # 合并 shown by the name: the new name joins the first characters of two old ones (伊美区 <- 伊春区
        # + 美溪区, 乌翠区 <- 乌马河区 + 翠峦区; 伊春, 2019).
        for new in list(news):
            joined = stem(new, self.after[new])
            pairs = [(a, b) for a in olds for b in olds
                     if a != b and len(joined) == 2 and self.before[a][0] == joined[0] and self.before[b][0] == joined[1]]
            if len(pairs) == 1:
                for old in pairs[0]:
                    self.edges.append((old, new, "合并"))
                    olds.remove(old)
                news.remove(new)
        # 拆分 shown by the names: two or more new codes named after one old code.
        for old in list(olds):
            old_stem = stem(old, self.before[old])
            parts = [n for n in news if len(old_stem) >= 2 and old_stem in self.after[n]]
            if len(parts) >= 2:
                self.edges.extend((old, n, "拆分") for n in parts)
                olds.remove(old)
                news[:] = [n for n in news if n not in parts]
        if len(olds) == 1 and len(news) == 1:
            # One code out and one in, in the same prefecture and list: a rename (绍兴县 -> 柯桥区, 2013).
            self.link(olds[0], news[0], change_reason(self.before[olds[0]], self.after[news[0]]))
            return
        for old in olds:
            if news:
                # Several in and out: which went where is not in the lists. Kept as candidates, never followed.
                self.edges.extend((old, new, UNCLEAR) for new in news)
            else:
                # Absorbed by a neighbour that kept its code; the lists do not say which.
                self.edges.append((old, None, ABOLISHED))


def resolve(code, since, retirements, final, seen=frozenset()):
    """The codes of today a code leads to, from `since` on (several after a split, none after 撤销), and
    whether it is their sole predecessor: every step went to a code created for it alone (a rename, a code
    change, 撤县设市 …), never into a code shared with another (合并) or one that already existed.
    Codes are reused (132402 was 新市区 until 1983 and 涿州市 from 1986): only the first retirement of the
    code after `since` belongs to the incarnation being followed."""
    if code in final:
        return {code}, True
    later = [d for d, _, _, _ in retirements.get(code, ()) if d > since]
    if not later or code in seen:
        return set(), False
    first = min(later)
    codes, sole = set(), True
    for date, new, reason, alone in retirements[code]:
        if date == first and new is not None and reason != UNCLEAR:
            found, found_sole = resolve(new, date, retirements, final, seen | {code})
            codes |= found
            sole = sole and alone and found_sole
    return codes, sole and len(codes) == 1


def build(history, regions):
    revisions = read_history(history) + [(FINAL_DATE, read_final(regions))]
    final = revisions[-1][1]
    rows = []
    # old code -> [(effective_date, new_code, reason, alone)]; alone: new_code was created in that step and
    # no other code went into it. Renames in place (new_code = old_code) are not retirements.
    retirements = defaultdict(list)
    for (last_listed, before), (date, after) in zip(revisions, revisions[1:]):
        edges = Transition(before, after).run().edges
        inflow = defaultdict(int)
        for old, new, reason in edges:
            if new is not None and reason != UNCLEAR:
                inflow[new] += 1
        for old, new, reason in edges:
            if new != old:
                retirements[old].append((date, new, reason, new not in before and inflow[new] == 1))
            rows.append(dict(old_code=old, old_name=before[old], new_code=new or "", new_name=after[new] if new else "",
                             last_listed=last_listed, effective_date=date, reason=reason or ""))
    for r in rows:
        # what the code as listed until last_listed became: its retirement on effective_date, followed on
        codes, sole = resolve(r["old_code"], r["last_listed"], retirements, final)
        r["current_codes"] = " ".join(sorted(codes))
        r["sole_predecessor"] = "true" if sole else "false"
    rows.sort(key=lambda r: (r["old_code"], r["effective_date"], r["new_code"]))
    return rows, final


def report(rows, final):
    out = sys.stderr
    by_reason = defaultdict(int)
    for r in rows:
        by_reason[r["reason"] or "(code only)"] += 1
    print(f"{len(rows)} rows: " + ", ".join(f"{k} {v}" for k, v in sorted(by_reason.items())), file=out)
    latest = {}
    for r in rows:
        if r["old_code"] not in final:
            latest[r["old_code"]] = r  # rows are in effective_date order: the last incarnation wins
    unclear = sorted((c, r) for c, r in latest.items() if len(r["current_codes"].split()) != 1)
    print(f"{len(latest)} codes retired for good; {len(unclear)} without one clear successor today:", file=out)
    for code, r in unclear:
        print(f"  {code} {r['old_name']} ({r['reason']} by {r['effective_date']}) -> {r['current_codes'] or 'none'}", file=out)


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    rows, final = build(sys.argv[1], sys.argv[2])
    columns = ["old_code", "old_name", "new_code", "new_name", "last_listed", "effective_date", "reason", "current_codes",
               "sole_predecessor"]
    writer = csv.DictWriter(sys.stdout, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    report(rows, final)


if __name__ == "__main__":
    main()
