"""What answering needs from the store, loaded once: texts, rows, 专栏, headings, weights."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, Mapping, Sequence

from ..normalize import normalize
from ..types import Chunk, Hit, IndicatorRow
from .context import ColumnRef
from .evidence import TermWeights
from .indicators import IndicatorMatcher

# A heading's own numbering ("（四）", "三、"), which questions never repeat.
NUMBERING = re.compile(r"^\s*[（(]?[一二三四五六七八九十]+[)）、]\s*")
_TABLE_NOTE = re.compile(r"(?m)^注\s*[:：].+$")


@dataclass
class Knowledge:
    """What composing needs from the store, loaded once."""

    sources: Mapping[str, str]  # doc_id → document text
    titles: Mapping[str, str]  # doc_id → title
    rows: Sequence[IndicatorRow]
    matcher: IndicatorMatcher
    weights: TermWeights
    corpus_norm: str  # all documents, normalized, for scope checks
    column_chunks: Mapping[tuple[str, int], Sequence[Chunk]] = field(default_factory=dict)  # (doc_id, 专栏 number) → its chunks
    sentences: Any = None  # retrieval.sentences.SentenceIndex, or None
    chunks: Sequence[Chunk] = ()
    warnings: list[str] = field(default_factory=list)  # shown with every answer (e.g. a store that needs re-ingest)
    derived: dict[str, Any] = field(default_factory=dict)  # what answering derives from the rest, kept once worked out

    @cached_property
    def headings(self) -> list[tuple[str, tuple[str, ...], str]]:
        """(doc_id, section path, its heading without numbering, normalized) for every section, once."""

        seen: dict[tuple[str, tuple[str, ...]], str] = {}
        for chunk in self.chunks:
            for depth, heading in enumerate(chunk.section):
                key = (chunk.doc_id, chunk.section[: depth + 1])
                if key not in seen:
                    seen[key] = normalize(NUMBERING.sub("", heading))
        return [(doc_id, path, core) for (doc_id, path), core in seen.items()]

    @cached_property
    def row_spans(self) -> dict[tuple[str, int], tuple[int, int]]:
        """Each row's quotable span: its indicator's whole block in the table, from the line that names it
        to its last level (``职业院校“双师型”…（%） 中职 85.8 89`` / ``高职 71.7 80``), so that a level's
        quote carries the indicator's name and stands verbatim in the text."""
        spans: dict[tuple[str, int], tuple[int, int]] = {}
        ordered = sorted(self.rows, key=lambda r: (r.doc_id, r.start))
        i = 0
        while i < len(ordered):
            j = i
            while j + 1 < len(ordered) and (ordered[j + 1].doc_id, ordered[j + 1].indicator) == (ordered[i].doc_id, ordered[i].indicator):
                j += 1
            block = (ordered[i].start, ordered[j].end)
            for row in ordered[i : j + 1]:
                spans[(row.doc_id, row.start)] = block
            i = j + 1
        return spans

    def row_span(self, row: IndicatorRow) -> tuple[int, int]:
        return self.row_spans.get((row.doc_id, row.start), (row.start, row.end))

    @cached_property
    def column_titles(self) -> dict[tuple[str, int], str]:
        """(doc_id, 专栏 number) → its title, normalized, without quotation marks."""

        return {
            key: normalize(chunks[0].column_title or "").replace("“", "").replace("”", "")
            for key, chunks in self.column_chunks.items()
        }

    def pin_column(self, ref: ColumnRef | None, hits: Sequence[Hit]) -> ColumnRef | None:
        """The document of a 专栏 named by number only ("专栏5"): the best-ranked document that has one."""
        if ref is None or ref.doc_id is not None:
            return ref
        having = [doc_id for doc_id, n in self.column_chunks if n == ref.n]
        ranked = [h.chunk.doc_id for h in hits if h.chunk.doc_id in having]
        if having:  # the best-ranked document, else the first by name
            return ColumnRef((ranked or sorted(having))[0], ref.n)
        return ref

    @cached_property
    def table_notes(self) -> list[Chunk]:
        """A table's notes ("注：以上指标均为预期性指标") as text of their own: they are sentences, not rows."""
        notes = []
        for chunk in self.chunks:
            if chunk.kind != "table":
                continue
            for m in _TABLE_NOTE.finditer(chunk.text):
                notes.append(
                    replace(
                        chunk,
                        chunk_id=f"{chunk.chunk_id}#note{m.start()}",
                        start=chunk.start + m.start(),
                        end=chunk.start + m.end(),
                        text=m.group(0),
                        kind="text",
                    )
                )
        return notes

    def heading_span(self, chunk: Chunk, heading: str, before: int) -> tuple[int, int] | None:
        """(start, end) in ``chunk``'s document of the heading line that precedes offset ``before``."""
        at = self.sources[chunk.doc_id].rfind(heading, 0, before)
        return (at, at + len(heading)) if at != -1 else None

    def chunk_at(self, doc_id: str, offset: int) -> Chunk | None:
        for chunk in self.chunks:
            if chunk.doc_id == doc_id and chunk.start <= offset < chunk.end:
                return chunk
        return None
