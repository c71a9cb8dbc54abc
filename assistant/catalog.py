"""The store's committed catalog: documents, chunks with their BM25 tokens, indicator rows.

``catalog.json`` is the commit point of an ingest: it is replaced atomically,
and only after the vectors it names are in Chroma. Vectors that Chroma holds
but the catalog does not name are invisible to retrieval and swept later, so
an interrupted ingest leaves the previous store fully usable.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .errors import StoreError
from .types import Chunk, Document, IndicatorRow, Section

CATALOG_FILE = "catalog.json"
DOCS_DIR = "docs"
FORMAT_VERSION = 1


@dataclass
class DocumentEntry:
    doc_id: str
    title: str
    path: str  # relative to the corpus, or absolute for files ingested from elsewhere
    content_hash: str
    pages: int | None
    chunks: int
    ingested_at: str
    text_file: str  # under docs/, named by content hash so it is never edited in place


@dataclass
class Catalog:
    fingerprint: str = ""
    model: str = ""
    collection: str = ""
    store_id: str = field(default_factory=lambda: uuid.uuid4().hex[:8])
    documents: dict[str, DocumentEntry] = field(default_factory=dict)
    chunks: list[dict[str, Any]] = field(default_factory=list)  # Chunk fields + "tokens"
    indicators: list[dict[str, Any]] = field(default_factory=list)
    columns: list[dict[str, Any]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.documents

    def chunk_objects(self) -> list[Chunk]:
        return [chunk_from_dict(c) for c in self.chunks]

    def chunk_tokens(self) -> list[list[str]]:
        return [c["tokens"] for c in self.chunks]

    def indicator_rows(self) -> list[IndicatorRow]:
        return [IndicatorRow(**{**r, "section": tuple(r["section"])}) for r in self.indicators]

    def without(self, doc_ids: set[str]) -> "Catalog":
        """A copy with these documents and everything of theirs removed."""
        return Catalog(
            fingerprint=self.fingerprint,
            model=self.model,
            collection=self.collection,
            store_id=self.store_id,
            documents={k: v for k, v in self.documents.items() if k not in doc_ids},
            chunks=[c for c in self.chunks if c["doc_id"] not in doc_ids],
            indicators=[r for r in self.indicators if r["doc_id"] not in doc_ids],
            columns=[c for c in self.columns if c["doc_id"] not in doc_ids],
        )


def chunk_to_dict(chunk: Chunk, tokens: list[str]) -> dict[str, Any]:
    data = asdict(chunk)
    data["section"] = list(chunk.section)
    data["tokens"] = tokens
    return data


def chunk_from_dict(data: dict[str, Any]) -> Chunk:
    fields_ = {k: v for k, v in data.items() if k != "tokens"}
    fields_["section"] = tuple(fields_["section"])
    return Chunk(**fields_)


def load_catalog(store_dir: Path) -> Catalog:
    """The committed catalog, or an empty one if nothing was ever ingested."""
    path = store_dir / CATALOG_FILE
    if not path.exists():
        return Catalog()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StoreError(f"{path} is unreadable ({exc}); run `assistant ingest` to rebuild the store") from None
    if not isinstance(raw, dict) or raw.get("version") != FORMAT_VERSION:
        found = raw.get("version") if isinstance(raw, dict) else type(raw).__name__
        raise StoreError(f"{path} has format {found!r}, expected {FORMAT_VERSION}; re-run `assistant ingest`")
    try:
        return Catalog(
            fingerprint=raw["fingerprint"],
            model=raw["model"],
            collection=raw["collection"],
            store_id=raw["store_id"],
            documents={k: DocumentEntry(**v) for k, v in raw["documents"].items()},
            chunks=list(raw["chunks"]),
            indicators=list(raw["indicators"]),
            columns=list(raw["columns"]),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise StoreError(
            f"{path} is damaged ({type(exc).__name__}: {exc}); run `assistant ingest` to rebuild the store"
        ) from None


def commit_catalog(store_dir: Path, catalog: Catalog) -> None:
    """Replace catalog.json atomically (write, fsync, rename)."""
    data = {
        "version": FORMAT_VERSION,
        "fingerprint": catalog.fingerprint,
        "model": catalog.model,
        "collection": catalog.collection,
        "store_id": catalog.store_id,
        "documents": {k: asdict(v) for k, v in catalog.documents.items()},
        "chunks": catalog.chunks,
        "indicators": catalog.indicators,
        "columns": catalog.columns,
    }
    write_json_atomic(store_dir / CATALOG_FILE, data)


def write_json_atomic(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def document_file_name(document: Document, sections: tuple[Section, ...] = ()) -> str:
    """Named by what the file holds (repaired text and sections, not just the source
    bytes), so a re-parse that changes them writes a new file instead of editing the
    one the committed catalog names."""
    digest = hashlib.sha256(json.dumps(_document_payload(document, sections), ensure_ascii=False).encode()).hexdigest()
    return f"{DOCS_DIR}/{document.doc_id}-{document.content_hash[:12]}-{digest[:12]}.json"


def _document_payload(document: Document, sections: tuple[Section, ...]) -> dict[str, Any]:
    return {
        "doc_id": document.doc_id,
        "title": document.title,
        "text": document.text,
        "page_starts": [list(p) for p in document.page_starts],
        "sections": [
            {"kind": s.kind, "heading": s.heading, "path": list(s.path), "start": s.start, "end": s.end}
            for s in sections
        ],
    }


def save_document_text(store_dir: Path, document: Document, sections: tuple[Section, ...]) -> str:
    """Write the document text (for quote checks and context views); returns its catalog name."""
    name = document_file_name(document, sections)
    path = store_dir / name
    if not path.exists():
        write_json_atomic(path, _document_payload(document, sections))
    return name


def load_document_text(store_dir: Path, entry: DocumentEntry) -> dict[str, Any]:
    path = store_dir / entry.text_file
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StoreError(f"document text {path} is missing or unreadable ({exc}); re-run `assistant ingest`") from None


def sweep_document_files(store_dir: Path, catalog: Catalog) -> None:
    """Delete document text files the committed catalog no longer names."""
    keep = {e.text_file for e in catalog.documents.values()}
    folder = store_dir / DOCS_DIR
    if folder.is_dir():
        for path in folder.glob("*.json"):
            if f"{DOCS_DIR}/{path.name}" not in keep:
                path.unlink(missing_ok=True)
