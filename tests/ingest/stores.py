"""Helpers for tests that build, copy and inspect real stores."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from renderings import PLAN_TXT, make_encrypted_pdf, make_image_only_pdf, make_text_pdf

from assistant.catalog import load_catalog
from assistant.settings import Settings

PLAN_TEXT = PLAN_TXT.read_text(encoding="utf-8")


def settings_for(tmp: Path, corpus: Path | None = None, **overrides) -> Settings:
    """Settings for a store under ``tmp`` (the model cache stays the user's: built once)."""
    return Settings.from_env(env={}, store_dir=tmp / "store", corpus_dir=corpus or tmp / "corpus", **overrides)


def share_model(monkeypatch, embedder) -> None:
    """Make every Embedder of ``embedder``'s model reuse its loaded model (loading costs seconds)."""
    from assistant.retrieval.embeddings import Embedder

    real_load = Embedder._load
    model = embedder._load()
    key = (embedder.settings.embedding_model, embedder.settings.cache_dir)

    def load(self):
        if (self.settings.embedding_model, self.settings.cache_dir) == key:
            self._model = model
            return model
        return real_load(self)

    monkeypatch.setattr(Embedder, "_load", load)


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


def bad_corpus_files(folder: Path, scratch: Path) -> dict[str, str]:
    """Write one file of each bad kind; name → words its reason must contain."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "slides.pptx").write_bytes(b"PK\x03\x04 not really")
    (folder / "corrupt.pdf").write_bytes(os.urandom(4096))
    scratch.mkdir(parents=True, exist_ok=True)
    tmp_pdf = make_text_pdf(scratch / "plain.pdf", [["需要密码才能打开的文件。"]])
    make_encrypted_pdf(tmp_pdf, folder / "encrypted.pdf")
    make_image_only_pdf(folder / "scan.pdf")
    (folder / "undecodable.txt").write_bytes("职业教育".encode() + bytes(range(128, 256)) * 4)
    (folder / "corrupt.docx").write_bytes(os.urandom(1500))
    return {
        "empty.txt": "file is empty",
        "slides.pptx": "unsupported file type .pptx",
        "corrupt.pdf": "corrupt or unreadable PDF",
        "encrypted.pdf": "encrypted",
        "scan.pdf": "no text layer",
        "undecodable.txt": "cannot decode",
        "corrupt.docx": "corrupt or unreadable DOCX",
    }
