"""Structure → chunks: verbatim spans that never cross a section boundary.

A 专栏 is its own chunk (or chunks), a table's rows are chunked apart from
prose, and long paragraphs are cut at sentence ends so every chunk fits the
embedding model's window.
"""

from __future__ import annotations

import hashlib
import re

from ..types import Chunk, Document, Section
from .structure import leaf_spans

_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])(?![”’」』）)])|(?<=[。！？；][”’」』）)])")
_CLAUSE_END = re.compile(r"(?<=[，、,])")


def chunk_document(document: Document, sections: tuple[Section, ...], max_chars: int) -> tuple[Chunk, ...]:
    """Chunks for every section's own text, in document order."""
    chunks: list[Chunk] = []
    for section, start, end in leaf_spans(sections):
        if section.kind == "table":
            units = [(b.start, b.end) for b in document.blocks if start <= b.start < end and b.kind == "table"]
            kind = "table"
        else:
            units = []
            for block in document.blocks:
                if block.end <= start or block.start >= end:
                    continue
                units.extend(_sentence_units(document.text, max(block.start, start), min(block.end, end), max_chars))
            kind = "text"
        for span_start, span_end in _pack(units, max_chars):
            chunks.append(_make_chunk(document, section, span_start, span_end, kind))
    return _unique_ids(chunks)


def _unique_ids(chunks: list[Chunk]) -> tuple[Chunk, ...]:
    """The same text twice in one section would share an id: number the repeats."""
    from dataclasses import replace

    seen: dict[str, int] = {}
    out = []
    for chunk in chunks:
        n = seen.get(chunk.chunk_id, 0)
        seen[chunk.chunk_id] = n + 1
        out.append(replace(chunk, chunk_id=f"{chunk.chunk_id}-{n + 1}") if n else chunk)
    return tuple(out)


def index_text(chunk: Chunk) -> str:
    """What retrieval sees: the heading path, then the chunk text."""
    heading = " ".join(chunk.section)
    return f"{heading}\n{chunk.text}" if heading else chunk.text


def _sentence_units(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """Split one block into pieces no longer than max_chars, at sentence ends where possible."""
    span = text[start:end].strip()
    if not span:
        return []
    lead = text[start:end].index(span[0])
    start, end = start + lead, start + lead + len(span)
    if end - start <= max_chars:
        return [(start, end)]
    pieces = _split_at(text, start, end, _SENTENCE_END)
    out: list[tuple[int, int]] = []
    for s, e in pieces:
        if e - s <= max_chars:
            out.append((s, e))
            continue
        for cs, ce in _pack(_split_at(text, s, e, _CLAUSE_END), max_chars):
            # A clause longer than the window is cut hard: rare, but must fit.
            while ce - cs > max_chars:
                out.append((cs, cs + max_chars))
                cs += max_chars
            out.append((cs, ce))
    return out


def _split_at(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    cuts = [start] + [start + m.start() for m in pattern.finditer(text[start:end]) if 0 < m.start() < end - start] + [end]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def _pack(units: list[tuple[int, int]], max_chars: int) -> list[tuple[int, int]]:
    """Greedily merge consecutive units while the span stays within max_chars."""
    spans: list[tuple[int, int]] = []
    for s, e in units:
        if spans and e - spans[-1][0] <= max_chars:
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
    return spans


def _make_chunk(document: Document, section: Section, start: int, end: int, kind: str) -> Chunk:
    text = document.text[start:end]
    digest = hashlib.sha256("\x1f".join([document.doc_id, *section.path, text]).encode()).hexdigest()[:20]
    return Chunk(
        chunk_id=f"{document.doc_id}:{digest}",
        doc_id=document.doc_id,
        doc_title=document.title,
        section=section.path,
        column=section.column,
        column_title=section.column_title,
        page=document.page_at(start),
        start=start,
        end=end,
        text=text,
        kind=kind,
    )
