"""indicators.py: all 22 rows of the plan's indicator table, values exactly as printed, in every rendering."""

from __future__ import annotations

import re
from pathlib import Path

from plan_golden import INDICATORS, TABLE_NOTE, TABLE_TITLE

from assistant.ingest.indicators import is_indicator_table, parse_indicator_table
from assistant.ingest.readers import RawSource, read_source
from assistant.ingest.repair import build_document
from assistant.ingest.structure import parse_sections


def _rows(parsed):
    return [(r.dimension, r.indicator, r.level, r.baseline_2020, r.target_2025, r.unit) for r in parsed.indicators]


def test_all_22_rows_exactly(plan):
    name, parsed = plan
    assert _rows(parsed) == INDICATORS, name


def test_named_rows(plan):
    _, parsed = plan
    rows = _rows(parsed)
    assert ("社会服务", "区域中小學生职业体验覆盖面（%）", None, "-", "100", "%") in rows
    assert ("条件支撑", "职业院校“双师型”教师占专业课教师比例（%）", "高职", "71.7", "80", "%") in rows


def test_note_quote_and_section(plan):
    _, parsed = plan
    text = parsed.document.text
    for row in parsed.indicators:
        assert row.note == TABLE_NOTE
        assert row.doc_id == "plan"
        assert row.quote == text[row.start : row.end]
        assert row.baseline_2020 in row.quote and row.target_2025 in row.quote
        assert row.section == ("二、总体思路", "（三）发展目标", TABLE_TITLE)
        assert "\n" not in row.quote
    # each row quotes its own line of the table
    assert len({(r.start, r.end) for r in parsed.indicators}) == 22


def test_to_json_shape(plan):
    _, parsed = plan
    assert list(parsed.indicators[0].to_json()) == [
        "doc_id", "dimension", "indicator", "level", "baseline_2020", "target_2025", "unit",
    ]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_pages_of_rows_match_pypdf(plan_pdf_rendering):
    """The page of each row is the page whose pypdf text holds the row's values after its name."""
    name, path, parsed = plan_pdf_rendering
    pages = [_squash(p) for p in read_source(path).pages]
    for row in parsed.indicators:
        expected = None
        needle = _squash(row.quote)
        for number, page in enumerate(pages, start=1):
            if needle in page:
                expected = number
                break
        assert expected is not None, (name, row.quote)
        assert row.page == expected, (name, row.indicator, row.level)


def test_table_crosses_a_page_in_every_pdf(plan_pdf_rendering):
    _, _, parsed = plan_pdf_rendering
    assert len({r.page for r in parsed.indicators}) == 2


def test_text_rows_have_no_page(parsed_plans):
    assert {r.page for r in parsed_plans("txt").indicators} == {None}


# -- synthetic tables ------------------------------------------------------------------


def _table(lines: list[str], paged: bool = False):
    raw = RawSource(path=Path("t"), kind="pdf" if paged else "text", pages=("\n".join(lines),), content_hash="0" * 64)
    document = build_document(raw, "t", "t")
    tables = [s for s in parse_sections(document) if s.kind == "table"]
    assert len(tables) == 1
    return document, tables[0]


def test_space_separated_rows_with_wrapped_dimension_and_repeated_header():
    document, table = _table(
        [
            "目标如下。",
            "发展目标",
            "维度 主要指标 2020 年 2025 年",
            "事业规模 中职学校在校生人数（万人） 74.3 76",
            "条件支撑 生均仪器设备值（元） 中职 11369 13000",
            "高职 13695 15000",
            "社会 职业院校开展技能培训人数（万人） 120 150",
            "维度 主要指标 2020 年 2025 年",
            "服务 区域中小學生职业体验覆盖面（%） - 100",
            "注：以上指标均为预期性指标",
        ]
    )
    assert is_indicator_table(document, table)
    rows = parse_indicator_table(document, table)
    assert [(r.dimension, r.indicator, r.level, r.baseline_2020, r.target_2025, r.unit, r.note) for r in rows] == [
        ("事业规模", "中职学校在校生人数（万人）", None, "74.3", "76", "万人", TABLE_NOTE),
        ("条件支撑", "生均仪器设备值（元）", "中职", "11369", "13000", "元", TABLE_NOTE),
        ("条件支撑", "生均仪器设备值（元）", "高职", "13695", "15000", "元", TABLE_NOTE),
        ("社会服务", "职业院校开展技能培训人数（万人）", None, "120", "150", "万人", TABLE_NOTE),
        ("社会服务", "区域中小學生职业体验覆盖面（%）", None, "-", "100", "%", TABLE_NOTE),
    ]


def test_cell_per_line_rows_with_a_wrapped_name():
    document, table = _table(
        [
            "目标如下。",
            "发展目标",
            "维度",
            "主要指标",
            "2020 年",
            "2025 年",
            "开放合作",
            "高职（高专）丝路学院数量（所）",
            "16",
            "25",
            "高职（高专）出国（境）访学研修三个月以上专任教",
            "师比例（%）",
            "15.9",
            "20",
            "注：以上指标均为预期性指标",
        ],
        paged=True,
    )
    rows = parse_indicator_table(document, table)
    assert [(r.dimension, r.indicator, r.baseline_2020, r.target_2025) for r in rows] == [
        ("开放合作", "高职（高专）丝路学院数量（所）", "16", "25"),
        ("开放合作", "高职（高专）出国（境）访学研修三个月以上专任教师比例（%）", "15.9", "20"),
    ]


def test_a_table_without_year_columns_is_not_an_indicator_table():
    document, table = _table(["说明如下。", "主要指标 说明", "覆盖面 全部", "注：示例"])
    assert not is_indicator_table(document, table)
