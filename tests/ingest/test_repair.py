"""repair.py: lines rejoined, page furniture dropped, every character kept, in every rendering."""

from __future__ import annotations

import re
from pathlib import Path

from plan_golden import PASSAGES, TABLE_NOTE, TABLE_TITLE, TITLE
from renderings import PLAN_TXT

from assistant.ingest.readers import RawSource, read_source
from assistant.ingest.repair import build_document


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _raw(pages, paged=True, name="x.pdf") -> RawSource:
    return RawSource(path=Path(name), kind="pdf" if paged else "text", pages=tuple(pages), content_hash="0" * 64)


def _prose(document) -> tuple[str, str]:
    """The squashed text before the indicator table and after its note."""
    text = document.text
    head = text[: text.index(TABLE_TITLE)]
    tail = text[text.index(TABLE_NOTE) + len(TABLE_NOTE) :]
    return squash(head), squash(tail)


def test_passages_are_found_verbatim(plan):
    name, parsed = plan
    text = parsed.document.text
    for passage in PASSAGES:
        assert passage in text, (name, passage)
    assert "优\n" not in text and "人数\n" not in text


def test_title(plan):
    _, parsed = plan
    assert parsed.document.title == TITLE


def test_prose_is_the_same_in_every_rendering(plan, parsed_plans):
    name, parsed = plan
    assert _prose(parsed.document) == _prose(parsed_plans("txt").document), name


def test_blocks_are_the_papers_paragraphs(plan, parsed_plans):
    """Paragraph for paragraph as in the .txt (outside the table).

    The PDFs tell paragraphs apart by a first-line indent (reportlab) or by the
    wider gap before them (LibreOffice): both are needed where a paragraph
    ends exactly at the right margin with a 。.
    """
    name, parsed = plan

    def paragraphs(document):
        text = document.text
        start, end = text.index(TABLE_TITLE), text.index(TABLE_NOTE)
        return [
            squash(text[b.start : b.end])
            for b in document.blocks
            if b.kind != "table" and not start <= b.start <= end
        ]

    mine, reference = paragraphs(parsed.document), paragraphs(parsed_plans("txt").document)
    assert len(reference) == 97
    assert mine == reference, name


def test_every_character_of_the_txt_is_kept():
    raw = read_source(PLAN_TXT)
    document = build_document(raw, "plan", PLAN_TXT.name)
    assert squash(document.text) == squash(raw.pages[0])


def test_every_character_of_a_pdf_is_kept_except_furniture(plan_pdf_rendering):
    name, path, parsed = plan_pdf_rendering
    raw = read_source(path)
    furniture = re.compile(r"^(?:— \d+ —|浙江省职业教育“十四五”发展规划)$")
    kept = []
    for page in raw.pages:
        lines = [ln.strip() for ln in page.split("\n") if ln.strip()]
        if name == "reportlab":
            # the running header and the page number are the first two lines of every page
            assert furniture.match(lines[0]) and furniture.match(lines[1]), lines[:2]
            lines = lines[2:]
        kept.extend(lines)
    assert squash(parsed.document.text) == squash("".join(kept))


def test_reportlab_furniture_is_gone_but_the_title_stays(parsed_plans):
    text = parsed_plans("reportlab").document.text
    assert not re.search(r"—\s*\d+\s*—", text)
    assert text.count("浙江省职业教育“十四五”发展规划") == parsed_plans("txt").document.text.count(
        "浙江省职业教育“十四五”发展规划"
    )
    assert text.startswith("浙江省职业教育“十四五”发展规划\n(2021—2025 年)\n")


def test_blocks_tile_the_text(plan):
    _, parsed = plan
    document = parsed.document
    assert document.text == "\n".join(document.text[b.start : b.end] for b in document.blocks)
    for a, b in zip(document.blocks, document.blocks[1:]):
        assert b.start == a.end + 1


def test_table_rows_are_one_block_each(plan):
    name, parsed = plan
    document = parsed.document
    rows = [document.text[b.start : b.end] for b in document.blocks if b.kind == "table"]
    assert rows[0] == TABLE_TITLE
    assert rows[-1] == "注：" + TABLE_NOTE
    assert any(r.startswith("事业规模") and "中职学校在校生人数（万人）" in r and r.endswith("76") for r in rows), name


def test_pages_of_blocks_follow_the_pdf(plan_pdf_rendering):
    _, path, parsed = plan_pdf_rendering
    document = parsed.document
    assert document.pages == len(read_source(path).pages)
    pages = [b.page for b in document.blocks]
    assert pages == sorted(pages) and pages[0] == 1 and pages[-1] == document.pages
    assert document.page_at(0) == 1 and document.page_at(len(document.text) - 1) == document.pages


def test_text_documents_have_no_pages(parsed_plans):
    document = parsed_plans("txt").document
    assert document.pages is None and document.page_starts == ()
    assert all(b.page is None for b in document.blocks)
    assert document.page_at(100) is None


# -- synthetic cases -------------------------------------------------------------------


def test_line_broken_across_a_page_is_rejoined():
    raw = _raw(["统筹考虑城镇化推进和产业分布，优\n", "化学校布局，动态调整专业结构。\n"])
    document = build_document(raw, "d", "d.pdf")
    assert document.text == "统筹考虑城镇化推进和产业分布，优化学校布局，动态调整专业结构。"
    assert document.page_at(document.text.index("化学校")) == 2
    assert document.page_at(document.text.index("优")) == 1


def test_ascii_words_broken_across_lines_keep_a_space():
    raw = _raw(["第一句话，正文。\n推进 1+X\n证书制度试点，引进 industry\neducation 项目。"], paged=False, name="a.txt")
    document = build_document(raw, "d", "a.txt")
    assert document.text == "第一句话，正文。\n推进 1+X证书制度试点，引进 industry education 项目。"


def test_running_headers_and_page_numbers_are_dropped():
    bodies = ["完善职业教育体系，", "深化产教融合。", "提升培养质量，", "打造教师队伍。", "推进开放合作。"]
    pages = [["职业教育规划", body, f"- {n} -"] for n, body in enumerate(bodies, start=1)]
    raw = _raw(["\n".join(p) for p in pages])
    document = build_document(raw, "d", "d.pdf")
    assert "职业教育规划" not in document.text
    assert not re.search(r"- \d -", document.text)
    assert document.text == "完善职业教育体系，深化产教融合。\n提升培养质量，打造教师队伍。\n推进开放合作。"


def test_title_equal_to_the_running_header_is_kept():
    pages = [["浙江省职业教育规划", "浙江省职业教育规划", "(2021—2025 年)", "正文，第一段。"]]
    pages += [["浙江省职业教育规划", f"正文，第{n}页内容。"] for n in range(2, 5)]
    document = build_document(_raw(["\n".join(p) for p in pages]), "d", "d.pdf")
    assert document.title == "浙江省职业教育规划(2021—2025 年)"
    assert document.text.count("浙江省职业教育规划") == 1


def test_indented_line_after_a_full_stop_starts_a_paragraph():
    full = "一" * 38 + "。"
    raw = _raw(["\n".join(["  开头一段，" + "二" * 33, full, "  新的一段开始了，" + "三" * 10 + "。"])])
    document = build_document(raw, "d", "d.pdf")
    assert document.text.split("\n") == ["开头一段，" + "二" * 33 + full, "新的一段开始了，" + "三" * 10 + "。"]


def test_wrapped_line_that_starts_like_a_heading_is_not_a_heading():
    """"…坚持知行合" / "一、工学结合…": a full line that stops mid-sentence continues."""
    filler = "，".join(["职业教育发展" * 2] * 3)
    lines = [
        "（一）深化产教融合",
        filler + "坚持知行合",
        "一、工学结合，推进职业院校专业与行业产业对接。",
        filler + "。",
        "二、保障措施",
    ]
    document = build_document(_raw(["\n".join(lines)]), "d", "d.pdf")
    assert document.text.split("\n") == [
        "（一）深化产教融合",
        filler + "坚持知行合一、工学结合，推进职业院校专业与行业产业对接。",
        filler + "。",
        "二、保障措施",
    ]


def test_cell_per_line_table_rows_are_regrouped():
    lines = [
        "发展目标如下。",
        "浙江省发展目标",
        "维度",
        "主要指标",
        "2020 年",
        "2025 年",
        "事业规模",
        "中职学校在校生人数（万人）",
        "74.3",
        "76",
        "条件支撑",
        "职业院校“双师型”教师占专业课教师比例（%）",
        "中职",
        "85.8",
        "89",
        "高职",
        "71.7",
        "80",
        "注：以上指标均为预期性指标",
        "三、主要任务",
    ]
    document = build_document(_raw(["\n".join(lines)]), "d", "d.pdf")
    assert document.text.split("\n") == [
        "发展目标如下。",
        "浙江省发展目标",
        "维度\t主要指标\t2020 年\t2025 年",
        "事业规模\t中职学校在校生人数（万人）\t74.3\t76",
        "条件支撑\t职业院校“双师型”教师占专业课教师比例（%）\t中职\t85.8\t89",
        "高职\t71.7\t80",
        "注：以上指标均为预期性指标",
        "三、主要任务",
    ]
    kinds = [b.kind for b in document.blocks]
    assert kinds == ["para", "table", "table", "table", "table", "table", "table", "para"]


def test_a_wider_gap_in_a_pdf_separates_paragraphs(tmp_path):
    from renderings import make_text_pdf

    full = "职" * 38 + "。"
    lines = ["第一段开头，" + "育" * 33, full, "紧接着的下一行，" + "业" * 10 + "。", "", "隔开的新一段，" + "教" * 30, full]
    raw = read_source(make_text_pdf(tmp_path / "gap.pdf", [lines]))
    assert "\n\n隔开的新一段" in raw.pages[0]
    document = build_document(raw, "d", "gap.pdf")
    assert document.text.split("\n") == [
        "第一段开头，" + "育" * 33 + full + "紧接着的下一行，" + "业" * 10 + "。",
        "隔开的新一段，" + "教" * 30 + full,
    ]


def test_no_character_is_substituted():
    document = build_document(_raw(["區域中小學生，適切性。\n"], paged=False, name="t.txt"), "d", "t.txt")
    assert document.text == "區域中小學生，適切性。"
