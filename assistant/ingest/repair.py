"""Undo extraction defects: page furniture, lines broken mid-word or across pages.

Turns a ``RawSource`` into a ``Document`` whose text is the source minus line
breaks, page breaks and page furniture, with blocks (paragraphs, headings,
table rows) separated by one ``\\n``. No character is substituted: stray
traditional characters stay as printed (search normalizes them, not this).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..types import Block, Document
from .readers import RawSource

# Headings of the plan's outline; shared with structure.py.
PART_RE = re.compile(r"^[一二三四五六七八九十]{1,3}、\s*\S")
SECTION_RE = re.compile(r"^[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]\s*\S")
COLUMN_RE = re.compile(r"^专栏\s*(\d{1,3})\s*[：:]\s*(\S.*)$")

_TERMINAL = "。！？；：…!?;:"
_CLOSERS = "”’」』）)】"
_VALUE = r"(?:-|—|\d+(?:\.\d+)?)"
_ROW_END_RE = re.compile(rf"(?:^|[\s\t）)%])\s*{_VALUE}\s+{_VALUE}\s*$")
_YEAR_RE = re.compile(r"20\d\d\s*年")
_PAGE_NUMBER_RE = re.compile(
    r"^(?:[-—–~\s]*\d{1,4}[-—–~\s]*|第\s*\d{1,4}\s*页(?:\s*[/，,共]\s*\d{1,4}\s*页?)?|\d{1,4}\s*/\s*\d{1,4}|page\s*\d{1,4})$",
    re.IGNORECASE,
)


@dataclass
class _Line:
    text: str  # stripped
    page: int  # 1-based
    kind: str = "para"  # "title", "heading", "para", "table"


def build_document(raw: RawSource, doc_id: str, rel_path: str) -> Document:
    """Rejoin lines into blocks and record where each page starts."""
    lines = _collect_lines(raw)
    _mark_tables(lines)
    _mark_titles_and_headings(lines)
    full_width = _full_line_width(lines) if raw.paged else None

    groups: list[list[_Line]] = []
    for line in lines:
        if groups and _joins(groups[-1][-1], line, full_width):
            groups[-1].append(line)
        else:
            groups.append([line])

    texts: list[str] = []
    blocks: list[Block] = []
    page_starts: list[tuple[int, int]] = []
    offset = 0
    for group in groups:
        if texts:
            offset += 1  # the "\n" between blocks
        start = offset
        text = ""
        for line in group:
            if text:
                text += " " if _needs_space(text, line.text) else ""
            if not page_starts or page_starts[-1][1] != line.page:
                page_starts.append((start + len(text), line.page))
            text += line.text
        kind = "para" if group[0].kind == "heading" else group[0].kind
        blocks.append(Block(start, start + len(text), group[0].page if raw.paged else None, kind))
        texts.append(text)
        offset = start + len(text)

    return Document(
        doc_id=doc_id,
        title=_title(lines, raw.path),
        path=rel_path,
        text="\n".join(texts),
        blocks=tuple(blocks),
        pages=len(raw.pages) if raw.paged else None,
        content_hash=raw.content_hash,
        page_starts=tuple(page_starts) if raw.paged else (),
    )


def _collect_lines(raw: RawSource) -> list[_Line]:
    pages = [[ln.strip() for ln in page.split("\n")] for page in raw.pages]
    if raw.paged:
        pages = _strip_furniture(pages)
    out: list[_Line] = []
    for number, page in enumerate(pages, start=1):
        for text in page:
            if text:
                out.append(_Line(text=text, page=number))
    return out


def _strip_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Drop running page numbers and headers/footers repeated across pages."""

    def edge_indexes(page: list[str]) -> list[int]:
        filled = [i for i, t in enumerate(page) if t]
        return filled[:2] + filled[-2:]

    shape = Counter()
    for page in pages:
        seen = {re.sub(r"\d+", "#", page[i]) for i in edge_indexes(page)}
        shape.update(seen)
    threshold = max(3, (len(pages) + 1) // 2)
    cleaned = []
    for page in pages:
        drop = set()
        for i in edge_indexes(page):
            text = page[i]
            if _PAGE_NUMBER_RE.match(text) or (len(pages) >= 3 and shape[re.sub(r"\d+", "#", text)] >= threshold):
                drop.add(i)
        cleaned.append([t for i, t in enumerate(page) if i not in drop])
    return cleaned


def _is_table_header(text: str) -> bool:
    if "，" in text or "。" in text:
        return False
    return ("主要指标" in text or text.startswith("维度")) or len(_YEAR_RE.findall(text)) >= 2


def _is_row(text: str) -> bool:
    return "\t" in text or bool(_ROW_END_RE.search(text))


def _mark_tables(lines: list[_Line]) -> None:
    """Mark table title, header, rows and note lines, which are never joined."""
    i = 0
    while i < len(lines):
        if not _is_table_header(lines[i].text):
            i += 1
            continue
        start = i
        if i > 0 and len(lines[i - 1].text) <= 40 and not re.search(r"[，。；]", lines[i - 1].text):
            lines[i - 1].kind = "table"
        j = i
        while j < len(lines):
            text = lines[j].text
            fragment = len(text) <= 12 and not re.search(r"[，。；：]", text) and not PART_RE.match(text)
            if _is_table_header(text) or _is_row(text) or fragment:
                lines[j].kind = "table"
                j += 1
                continue
            if text.startswith(("注：", "注:", "备注")):
                lines[j].kind = "table"
                j += 1
            break
        i = max(j, start + 1)


def _mark_titles_and_headings(lines: list[_Line]) -> None:
    for line in lines:
        if line.kind == "para" and is_pure_heading(line.text):
            line.kind = "heading"
    # The title block: short leading lines before the first sentence.
    for line in lines:
        if line.kind != "para" or re.search(r"[，。；]", line.text) or len(line.text) > 60:
            break
        line.kind = "title"


def is_pure_heading(text: str) -> bool:
    """A heading line that carries no body text after it."""
    if COLUMN_RE.match(text):
        return True
    if (PART_RE.match(text) or SECTION_RE.match(text)) and len(text) <= 50:
        return not re.search(r"[。；]", text)
    return False


def _joins(a: _Line, b: _Line, full_width: float | None) -> bool:
    if a.kind in ("title", "heading", "table") or b.kind in ("title", "heading", "table"):
        return False
    if PART_RE.match(b.text) or SECTION_RE.match(b.text) or COLUMN_RE.match(b.text):
        return False
    if not _ends_sentence(a.text):
        return True
    # In a PDF a full-width line ending in 。 is usually still mid-paragraph.
    return full_width is not None and _width(a.text) >= 0.96 * full_width


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINAL


def _needs_space(left: str, right: str) -> bool:
    return bool(left) and bool(right) and left[-1].isascii() and left[-1].isalnum() and right[0].isascii() and right[0].isalnum()


def _width(text: str) -> int:
    return sum(1 if ch.isascii() else 2 for ch in text)


def _full_line_width(lines: list[_Line]) -> float:
    widths = sorted(_width(line.text) for line in lines if line.kind == "para")
    if not widths:
        return 0.0
    return float(widths[int(len(widths) * 0.9)])


def _title(lines: list[_Line], path: Path) -> str:
    titles = [line.text for line in lines if line.kind == "title"]
    if titles:
        return "".join(titles[:3])
    for line in lines:
        if line.kind in ("heading", "para"):
            return line.text[:40]
    return path.stem
