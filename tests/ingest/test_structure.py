"""structure.py: the heading tree (一、/（一）/专栏 N：/table) with exact paths, in every rendering."""

from __future__ import annotations

from pathlib import Path

from plan_golden import COLUMN_PARENT, COLUMNS, PARTS, SECTIONS, TABLE_TITLE

from assistant.ingest.readers import RawSource
from assistant.ingest.repair import build_document
from assistant.ingest.structure import leaf_spans, parse_sections


def _of(parsed, kind):
    return [s for s in parsed.sections if s.kind == kind]


def test_parts(plan):
    _, parsed = plan
    assert [s.heading for s in _of(parsed, "part")] == PARTS
    assert all(s.path == (s.heading,) for s in _of(parsed, "part"))


def test_sections_with_their_parts(plan):
    _, parsed = plan
    assert [s.path for s in _of(parsed, "section")] == list(SECTIONS)
    assert all(s.heading == s.path[-1] for s in _of(parsed, "section"))


def test_all_eleven_columns_with_exact_numbers_titles_and_paths(plan):
    name, parsed = plan
    columns = _of(parsed, "column")
    assert {s.column: s.column_title for s in columns} == COLUMNS, name
    assert [s.column for s in columns] == list(range(1, 12))
    for s in columns:
        part = next(p for p, sec in SECTIONS if sec == COLUMN_PARENT[s.column])
        assert s.path == (part, COLUMN_PARENT[s.column], f"专栏 {s.column}：{COLUMNS[s.column]}"), s.path
        assert s.heading == s.path[-1]


def test_named_paths(plan):
    _, parsed = plan
    paths = {s.path for s in parsed.sections}
    assert ("三、主要任务和工作举措", "（四）全面提升人才培养质量", "专栏 5：职业教育教材建设") in paths
    assert ("三、主要任务和工作举措", "（八）强化职业教育数字化支撑", "专栏 10：云上“三名”行动计划") in paths
    assert ("二、总体思路", "（三）发展目标", TABLE_TITLE) in paths


def test_the_indicator_table_is_one_section(plan):
    _, parsed = plan
    tables = _of(parsed, "table")
    assert len(tables) == 1
    table = tables[0]
    text = parsed.document.text
    assert text[table.start : table.body_start].strip() == TABLE_TITLE
    assert text[table.body_start :].startswith("维度")
    assert text[: table.end + 1].rstrip().endswith("注：以上指标均为预期性指标")


def test_inline_heading_ends_at_its_first_full_stop(plan):
    _, parsed = plan
    text = parsed.document.text
    section = next(s for s in parsed.sections if s.heading == "（一）加强领导和组织保证")
    assert text[section.start : section.body_start] == "（一）加强领导和组织保证。"
    assert text[section.body_start :].startswith("各级党委、政府及党委教育工作领导小组")
    inline = [s for s in _of(parsed, "section") if s.path[0] == "四、保障措施"]
    assert [text[s.body_start - 1] for s in inline] == ["。"] * 4


def test_headings_are_verbatim_at_their_offsets(plan):
    _, parsed = plan
    text = parsed.document.text
    for s in parsed.sections:
        if s.kind in ("part", "section", "column", "table"):
            assert text[s.start : s.start + len(s.heading)] == s.heading


def test_sections_nest_and_follow_document_order(plan):
    _, parsed = plan
    sections = parsed.sections
    starts = [s.start for s in sections]
    assert starts == sorted(starts)
    for s in sections:
        assert s.start <= s.body_start <= s.end <= len(parsed.document.text)
        for parent in sections:
            ancestor = len(parent.path) < len(s.path) and s.path[: len(parent.path)] == parent.path
            if ancestor and parent.kind in ("part", "section", "column") and parent.heading == parent.path[-1]:
                assert parent.start <= s.start and s.end <= parent.end, (parent.path, s.path)


def test_preamble(plan):
    _, parsed = plan
    text = parsed.document.text
    preamble = parsed.sections[0]
    assert preamble.kind == "preamble" and preamble.path == ()
    assert text[preamble.start :].startswith("为加快推进职业教育现代化")


def test_leaf_spans_do_not_overlap(plan):
    _, parsed = plan
    spans = leaf_spans(parsed.sections)
    for (_, a0, a1), (_, b0, b1) in zip(spans, spans[1:]):
        assert a1 <= b0


def _doc(text: str):
    raw = RawSource(path=Path("t.txt"), kind="text", pages=(text,), content_hash="0" * 64)
    return build_document(raw, "t", "t.txt")


def test_synthetic_outline():
    document = _doc(
        "某某规划\n\n"
        "前言一段。\n\n"
        "一、总体要求\n\n"
        "（一）指导思想\n\n"
        "正文。\n\n"
        "专栏 1：示范行动\n\n"
        "专栏正文。\n\n"
        "(二) 主要目标\n\n"
        "目标正文。\n\n"
        "二、保障措施\n\n"
        "（一）加强领导。各地要加强领导。\n"
    )
    sections = parse_sections(document)
    assert [(s.kind, s.path) for s in sections] == [
        ("preamble", ()),
        ("part", ("一、总体要求",)),
        ("section", ("一、总体要求", "（一）指导思想")),
        ("column", ("一、总体要求", "（一）指导思想", "专栏 1：示范行动")),
        ("section", ("一、总体要求", "(二) 主要目标")),
        ("part", ("二、保障措施",)),
        ("section", ("二、保障措施", "（一）加强领导")),
    ]
    column = sections[3]
    assert (column.column, column.column_title) == (1, "示范行动")
    assert document.title == "某某规划"


def test_title_falls_back_to_the_first_line_or_the_file_name():
    document = _doc("这是第一句话，没有标题。\n\n第二段。")
    assert document.title == "这是第一句话，没有标题。"
    assert document.title == _doc("这是第一句话，没有标题。").title
