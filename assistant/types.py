"""Frozen dataclasses passed between stages: ingest → store → retrieval → answer."""

from __future__ import annotations

import bisect
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, Optional


@dataclass(frozen=True)
class Block:
    """One paragraph, heading or table row of the document text: ``text[start:end]``."""

    start: int
    end: int
    page: Optional[int]  # 1-based page of the block's first character (PDF only)
    kind: str = "para"  # "title", "para", "table"


@dataclass(frozen=True)
class Document:
    """A source document after repair: the text quotes and offsets refer to.

    ``text`` is the source minus line breaks, page breaks and page furniture;
    blocks are separated by a single ``\\n`` and no character is substituted.
    """

    doc_id: str
    title: str
    path: str  # relative to the corpus folder, POSIX separators
    text: str
    blocks: tuple[Block, ...]
    pages: Optional[int]  # page count for PDFs, None otherwise
    content_hash: str
    # (offset, page) for every page start, so any offset maps to a page.
    page_starts: tuple[tuple[int, int], ...] = ()

    def page_at(self, offset: int) -> Optional[int]:
        """The 1-based page holding character ``offset`` (None for non-PDFs)."""
        if not self.page_starts:
            return None
        offsets = [o for o, _ in self.page_starts]
        i = bisect.bisect_right(offsets, offset) - 1
        return self.page_starts[max(i, 0)][1]


SectionKind = Literal["preamble", "part", "section", "column", "table", "note"]


@dataclass(frozen=True)
class Section:
    """A node of the heading tree with the span of text it governs."""

    kind: SectionKind
    heading: str  # the heading as printed ("专栏 5：职业教育教材建设", "（四）全面提升人才培养质量")
    path: tuple[str, ...]  # headings from the top, this one included
    start: int  # offset of the heading
    body_start: int  # offset where the body text begins
    end: int
    column: Optional[int] = None
    column_title: Optional[str] = None


@dataclass(frozen=True)
class IndicatorRow:
    """One row of the plan's indicator table, values exactly as printed."""

    doc_id: str
    dimension: str
    indicator: str  # full name with unit, e.g. "中职学校在校生人数（万人）"
    level: Optional[str]  # "中职", "高职" or None
    baseline_2020: str  # "-" where the source has none
    target_2025: str
    unit: str  # "%", "万人", "元", "所", "个"
    note: str  # the table's note without "注：", e.g. "以上指标均为预期性指标"
    quote: str  # the row as it stands in the document text
    start: int
    end: int
    page: Optional[int]
    section: tuple[str, ...]

    def display(self) -> str:
        parts = [self.indicator]
        if self.level:
            parts.append(self.level)
        parts.append(f"2020年 {self.baseline_2020}")
        parts.append(f"2025年 {self.target_2025}")
        return " · ".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "dimension": self.dimension,
            "indicator": self.indicator,
            "level": self.level,
            "baseline_2020": self.baseline_2020,
            "target_2025": self.target_2025,
            "unit": self.unit,
        }


@dataclass(frozen=True)
class Chunk:
    """A verbatim span of one document, inside one section."""

    chunk_id: str
    doc_id: str
    doc_title: str
    section: tuple[str, ...]
    column: Optional[int]
    column_title: Optional[str]
    page: Optional[int]
    start: int
    end: int
    text: str
    kind: str = "text"  # "text" or "table"

    def to_metadata(self) -> dict[str, Any]:
        """Flat metadata for Chroma (scalars only)."""
        return {
            "doc_id": self.doc_id,
            "doc_title": self.doc_title,
            "section": "\u241f".join(self.section),
            "column": self.column if self.column is not None else -1,
            "column_title": self.column_title or "",
            "page": self.page if self.page is not None else -1,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
        }


@dataclass(frozen=True)
class ParsedDocument:
    """Everything ingest learns from one file."""

    document: Document
    sections: tuple[Section, ...]
    chunks: tuple[Chunk, ...]
    indicators: tuple[IndicatorRow, ...]


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with the score and rank of the retriever that found it."""

    chunk: Chunk
    score: float
    source: str  # "bm25", "dense", "hybrid"


CitationKind = Literal["text", "indicator"]


@dataclass(frozen=True)
class Citation:
    n: int
    kind: CitationKind
    doc: str
    section: tuple[str, ...]
    page: Optional[int]
    quote: str
    display: str
    doc_id: str = ""
    start: int = -1  # offset of the quote in the document text
    end: int = -1

    def to_json(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "kind": self.kind,
            "doc": self.doc,
            "section": list(self.section),
            "page": self.page,
            "quote": self.quote,
            "display": self.display,
        }


Mode = Literal["extractive", "llm", "draft"]


@dataclass(frozen=True)
class Answer:
    question: str
    answer: str
    found: bool
    mode: Mode
    citations: tuple[Citation, ...] = ()
    warnings: tuple[str, ...] = ()
    closest: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answer": self.answer,
            "found": self.found,
            "mode": self.mode,
            "warnings": list(self.warnings),
            "closest": list(self.closest),
            "citations": [c.to_json() for c in self.citations],
        }


@dataclass(frozen=True)
class Turn:
    """One earlier exchange of a conversation."""

    question: str
    answer: str
    citations: tuple[Citation, ...] = ()


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    chunks: int = 0  # chunks written in this run
    total_chunks: int = 0  # chunks in the store afterwards
    seconds: float = 0.0
    rebuilt: bool = False

    @property
    def ok(self) -> bool:
        return not self.failed

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
