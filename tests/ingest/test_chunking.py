"""chunking.py: verbatim chunks inside one section, within the window, with the right pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from plan_golden import COLUMNS, TABLE_TITLE

from assistant.ingest.chunking import chunk_document, index_text
from assistant.ingest.readers import RawSource, read_source
from assistant.ingest.repair import build_document
from assistant.ingest.structure import parse_sections
from assistant.settings import Settings

DEFAULT_MAX = Settings.from_env(env={}).chunk_max_chars


def _boundaries(sections):
    """Offsets no chunk may straddle: the start of every part, section, column and table."""
    return sorted({s.start for s in sections if s.kind in ("part", "section", "column", "table")})


def check_invariants(document, sections, chunks, max_chars):
    text = document.text
    boundaries = _boundaries(sections)
    assert chunks
    assert len({c.chunk_id for c in chunks}) == len(chunks)
    previous_end = -1
    for c in chunks:
        assert c.text == text[c.start : c.end]
        assert c.text == c.text.strip() and c.text
        assert len(c.text) <= max_chars, (len(c.text), c.text[:40])
        assert not any(c.start < b < c.end for b in boundaries), c.text[:40]
        assert c.start >= previous_end  # in order, no overlap
        previous_end = c.end
        # the chunk's section is the innermost section holding it
        holders = [s for s in sections if s.kind != "preamble" and s.start <= c.start and c.end <= s.end + 1]
        innermost = max(holders, key=lambda s: len(s.path)) if holders else None
        assert c.section == (innermost.path if innermost else ()), (c.section, c.text[:30])
        assert c.doc_id == document.doc_id and c.doc_title == document.title
        assert c.page == document.page_at(c.start)
    # nothing is lost: every non-blank character is in a chunk or in a heading
    covered = bytearray(len(text))
    for c in chunks:
        covered[c.start : c.end] = b"\x01" * (c.end - c.start)
    for s in sections:
        covered[s.start : s.body_start] = b"\x01" * (s.body_start - s.start)
    for b in document.blocks:
        if b.kind == "title":
            covered[b.start : b.end] = b"\x01" * (b.end - b.start)
    missing = [i for i, ch in enumerate(text) if not ch.isspace() and not covered[i]]
    assert not missing, text[missing[0] : missing[0] + 40]


def test_invariants_on_every_rendering(plan):
    _, parsed = plan
    check_invariants(parsed.document, parsed.sections, parsed.chunks, DEFAULT_MAX)


@pytest.mark.parametrize("max_chars", [80, 120, 200, 600])
@pytest.mark.parametrize("rendering", ["txt", "reportlab"])
def test_invariants_hold_for_other_windows(parsed_plans, rendering, max_chars):
    parsed = parsed_plans(rendering)
    chunks = chunk_document(parsed.document, parsed.sections, max_chars)
    check_invariants(parsed.document, parsed.sections, chunks, max_chars)


def test_smaller_windows_give_more_chunks(parsed_plans):
    parsed = parsed_plans("txt")
    counts = [len(chunk_document(parsed.document, parsed.sections, m)) for m in (600, 360, 200, 120)]
    assert counts == sorted(counts) and counts[0] < counts[-1]


def test_chunk_counts_are_stable(plan):
    """Golden counts: 57-58 chunks of the default window, 4 of them the table, 11+ for the 专栏."""
    name, parsed = plan
    assert 56 <= len(parsed.chunks) <= 60, (name, len(parsed.chunks))
    tables = [c for c in parsed.chunks if c.kind == "table"]
    assert tables and all(c.section[-1] == TABLE_TITLE for c in tables)
    assert "".join(c.text for c in tables).count("\n") >= 10
    assert {c.column for c in parsed.chunks if c.column is not None} == set(COLUMNS)
    for c in parsed.chunks:
        if c.column is not None:
            assert c.column_title == COLUMNS[c.column]
            assert c.section[-1] == f"专栏 {c.column}：{COLUMNS[c.column]}"


def test_columns_are_chunked_apart_from_their_sections_prose(plan):
    _, parsed = plan
    column5 = [c for c in parsed.chunks if c.column == 5]
    assert column5 and all(c.section == ("三、主要任务和工作举措", "（四）全面提升人才培养质量", "专栏 5：职业教育教材建设") for c in column5)
    assert column5[0].text.startswith("推进职业教育“三教”改革")


def test_chunks_are_the_same_text_in_every_rendering(plan, parsed_plans):
    """Outside the table, the chunks of a rendering read like those of the .txt (spacing aside)."""
    name, parsed = plan

    def prose(p):
        return [(c.section, re.sub(r"\s+", "", c.text)) for c in p.chunks if c.kind == "text"]

    assert prose(parsed) == prose(parsed_plans("txt")), name


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_pages_of_chunks_match_pypdf(plan_pdf_rendering):
    """A chunk's page is the page whose pypdf text holds its first characters.

    pypdf's pages are searched in order from where the previous chunk was found,
    so repeated phrases cannot match early.
    """
    name, path, parsed = plan_pdf_rendering
    pages = [_squash(p) for p in read_source(path).pages]
    joined = "".join(pages)
    page_of = []
    for number, page in enumerate(pages, start=1):
        page_of.extend([number] * len(page))
    cursor = 0
    checked = 0
    for c in parsed.chunks:
        probe = _squash(c.text)[:12]
        at = joined.find(probe, cursor)
        assert at >= 0, (name, c.text[:30])
        assert c.page == page_of[at], (name, c.page, page_of[at], c.text[:30])
        cursor = at
        checked += 1
    assert checked == len(parsed.chunks)
    assert {c.page for c in parsed.chunks} == set(range(1, len(pages) + 1))


@pytest.mark.parametrize(
    "passage, page",
    [
        ("为加快推进职业教育现代化", 1),
        ("统筹布局，优化结构。", 2),
        ("推进职业教育“三教”改革", 6),
        ("（一）加强领导和组织保证", 10),
    ],
)
def test_sample_pages_in_the_fixture_pdf(parsed_plans, passage, page):
    """Checked by hand against the fixture PDF (10 pages)."""
    from pypdf import PdfReader

    parsed = parsed_plans("pdf")
    document = parsed.document
    found = document.text.index(passage)
    assert document.page_at(found) == page
    pdf_text = [p.extract_text() for p in PdfReader(str(_fixture_pdf())).pages]
    assert _squash(passage) in _squash(pdf_text[page - 1])


def _fixture_pdf() -> Path:
    from renderings import PLAN_PDF

    return PLAN_PDF


def test_index_text_puts_the_heading_path_first(parsed_plans):
    parsed = parsed_plans("txt")
    chunk = next(c for c in parsed.chunks if c.column == 5)
    assert index_text(chunk) == "三、主要任务和工作举措 （四）全面提升人才培养质量 专栏 5：职业教育教材建设\n" + chunk.text
    preamble = next(c for c in parsed.chunks if c.section == ())
    assert index_text(preamble) == preamble.text


def test_chunk_ids_are_deterministic(parsed_plans, rendering_paths):
    from assistant.ingest.pipeline import parse_document

    again = parse_document(rendering_paths["txt"], "plan", "x", Settings.from_env(env={}))
    assert [c.chunk_id for c in again.chunks] == [c.chunk_id for c in parsed_plans("txt").chunks]


def test_a_sentence_longer_than_the_window_is_cut_at_clauses_then_hard():
    long_clause = "职" * 150
    text = "一、总体要求\n\n" + "第一句，" + "很长的从句、" * 30 + "结束。" + long_clause + "。\n"
    raw = RawSource(path=Path("t.txt"), kind="text", pages=(text,), content_hash="0" * 64)
    document = build_document(raw, "t", "t.txt")
    sections = parse_sections(document)
    chunks = chunk_document(document, sections, 80)
    check_invariants(document, sections, chunks, 80)
    assert any(c.text.endswith("、") for c in chunks)  # cut after a clause
    assert "".join(c.text for c in chunks) == document.text[document.text.index("第一句") :]


def test_the_same_text_twice_in_one_section_gets_two_ids():
    paragraph = "建立职业院校年度质量报告制度，强化人才培养过程质量监测，定期向社会公布办学情况。"
    text = "一、总体要求\n\n" + paragraph + "\n\n" + paragraph + "\n"
    raw = RawSource(path=Path("t.txt"), kind="text", pages=(text,), content_hash="0" * 64)
    document = build_document(raw, "t", "t.txt")
    sections = parse_sections(document)
    chunks = chunk_document(document, sections, 80)
    assert [c.text for c in chunks] == [paragraph, paragraph]
    assert len({c.chunk_id for c in chunks}) == 2
    assert chunks[1].chunk_id == chunks[0].chunk_id + "-2"
