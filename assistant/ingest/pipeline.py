"""Incremental, crash-safe ingest: corpus files → parsed documents → Chroma + catalog.

Order of writes: vectors first, then the catalog (the commit point), then
sweeping what the new catalog no longer names. Whatever is interrupted, the
last committed catalog still describes a complete, queryable store.
"""

from __future__ import annotations

import hashlib
import re
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Optional

from ..catalog import (
    Catalog,
    DocumentEntry,
    chunk_to_dict,
    commit_catalog,
    load_catalog,
    save_document_text,
    sweep_document_files,
)
from ..errors import DocumentError, StoreError
from ..settings import Settings
from ..types import IngestReport, ParsedDocument
from ..retrieval.embeddings import Embedder
from ..retrieval.lexical import index_tokens
from ..retrieval.store import VectorStore
from .chunking import chunk_document, index_text
from .indicators import is_indicator_table, parse_indicator_table
from .lock import store_write_lock
from .readers import SUPPORTED_SUFFIXES, file_hash, read_source, unsupported_reason
from .repair import build_document
from .structure import parse_sections

# progress(stage, done, total, label)
Progress = Callable[[str, int, int, str], None]


def _no_progress(stage: str, done: int, total: int, label: str) -> None:
    return None


def parse_document(path: Path, doc_id: str, rel_path: str, settings: Settings) -> ParsedDocument:
    """Read, repair and structure one file; raises DocumentError."""
    raw = read_source(path)
    document = build_document(raw, doc_id, rel_path)
    if not document.text.strip():
        raise DocumentError(str(path), "contains no text after removing page furniture")
    sections = parse_sections(document)
    chunks = chunk_document(document, sections, settings.chunk_max_chars)
    if not chunks:
        raise DocumentError(str(path), "no text to index")
    indicators = tuple(
        row for s in sections if s.kind == "table" and is_indicator_table(document, s) for row in parse_indicator_table(document, s)
    )
    return ParsedDocument(document, sections, chunks, indicators)


def doc_id_for(path: Path, corpus_dir: Path) -> tuple[str, str]:
    """(doc_id, stored path): corpus-relative for corpus files, absolute otherwise."""
    resolved = path.resolve()
    try:
        rel = resolved.relative_to(corpus_dir.resolve()).as_posix()
        stem = rel.rsplit(".", 1)[0]
        return _slug(stem), rel
    except ValueError:
        digest = hashlib.sha256(str(resolved).encode()).hexdigest()[:6]
        return f"{_slug(resolved.stem)}-{digest}", str(resolved)


def _slug(text: str) -> str:
    slug = re.sub(r"[^\w\u4e00-\u9fff]+", "-", text.lower()).strip("-")
    return slug or "document"


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Expand folders; unsupported or missing paths become (path, reason) failures.

    A file named twice (directly, or also through its folder) is taken once.
    """
    files: list[Path] = []
    failures: list[tuple[str, str]] = []
    taken: set[Path] = set()

    def take(path: Path) -> None:
        key = path.resolve()
        if key not in taken:
            taken.add(key)
            files.append(path)

    for path in paths:
        if not path.exists():
            failures.append((str(path), "no such file or directory"))
        elif path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    if child.suffix.lower() in SUPPORTED_SUFFIXES:
                        take(child)
                    elif child.resolve() not in taken:
                        failures.append((str(child), unsupported_reason(child)))
        else:
            take(path)
    return files, failures


def ingest(
    settings: Settings,
    paths: Optional[list[Path]] = None,
    progress: Progress = _no_progress,
    embedder: Optional[Embedder] = None,
) -> IngestReport:
    """Sync the store with the corpus (paths=None) or add/replace just ``paths``."""
    started = time.perf_counter()
    store_dir = Path(settings.store_dir)
    report = IngestReport()
    with store_write_lock(store_dir):
        try:
            old = load_catalog(store_dir)
            damaged = False
        except StoreError:
            # An unreadable or older catalog names nothing usable: build the store
            # anew (what every error message about it tells the user to do).
            old, damaged = Catalog(), True
        fingerprint = settings.index_fingerprint()
        rebuild = damaged or (not old.empty and old.fingerprint != fingerprint)
        report.rebuilt = rebuild
        base = Catalog(store_id=old.store_id) if rebuild else old
        base.fingerprint = fingerprint
        base.model = settings.embedding_model
        base.collection = f"chunks_{fingerprint}_{base.store_id}"

        sync = paths is None
        corpus_dir = Path(settings.corpus_dir)
        if sync and not corpus_dir.is_dir():
            raise StoreError(f"corpus folder {corpus_dir} does not exist")
        targets, failures = discover([corpus_dir] if sync else paths)
        report.failed.extend(failures)
        # Documents already in the store that this run must look at again: on a
        # sync, those ingested from outside the corpus (refreshed if changed);
        # on a rebuild, every one (their vectors must be made anew).
        named = {t.resolve() for t in targets}
        lost: set[str] = set()
        for doc_id, entry in old.documents.items():
            outside = Path(entry.path).is_absolute()
            if sync and not outside:
                continue  # discover() finds the corpus files
            if not (sync or rebuild):
                continue  # adding/replacing named files leaves the others as they are
            source = Path(entry.path) if outside else corpus_dir / entry.path
            if source.exists():
                if source.resolve() not in named:
                    targets.append(source)
                    named.add(source.resolve())
            elif rebuild:
                lost.add(doc_id)
                if not sync:
                    report.failed.append(
                        (str(source), f"source of {doc_id} is gone, so it cannot be re-indexed for the new settings; dropped")
                    )

        parsed: list[ParsedDocument] = []
        seen: set[str] = set()  # ids of every file found (a failed one keeps its old version)
        claimed: dict[str, Path] = {}  # id → the file that provides it this run
        for i, path in enumerate(targets):
            progress("read", i, len(targets), path.name)
            doc_id, rel = doc_id_for(path, corpus_dir)
            seen.add(doc_id)
            try:
                if doc_id in claimed:
                    # Read it anyway: a broken file is reported for what is wrong with it.
                    read_source(path)
                    raise DocumentError(str(path), f"another file ({claimed[doc_id].name}) already maps to document id {doc_id}")
                current = base.documents.get(doc_id)
                if current is not None and current.content_hash == file_hash(path.read_bytes()):
                    report.unchanged.append(doc_id)
                    claimed[doc_id] = path
                    continue
                parsed.append(parse_document(path, doc_id, rel, settings))
                claimed[doc_id] = path
            except (DocumentError, OSError) as exc:
                if isinstance(exc, DocumentError):
                    where, reason = exc.path, exc.reason
                else:
                    where, reason = str(path), f"cannot read ({exc.strerror or exc})"
                if rebuild and doc_id in old.documents and doc_id not in claimed:
                    # Its old vectors belong to the old settings: it cannot stay.
                    reason += "; its previous version was dropped with the old index"
                report.failed.append((where, reason))
        progress("read", len(targets), len(targets), "")

        removed: set[str] = set(lost)
        if sync:
            for doc_id, entry in old.documents.items():
                in_corpus = not Path(entry.path).is_absolute()
                gone = doc_id not in seen if in_corpus else not Path(entry.path).exists()
                if gone:
                    removed.add(doc_id)
        # A document that failed to parse keeps its previous version (nothing is lost).
        replaced = {p.document.doc_id for p in parsed if p.document.doc_id in old.documents}
        new = base.without(removed | replaced)

        store = VectorStore(settings, embedder or Embedder(settings))
        all_chunks = [c for p in parsed for c in p.chunks]
        # A chunk id names its document, heading path and text, so a vector the
        # collection already holds for that id is the vector it would get again.
        known = store.vectors(base.collection, [c.chunk_id for c in all_chunks]) if all_chunks else {}
        todo = [c for c in all_chunks if c.chunk_id not in known]
        fresh: dict[str, list[float]] = {}
        batch = 16
        for i in range(0, len(todo), batch):
            progress("embed", i, len(todo), "")
            part = todo[i : i + batch]
            fresh.update(zip((c.chunk_id for c in part), store.embedder.embed_passages([index_text(c) for c in part])))
        progress("embed", len(todo), len(todo), "")
        if all_chunks:
            vectors = [fresh[c.chunk_id] if c.chunk_id in fresh else known[c.chunk_id] for c in all_chunks]
            store.upsert(base.collection, all_chunks, vectors)
        else:
            store.collection(base.collection)  # create it so an empty store still opens

        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        for p in parsed:
            doc = p.document
            text_file = save_document_text(store_dir, doc, p.sections)
            new.documents[doc.doc_id] = DocumentEntry(
                doc.doc_id, doc.title, doc.path, doc.content_hash, doc.pages, len(p.chunks), now, text_file
            )
            tokens = index_tokens(index_text(c) for c in p.chunks)
            new.chunks.extend(chunk_to_dict(c, t) for c, t in zip(p.chunks, tokens))
            new.indicators.extend({**r.to_json(), **_row_extras(r)} for r in p.indicators)
            new.columns.extend(
                {"doc_id": doc.doc_id, "n": s.column, "title": s.column_title, "section": list(s.path)}
                for s in p.sections
                if s.kind == "column"
            )
        commit_catalog(store_dir, new)

        # Committed: now sweep what nothing names any more.
        live = {c["chunk_id"] for c in new.chunks}
        try:
            stale = store.ids(base.collection) - live
            if stale:
                store.delete(base.collection, sorted(stale))
            if rebuild and old.collection and old.collection != base.collection:
                store.drop(old.collection)
        except StoreError:
            pass  # orphans are invisible to retrieval and swept next time
        sweep_document_files(store_dir, new)
        if new.chunks and (parsed or removed):
            from ..retrieval.sentences import build_sentence_vectors

            progress("sentence-vectors", 0, 1, "")
            build_sentence_vectors(store_dir, new, store.embedder)
            progress("sentence-vectors", 1, 1, "")

        for p in parsed:
            (report.replaced if p.document.doc_id in replaced else report.added).append(p.document.doc_id)
        report.removed = sorted(removed)
        report.chunks = len(all_chunks)
        report.total_chunks = len(new.chunks)
    report.seconds = time.perf_counter() - started
    return report


def _row_extras(row) -> dict:
    return {"note": row.note, "quote": row.quote, "start": row.start, "end": row.end, "page": row.page, "section": list(row.section)}


def remove_document(settings: Settings, doc_id: str) -> str:
    """Remove one document from the store; returns its title."""
    store_dir = Path(settings.store_dir)
    with store_write_lock(store_dir):
        old = load_catalog(store_dir)
        if doc_id not in old.documents:
            known = ", ".join(sorted(old.documents)) or "none"
            raise StoreError(f"no document with id {doc_id!r} in {store_dir} (known: {known})")
        title = old.documents[doc_id].title
        new = old.without({doc_id})
        commit_catalog(store_dir, new)
        gone = [c["chunk_id"] for c in old.chunks if c["doc_id"] == doc_id]
        try:
            VectorStore(settings, Embedder(settings)).delete(old.collection, gone)
        except StoreError:
            pass
        sweep_document_files(store_dir, new)
    return title
