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
_VALUE_CELL_RE = re.compile(rf"^{_VALUE}$")
_YEAR_CELL_RE = re.compile(r"^20\d\d\s*年?(?:[（(][^，。（()）]{0,10}[）)])?$")
_NOTE_PREFIXES = ("注：", "注:", "备注")
_PAGE_NUMBER_RE = re.compile(
    r"^(?:[-—–~\s]*\d{1,4}[-—–~\s]*|第\s*\d{1,4}\s*页(?:\s*[/，,共]\s*\d{1,4}\s*页?)?|\d{1,4}\s*/\s*\d{1,4}|page\s*\d{1,4})$",
    re.IGNORECASE,
)


@dataclass
class _Line:
    text: str  # stripped
    page: int  # 1-based
    kind: str = "para"  # "title", "heading", "para", "table"
    row: int | None = None  # table cells read one per line: the row they belong to
    indent: bool = False  # the extracted line began with blanks (a first-line indent)
    gap: bool = False  # an empty line (in a PDF: a wider gap) comes before it on its page


def build_document(raw: RawSource, doc_id: str, rel_path: str) -> Document:
    """Rejoin lines into blocks and record where each page starts."""
    lines = _collect_lines(raw)
    _mark_tables(lines)
    full_width = _full_line_width(lines) if raw.paged else None
    _mark_titles_and_headings(lines, full_width)

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
                if line.row is not None and line.row == group[0].row:
                    text += "\t"  # the cells of one table row
                elif _needs_space(text, line.text):
                    text += " "
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
    pages = [[ln.rstrip() for ln in page.split("\n")] for page in raw.pages]
    if raw.paged:
        pages = _strip_furniture(pages)
    out: list[_Line] = []
    for number, page in enumerate(pages, start=1):
        gap = False
        for line in page:
            text = line.strip()
            if text:
                out.append(_Line(text=text, page=number, indent=line[:1].isspace(), gap=gap))
                gap = False
            else:
                gap = True
    return out


def _strip_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Drop running page numbers and headers/footers repeated across pages.

    Furniture sits at a page's edges: up to two lines at the top and two at the
    bottom. A line is furniture if it is a page number or its shape (digits
    masked) recurs on most pages; of lines with the same shape at one edge
    only the outermost goes, so a title equal to the running header stays.
    """

    def shape_of(text: str) -> str:
        return re.sub(r"\d+", "#", text)

    def edges(page: list[str]) -> tuple[list[int], list[int]]:
        filled = [i for i, t in enumerate(page) if t.strip()]
        return filled[:2], filled[::-1][:2]

    shape = Counter()
    for page in pages:
        top, bottom = edges(page)
        shape.update({shape_of(page[i].strip()) for i in top + bottom})
    threshold = max(3, (len(pages) + 1) // 2)
    cleaned = []
    for page in pages:
        drop: set[int] = set()
        for edge in edges(page):
            dropped: set[str] = set()
            for i in edge:
                text = page[i].strip()
                key = shape_of(text)
                repeated = len(pages) >= 3 and shape[key] >= threshold
                if key in dropped or not (_PAGE_NUMBER_RE.match(text) or repeated):
                    break  # furniture is contiguous from the edge inwards
                drop.add(i)
                dropped.add(key)
        cleaned.append([t for i, t in enumerate(page) if i not in drop])
    return cleaned


def _is_table_header(text: str) -> bool:
    if "，" in text or "。" in text:
        return False
    return ("主要指标" in text or text.startswith("维度")) or len(_YEAR_RE.findall(text)) >= 2


def _is_row(text: str) -> bool:
    return "\t" in text or bool(_ROW_END_RE.search(text))


def _is_cell(text: str) -> bool:
    """A table cell on a line of its own: short, no sentence punctuation, not a heading."""
    return (
        len(text) <= 40
        and not re.search(r"[，。；]", text)
        and not (PART_RE.match(text) or SECTION_RE.match(text) or COLUMN_RE.match(text))
        and not text.startswith(_NOTE_PREFIXES)
    )


def _mark_tables(lines: list[_Line]) -> None:
    """Mark table title, header, rows and note lines, which are never joined.

    A table extracted one cell per line (ruled grids often are) has its cells
    grouped into rows: a row ends with its two value cells, the header with
    its two year cells.
    """
    i = 0
    next_row = 0
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
            # A longer cell counts when a value cell follows it closely (cell-per-line tables).
            cell = _is_cell(text) and any(_VALUE_CELL_RE.match(n.text) for n in lines[j + 1 : j + 5])
            if _is_table_header(text) or _is_row(text) or fragment or cell:
                lines[j].kind = "table"
                j += 1
                continue
            if text.startswith(_NOTE_PREFIXES):
                lines[j].kind = "table"
                j += 1
            break
        next_row = _group_cells(lines[start:j], next_row)
        i = max(j, start + 1)


def _group_cells(table: list[_Line], next_row: int) -> int:
    """Give the cells of each row read one per line the same row id."""
    if sum(1 for line in table if _VALUE_CELL_RE.match(line.text)) < 4:
        return next_row  # rows are whole lines already
    pending: list[_Line] = []

    def close() -> None:
        nonlocal next_row
        if len(pending) > 1:
            for cell in pending:
                cell.row = next_row
            next_row += 1
        pending.clear()

    for line in table:
        text = line.text
        whole_row = "\t" in text or _ROW_END_RE.search(text) or len(_YEAR_RE.findall(text)) >= 2
        if whole_row or text.startswith(_NOTE_PREFIXES):
            close()
            continue
        pending.append(line)
        last_two = [c.text for c in pending[-2:]]
        if len(last_two) == 2 and (
            all(_VALUE_CELL_RE.match(t) for t in last_two) or all(_YEAR_CELL_RE.match(t) for t in last_two)
        ):
            close()
    close()
    return next_row


def _mark_titles_and_headings(lines: list[_Line], full_width: float | None = None) -> None:
    previous: _Line | None = None
    for line in lines:
        if line.kind == "para" and is_pure_heading(line.text) and not _wrapped_into(previous, line, full_width):
            line.kind = "heading"
        previous = line
    # The title block: short leading lines before the first sentence.
    for line in lines:
        if line.kind != "para" or re.search(r"[，。；]", line.text) or len(line.text) > 60:
            break
        line.kind = "title"


def _wrapped_into(a: _Line | None, b: _Line, full_width: float | None) -> bool:
    """In a PDF, b continues a full line that stopped mid-sentence ("…知行合" / "一、工学结合…")."""
    return (
        full_width is not None
        and a is not None
        and a.kind == "para"
        and not _ends_sentence(a.text)
        and _line_width(a) >= 0.9 * full_width
    )


def is_pure_heading(text: str) -> bool:
    """A heading line that carries no body text after it."""
    if COLUMN_RE.match(text):
        return True
    if (PART_RE.match(text) or SECTION_RE.match(text)) and len(text) <= 50:
        return not re.search(r"[。；]", text)
    return False


def _joins(a: _Line, b: _Line, full_width: float | None) -> bool:
    if a.row is not None and a.row == b.row:
        return True
    if a.kind in ("title", "heading", "table") or b.kind in ("title", "heading", "table"):
        return False
    if (PART_RE.match(b.text) or SECTION_RE.match(b.text) or COLUMN_RE.match(b.text)) and not _wrapped_into(
        a, b, full_width
    ):
        return False
    if not _ends_sentence(a.text):
        return True
    if b.indent or b.gap:
        return False  # an indented or set-off line after a finished sentence starts a paragraph
    # In a PDF a full-width line ending in 。 is usually still mid-paragraph.
    return full_width is not None and _line_width(a) >= 0.96 * full_width


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINAL


def _needs_space(left: str, right: str) -> bool:
    return bool(left) and bool(right) and left[-1].isascii() and left[-1].isalnum() and right[0].isascii() and right[0].isalnum()


def _width(text: str) -> int:
    return sum(1 if ch.isascii() else 2 for ch in text)


def _line_width(line: _Line) -> int:
    """Width in half-width units, counting a first-line indent as the usual two characters."""
    return _width(line.text) + (4 if line.indent else 0)


def _full_line_width(lines: list[_Line]) -> float:
    widths = sorted(_width(line.text) for line in lines if line.kind != "table")
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
