"""The heading tree: 一、… / （一）… / 专栏 N：… boxes / tables.

Every section knows the span of text it governs, so chunks can stay inside
one section and carry their full path of headings.
"""

from __future__ import annotations

import re

from ..types import Document, Section
from .repair import COLUMN_RE, PART_RE, SECTION_RE, is_pure_heading


def parse_sections(document: Document) -> tuple[Section, ...]:
    """Sections in document order; each ends where the next one at its level or above begins."""
    text = document.text
    opened: list[tuple[str, int, int, int, str, int | None, str | None]] = []
    # (kind, level, start, body_start, heading, column, column_title)
    for index, block in enumerate(document.blocks):
        line = text[block.start : block.end]
        if block.kind == "title":
            continue
        if block.kind == "table":
            if not opened or opened[-1][0] != "table":
                opened.append(("table", 3, block.start, _next_start(document, index), line, None, None))
            continue
        heading = _heading_of(line)
        if heading is None:
            if opened and opened[-1][0] == "table":
                # Body text after a table returns to the table's parent section.
                opened.append(("resume", 3, block.start, block.start, "", None, None))
            continue
        kind, level, head_text, body_offset = heading
        column = column_title = None
        if kind == "column":
            m = COLUMN_RE.match(head_text)
            assert m
            column, column_title = int(m.group(1)), m.group(2).strip()
        body_start = block.start + body_offset if body_offset < len(line) else _next_start(document, index)
        opened.append((kind, level, block.start, body_start, head_text, column, column_title))

    sections: list[Section] = []
    stack: list[tuple[int, str]] = []  # (level, heading) of the current path
    for i, (kind, level, start, body_start, heading, column, column_title) in enumerate(opened):
        # A section governs text up to the next heading at its level or above.
        end = next((o[2] - 1 for o in opened[i + 1 :] if o[1] <= level and o[0] != "resume"), len(text))
        if kind == "resume":
            while stack and stack[-1][0] >= 3:
                stack.pop()
            if sections and start < end:
                path = tuple(h for _, h in stack)
                sections.append(
                    Section("section", path[-1] if path else "", path, start, start, max(end, start))
                )
            continue
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, heading))
        path = tuple(h for _, h in stack)
        section_kind = {"part": "part", "section": "section", "column": "column", "table": "table"}[kind]
        sections.append(
            Section(section_kind, heading, path, start, body_start, max(end, body_start), column, column_title)
        )
    first = opened[0][2] if opened else len(text)
    preamble_start = _first_body_offset(document)
    if preamble_start < first:
        sections.insert(0, Section("preamble", "", (), preamble_start, preamble_start, max(first - 1, preamble_start)))
    return tuple(sections)


def _heading_of(line: str) -> tuple[str, int, str, int] | None:
    """(kind, level, heading text, offset where the body begins in the line)."""
    if COLUMN_RE.match(line):
        return ("column", 3, line.strip(), len(line))
    if PART_RE.match(line) and is_pure_heading(line):
        return ("part", 1, line.strip(), len(line))
    if SECTION_RE.match(line):
        if is_pure_heading(line):
            return ("section", 2, line.strip(), len(line))
        # "（一）加强领导和组织保证。各级党委…": the heading ends at its first 。
        m = re.search(r"[。．.]", line)
        if m and m.start() <= 40:
            return ("section", 2, line[: m.start()].strip(), m.end())
    return None


def _next_start(document: Document, index: int) -> int:
    blocks = document.blocks
    return blocks[index + 1].start if index + 1 < len(blocks) else blocks[index].end


def _first_body_offset(document: Document) -> int:
    for block in document.blocks:
        if block.kind != "title":
            return block.start
    return len(document.text)


def leaf_spans(sections: tuple[Section, ...]) -> list[tuple[Section, int, int]]:
    """The text each section owns directly (its body up to the first child)."""
    spans = []
    for i, section in enumerate(sections):
        end = section.end
        if i + 1 < len(sections):
            end = min(end, sections[i + 1].start - 1)
        if end > section.body_start:
            spans.append((section, section.body_start, end))
    return spans
