"""Checks for the evaluation question set eval/questions.jsonl.

The question set is written against the plan text in
tests/fixtures/zhejiang-vocational-education-plan-2021-2025.txt.  These tests
verify the schema, the category minimums, and that every expected fact, gold
section and gold span is grounded in the plan text.
"""

import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ROOT / "eval" / "questions.jsonl"
PLAN = ROOT / "tests" / "fixtures" / "zhejiang-vocational-education-plan-2021-2025.txt"

KEYS = {"id", "question", "history", "category", "answerable", "expected_facts", "gold", "note"}
REQUIRED_KEYS = KEYS - {"note"}
CATEGORIES = {
    "indicator",
    "route",
    "column",
    "section",
    "paraphrase",
    "traditional",
    "followup",
    "two_facts",
    "unanswerable",
    "english",
}
MIN_TOTAL = 160
MIN_PER_CATEGORY = {
    "traditional": 8,
    "followup": 12,
    "two_facts": 8,
    "unanswerable": 24,
    "english": 5,
}
# every category must at least be represented meaningfully
MIN_ANY_CATEGORY = 5

TABLE_TITLE = "浙江省职业教育“十四五”发展目标"
DOC_TITLE = "浙江省职业教育“十四五”发展规划"
DIMENSIONS = {"维度", "事业规模", "条件支撑", "发展质量", "社会", "服务", "开放合作"}
LEVELS = {"中职", "高职"}

# A few characters that exist only in traditional script (their simplified
# forms differ); a traditional-character question must use several of them.
TRADITIONAL_ONLY = set(
    "職學業專級員體電國實與為會個這們發經過應還對當機構設規劃畫歷產際數據標準養師資課綜"
    "識讀寫聽說試題錄軍麼嗎裡費濟區縣屬運輸導協議門開關條現時間長樣點線給計畫儀備達幾萬"
    "證書獲並選擇據總覽專項農歲雙雖隊種幣價據網絡雲環驗務參與補貼啟習貫統籌"
)


def ws(s):
    return re.sub(r"\s+", "", s)


@lru_cache(maxsize=None)
def plan_raw():
    return PLAN.read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def plan_lines():
    return plan_raw().splitlines()


@lru_cache(maxsize=None)
def plan_flat():
    return ws(plan_raw())


@lru_cache(maxsize=None)
def items():
    out = []
    with QUESTIONS.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            obj = json.loads(line)
            obj["_line"] = n
            out.append(obj)
    return out


def fmt_num(x):
    s = f"{x:.4f}".rstrip("0").rstrip(".")
    return "0" if s in ("", "-0") else s


def parse_number(cell):
    try:
        return float(cell)
    except ValueError:
        return None


@lru_cache(maxsize=None)
def table_rows():
    """Parse the indicator table: one dict per (indicator, level) row."""
    lines = plan_lines()
    start = next(i for i, l in enumerate(lines) if l.strip() == TABLE_TITLE)
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("注："))
    rows = []
    name = None
    for line in lines[start + 1 : end]:
        if "\t" not in line:
            continue
        cells = [c.strip() for c in line.split("\t") if c.strip()]
        if "主要指标" in cells:
            continue
        *labels, v2020, v2025 = cells
        level = None
        for c in labels:
            if c in LEVELS:
                level = c
            elif c in DIMENSIONS:
                continue
            else:
                name = c
        assert name is not None, line
        rows.append({"name": name, "level": level, "v2020": v2020, "v2025": v2025})
    return rows


@lru_cache(maxsize=None)
def row_differences():
    diffs = set()
    for r in table_rows():
        a, b = parse_number(r["v2020"]), parse_number(r["v2025"])
        if a is not None and b is not None:
            diffs.add(fmt_num(abs(b - a)))
    return diffs


def heading_of(line):
    """Return (level, heading text) if the line is a heading, else None."""
    s = line.strip()
    if not s:
        return None
    if s == DOC_TITLE:
        return 0, s
    if re.match(r"^[一二三四五六七八九十]+、", s):
        return 1, s
    if re.match(r"^[（(][一二三四五六七八九十]+[）)]", s):
        # in section 四 the subsection heading shares its line with the body
        return 2, s.split("。")[0]
    if re.match(r"^专栏\s*\d+：", s) or s == TABLE_TITLE:
        return 3, s
    return None


@lru_cache(maxsize=None)
def headings():
    """List of (line index, level, text, end line index exclusive)."""
    lines = plan_lines()
    found = []
    for i, l in enumerate(lines):
        h = heading_of(l)
        if h:
            found.append((i, h[0], h[1]))
    out = []
    for k, (i, lvl, text) in enumerate(found):
        end = len(lines)
        for j, lvl2, _ in found[k + 1 :]:
            if lvl2 <= lvl:
                end = j
                break
        out.append((i, lvl, text, end))
    return out


def heading_by_text(section):
    matches = [h for h in headings() if ws(h[2]) == ws(section)]
    return matches


def answerable_items():
    return [it for it in items() if it.get("answerable") is True]


# ---------------------------------------------------------------- basics


def test_plan_table_parses_into_22_rows():
    rows = table_rows()
    assert len(rows) == 22, [(r["name"], r["level"]) for r in rows]
    assert {"中职学校在校生人数（万人）", "毕业生 1+X 证书获取率（%）"} <= {r["name"] for r in rows}


def test_file_exists_and_is_utf8_jsonl():
    raw = QUESTIONS.read_bytes().decode("utf-8")
    for n, line in enumerate(raw.splitlines(), 1):
        assert line.strip(), f"blank line {n}"
        obj = json.loads(line)
        assert isinstance(obj, dict), n
        # written with ensure_ascii=False: Chinese must not be \u-escaped
        assert "\\u" not in line, f"line {n} has \\u escapes"


def test_at_least_160_items():
    assert len(items()) >= MIN_TOTAL


def test_ids_unique_and_well_formed():
    ids = [it.get("id") for it in items()]
    dup = [k for k, v in Counter(ids).items() if v > 1]
    assert not dup, dup
    for i in ids:
        assert isinstance(i, str) and re.fullmatch(r"q\d{3,}", i), i


def test_questions_unique():
    keys = [(ws(it["question"]), json.dumps(it["history"], ensure_ascii=False)) for it in items()]
    dup = [k for k, v in Counter(keys).items() if v > 1]
    assert not dup, dup


def test_schema():
    for it in items():
        where = it["id"]
        keys = set(it) - {"_line"}
        assert REQUIRED_KEYS <= keys, (where, REQUIRED_KEYS - keys)
        assert keys <= KEYS, (where, keys - KEYS)
        assert isinstance(it["question"], str) and it["question"].strip(), where
        assert it["category"] in CATEGORIES, (where, it["category"])
        assert isinstance(it["answerable"], bool), where
        assert isinstance(it["history"], list), where
        for turn in it["history"]:
            assert isinstance(turn, list) and len(turn) == 2, where
            assert all(isinstance(t, str) and t.strip() for t in turn), where
        facts = it["expected_facts"]
        assert isinstance(facts, list), where
        for group in facts:
            assert isinstance(group, list) and group, where
            assert all(isinstance(a, str) and a.strip() for a in group), where
        if "note" in it:
            assert isinstance(it["note"], str), where
            assert "\n" not in it["note"], where
        gold = it["gold"]
        if it["answerable"]:
            assert isinstance(gold, dict) and set(gold) == {"section", "span"}, where
            assert isinstance(gold["section"], str) and gold["section"].strip(), where
            assert isinstance(gold["span"], str), where
        else:
            assert gold is None, where


def test_category_minimums():
    counts = Counter(it["category"] for it in items())
    for cat, n in MIN_PER_CATEGORY.items():
        assert counts[cat] >= n, (cat, counts[cat], n)
    for cat in CATEGORIES:
        assert counts[cat] >= MIN_ANY_CATEGORY, (cat, counts[cat])


def test_unanswerable_items():
    for it in items():
        if it["category"] == "unanswerable" or not it["answerable"]:
            assert it["category"] == "unanswerable", it["id"]
            assert it["answerable"] is False, it["id"]
            assert it["expected_facts"] == [], it["id"]
            assert it["gold"] is None, it["id"]


def test_answerable_items_have_facts():
    for it in answerable_items():
        assert it["expected_facts"], it["id"]


def test_followups_have_history_and_others_do_not_need_it():
    for it in items():
        if it["category"] == "followup":
            assert it["history"], it["id"]


def test_traditional_questions_use_traditional_characters():
    for it in items():
        if it["category"] == "traditional":
            chars = set(it["question"]) & TRADITIONAL_ONLY
            assert len(chars) >= 2, (it["id"], it["question"])


def test_english_questions_are_english():
    for it in items():
        if it["category"] == "english":
            q = it["question"]
            letters = sum(c.isascii() and c.isalpha() for c in q)
            cjk = sum("\u4e00" <= c <= "\u9fff" for c in q)
            assert letters >= 20 and letters > 3 * cjk, (it["id"], q)


# ---------------------------------------------------------------- grounding


NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


def fact_in_plan(alt):
    """A fact occurs in the plan text with all whitespace removed.  A purely
    numeric fact must occur as a whole number in the plan (so "77" is not
    found inside "33.77" and "5" not inside "25")."""
    a = ws(alt)
    if NUMBER.match(a):
        # whitespace removal would glue table cells together ("74.3"+"76"),
        # so whole numbers are taken from the raw text
        return a in plan_numbers()
    return a in plan_flat()


@lru_cache(maxsize=None)
def plan_numbers():
    return frozenset(re.findall(r"\d+(?:\.\d+)?", plan_raw()))


def fact_grounded(alt):
    return fact_in_plan(alt) or ws(alt) in row_differences()


def test_every_fact_alternative_is_grounded():
    """Every fact group has an alternative that occurs in the plan (whitespace
    removed) or is the difference between the two numbers of one
    indicator-table row.  Stricter than required: *all* alternatives must be
    grounded, and numbers must match whole numbers."""
    bad = []
    for it in answerable_items():
        for group in it["expected_facts"]:
            if not any(fact_grounded(a) for a in group):
                bad.append((it["id"], group))
            for a in group:
                if not fact_grounded(a):
                    bad.append((it["id"], a))
    assert not bad, bad


def test_gold_sections_are_headings():
    flat = plan_flat()
    for it in answerable_items():
        sec = it["gold"]["section"]
        assert ws(sec) in flat, (it["id"], sec)
        assert len(heading_by_text(sec)) == 1, (it["id"], sec, "is not exactly one heading")


def test_gold_spans_are_verbatim_short_and_inside_one_line_and_sentence():
    flat = plan_flat()
    lines = plan_lines()
    for it in answerable_items():
        span = it["gold"]["span"]
        assert ws(span) in flat, (it["id"], span)
        assert 6 <= len(span) <= 40, (it["id"], span, len(span))
        assert any(span in l for l in lines), (it["id"], span, "not verbatim within one line")
        assert not re.search(r"[。！？]", span[:-1]), (it["id"], span, "crosses a sentence")


def test_gold_spans_sit_under_their_section():
    lines = plan_lines()
    for it in answerable_items():
        found = heading_by_text(it["gold"]["section"])
        assert found, (it["id"], it["gold"]["section"], "is not a heading")
        (start, _lvl, _text, end) = found[0]
        span = it["gold"]["span"]
        assert any(span in lines[i] for i in range(start, end)), (
            it["id"],
            it["gold"]["section"],
            span,
        )


def test_indicator_spans_are_indicator_names():
    names = [ws(r["name"]) for r in table_rows()]
    for it in answerable_items():
        if ws(it["gold"]["section"]) == ws(TABLE_TITLE):
            span = ws(it["gold"]["span"])
            if span.startswith("以上指标"):  # the table's footnote
                continue
            assert any(span in n for n in names), (it["id"], it["gold"]["span"])


# ---------------------------------------------------------------- coverage


def test_every_zhuanlan_is_gold_of_at_least_two_items():
    counts = Counter()
    for it in answerable_items():
        m = re.match(r"^专栏\s*(\d+)：", it["gold"]["section"].strip())
        if m:
            counts[int(m.group(1))] += 1
    for n in range(1, 12):
        assert counts[n] >= 2, (n, counts[n])


def test_every_section_and_subsection_is_covered():
    lines = plan_lines()
    golds = answerable_items()
    hs = headings()
    top = [h for h in hs if h[1] == 1]
    assert len(top) == 4
    for start, _lvl, text, end in top:
        hit = any(
            heading_by_text(it["gold"]["section"])
            and heading_by_text(it["gold"]["section"])[0][0] >= start
            and any(it["gold"]["span"] in lines[i] for i in range(start, end))
            for it in golds
        )
        assert hit, text
    # every (N) subsection of 二, 三 and 四 is the gold section of an item
    gold_sections = {ws(it["gold"]["section"]) for it in golds}
    subs = [h for h in hs if h[1] == 2]
    assert len(subs) == 3 + 9 + 4, [h[2] for h in subs]
    missing = [h[2] for h in subs if ws(h[2]) not in gold_sections]
    assert not missing, missing


def test_every_indicator_row_is_asked():
    rows = table_rows()
    multi = Counter(r["name"] for r in rows)
    missing = []
    for r in rows:
        values = {r["v2020"], r["v2025"]} - {"-"}
        a, b = parse_number(r["v2020"]), parse_number(r["v2025"])
        if a is not None and b is not None:
            values.add(fmt_num(abs(b - a)))
        covered = False
        for it in answerable_items():
            if ws(it["gold"]["section"]) != ws(TABLE_TITLE):
                continue
            if ws(it["gold"]["span"]) not in ws(r["name"]):
                continue
            alts = {ws(a) for g in it["expected_facts"] for a in g}
            if not alts & values:
                continue
            if multi[r["name"]] > 1:
                context = it["question"] + json.dumps(it["history"], ensure_ascii=False) + it.get("note", "")
                if r["level"] not in context:
                    continue
            covered = True
            break
        if not covered:
            missing.append((r["name"], r["level"]))
    assert not missing, missing


def test_gap_questions_expect_differences():
    """Items whose question asks for a gap must have a row difference as a fact."""
    diffs = row_differences()
    for it in answerable_items():
        if ws(it["gold"]["section"]) != ws(TABLE_TITLE):
            continue
        if re.search(r"还差|差多少|增加多少|提高多少|gap|difference", it["question"]):
            alts = {ws(a) for g in it["expected_facts"] for a in g}
            assert alts & diffs, (it["id"], it["question"])


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(pytest.main([__file__, "-q"]))
