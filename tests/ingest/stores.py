"""Helpers for tests that build, copy and inspect real stores."""

from __future__ import annotations

import shutil
from pathlib import Path

from renderings import PLAN_TXT

from assistant.catalog import load_catalog
from assistant.settings import Settings

PLAN_TEXT = PLAN_TXT.read_text(encoding="utf-8")


def settings_for(tmp: Path, corpus: Path | None = None, **overrides) -> Settings:
    """Settings for a store under ``tmp`` (the model cache stays the user's: built once)."""
    return Settings.from_env(env={}, store_dir=tmp / "store", corpus_dir=corpus or tmp / "corpus", **overrides)


def clone_store(settings: Settings, tmp: Path) -> Settings:
    """A copy of a store and its corpus that a test may change freely."""
    tmp.mkdir(parents=True, exist_ok=True)
    shutil.copytree(settings.store_dir, tmp / "store")
    shutil.copytree(settings.corpus_dir, tmp / "corpus")
    return settings.with_(store_dir=tmp / "store", corpus_dir=tmp / "corpus")


def excerpt(first_heading: str, stop_heading: str | None = None) -> str:
    """The plan's text from one heading up to another (or the end)."""
    start = PLAN_TEXT.index(first_heading)
    end = PLAN_TEXT.index(stop_heading, start) if stop_heading else len(PLAN_TEXT)
    return PLAN_TEXT[start:end]


def chroma_ids(settings: Settings) -> set[str]:
    """Chunk ids in the committed catalog's collection, read through a fresh client."""
    from assistant.retrieval.embeddings import Embedder
    from assistant.retrieval.store import VectorStore

    catalog = load_catalog(Path(settings.store_dir))
    return VectorStore(settings, Embedder(settings)).ids(catalog.collection)


def collections(settings: Settings) -> set[str]:
    from assistant.retrieval.embeddings import Embedder
    from assistant.retrieval.store import VectorStore

    client = VectorStore(settings, Embedder(settings)).client
    return {c if isinstance(c, str) else c.name for c in client.list_collections()}


def catalog_ids(settings: Settings, doc_id: str | None = None) -> set[str]:
    catalog = load_catalog(Path(settings.store_dir))
    return {c["chunk_id"] for c in catalog.chunks if doc_id is None or c["doc_id"] == doc_id}
