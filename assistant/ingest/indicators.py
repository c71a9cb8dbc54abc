"""The indicator table (维度 / 主要指标 / level / 2020 / 2025) as structured rows.

Works on the table's blocks in the document text, whether cells are separated
by tabs (text extraction) or by spaces with empty cells dropped (pypdf), and
repairs the table's wrapping: a dimension split over two lines across a page
(``社会`` / ``服务``), continuation rows that carry only a level
(``高职 71.7 80``), and a header repeated where the table crosses a page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..types import Document, IndicatorRow, Section

_VALUE = r"-|—|\d+(?:\.\d+)?"
_ROW_RE = re.compile(rf"^(?P<rest>.*?)[\s\t]*(?P<base>{_VALUE})[\s\t]+(?P<target>{_VALUE})[\s\t]*$")
_LEVEL_RE = re.compile(r"(?:^|(?<=[\s\t）)]))(?P<level>中职|高职)$")
_UNIT_RE = re.compile(r"[（(]([^（()）]+)[）)]\s*$")
_NOTE_RE = re.compile(r"^(?:注|备注)\s*[：:]")


@dataclass
class _Row:
    dimension: str
    indicator: str
    level: str | None
    base: str
    target: str
    start: int
    end: int


def parse_indicator_table(document: Document, table: Section) -> tuple[IndicatorRow, ...]:
    """All rows of one indicator table section, values exactly as printed."""
    text = document.text
    blocks = [b for b in document.blocks if b.kind == "table" and table.start <= b.start <= table.end]
    rows: list[_Row] = []
    note = ""
    pending_text = ""  # a wrapped indicator cell that precedes its row
    dimension = ""
    for block in blocks:
        line = text[block.start : block.end]
        if block.start == table.start or _is_header(line):
            continue
        if _NOTE_RE.match(line):
            note = _NOTE_RE.sub("", line).strip()
            continue
        m = _ROW_RE.match(line)
        if not m:
            # A cell that wrapped onto a line of its own.
            fragment = line.strip()
            if rows and not rows[-1].indicator.endswith(("）", ")")):
                rows[-1].indicator += fragment
            elif _is_dimension(fragment):
                dimension = _merge_dimension(rows, dimension, fragment)
            else:
                pending_text += fragment
            continue
        rest = m.group("rest")
        level = None
        lm = _LEVEL_RE.search(rest.rstrip())
        if lm:
            level = lm.group("level")
            rest = rest.rstrip()[: lm.start()]
        cells = [c.strip() for c in re.split(r"\t", rest)] if "\t" in rest else None
        new_dimension, indicator = _split_dimension(rest, cells)
        indicator = pending_text + indicator
        pending_text = ""
        if new_dimension:
            dimension = _merge_dimension(rows, dimension, new_dimension)
        if not indicator:
            if not rows:
                continue
            indicator = rows[-1].indicator  # a continuation row: same indicator, next level
        rows.append(_Row(dimension, indicator, level, m.group("base"), m.group("target"), block.start, block.end))

    out = []
    for row in rows:
        unit_match = _UNIT_RE.search(row.indicator)
        out.append(
            IndicatorRow(
                doc_id=document.doc_id,
                dimension=row.dimension,
                indicator=row.indicator,
                level=row.level,
                baseline_2020=row.base,
                target_2025=row.target,
                unit=unit_match.group(1).strip() if unit_match else "",
                note=note,
                quote=text[row.start : row.end],
                start=row.start,
                end=row.end,
                page=document.page_at(row.start),
                section=table.path,
            )
        )
    return tuple(out)


def is_indicator_table(document: Document, table: Section) -> bool:
    """A table whose header names the 2020 baseline and the 2025 target columns."""
    header = document.text[table.body_start : table.body_start + 80]
    return "2020" in header and "2025" in header


def _is_header(line: str) -> bool:
    return "主要指标" in line or line.startswith("维度") or len(re.findall(r"20\d\d\s*年", line)) >= 2


def _is_dimension(text: str) -> bool:
    return 1 <= len(text) <= 6 and bool(re.fullmatch(r"[\u4e00-\u9fff]+", text))


def _split_dimension(rest: str, cells: list[str] | None) -> tuple[str, str]:
    """(dimension or "", indicator or "") from the text before level and values."""
    if cells is not None:
        texts = [c for c in cells]
        while texts and not texts[-1]:
            texts.pop()
        if not texts:
            return "", ""
        if len(texts) >= 2 and texts[0] and _is_dimension(texts[0]):
            return texts[0], "".join(t for t in texts[1:] if t)
        return "", "".join(t for t in texts if t)
    rest = rest.strip()
    if not rest:
        return "", ""
    head, _, tail = rest.partition(" ")
    # With spaces as separators, a leading short CJK-only word is the dimension
    # only if what follows still reads as an indicator name ending in its unit.
    if tail and _is_dimension(head) and _UNIT_RE.search(tail) and re.match(r"[\u4e00-\u9fff“「《（(]", tail):
        return head, tail.strip()
    return "", rest


def _merge_dimension(rows: list[_Row], current: str, new: str) -> str:
    """A two-character dimension after another means one label wrapped (社会 / 服务)."""
    if current and len(current) <= 2 and len(new) <= 2:
        merged = current + new
        for row in rows:
            if row.dimension == current:
                row.dimension = merged
        return merged
    return new
