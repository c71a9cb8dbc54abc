"""Sentence vectors for the answer layer: dense similarity of each candidate clause.

Lexical coverage misses paraphrases (企业干过几年 → 企业工作经历); a sentence's
own embedding catches them. Vectors are computed once per catalog and cached
in the store, named by a hash of the chunks they cover.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from pathlib import Path
from typing import Sequence

from ..types import Chunk
from .embeddings import Embedder

CACHE_PREFIX = "sentences-"


def sentence_spans(chunk: Chunk) -> list[tuple[int, int]]:
    """(start, end) document offsets of the sentences of a chunk (same rule as the answer layer)."""
    from ..answer.evidence import split_sentences

    return [(s.start, s.end) for s in split_sentences(chunk, 0)]


class SentenceIndex:
    """Vectors for every sentence of the store's text chunks, keyed by (doc_id, start)."""

    def __init__(self, keys: list[tuple[str, int]], texts: list[str], matrix):
        self.keys = keys
        self.texts = texts
        self.matrix = matrix  # numpy float32, one row per sentence, L2-normalized
        self.row = {key: i for i, key in enumerate(keys)}

    @classmethod
    def load_or_build(cls, store_dir: Path, chunks: Sequence[Chunk], embedder: Embedder, fingerprint: str) -> "SentenceIndex":
        keys: list[tuple[str, int]] = []
        texts: list[str] = []
        for chunk in chunks:
            if chunk.kind == "table":
                continue
            heading = " ".join(chunk.section[-1:])
            for start, end in sentence_spans(chunk):
                keys.append((chunk.doc_id, start))
                local = chunk.text[start - chunk.start : end - chunk.start]
                texts.append(f"{heading}：{local}" if heading else local)
        matrix = cached_vectors(Path(store_dir), CACHE_PREFIX, texts, embedder, fingerprint)
        return cls(keys, texts, matrix)

    def similarities(self, query_vector: Sequence[float]):
        import numpy as np

        if not len(self.keys):
            return np.zeros(0, dtype=np.float32)
        return self.matrix @ np.asarray(query_vector, dtype=np.float32)

    def top(self, query_vector: Sequence[float], k: int) -> list[tuple[tuple[str, int], float]]:
        sims = self.similarities(query_vector)
        order = sims.argsort()[::-1][:k]
        return [(self.keys[i], float(sims[i])) for i in order]


def cached_vectors(store_dir: Path, prefix: str, texts: list[str], embedder: Embedder, fingerprint: str):
    """Passage vectors of ``texts``, cached as ``<store>/<prefix><hash>.npz``.

    Rows of the previous cache whose text is unchanged are reused, so a small
    edit to one document re-embeds only the sentences it touched.
    """
    import numpy as np

    digest = hashlib.sha256(("\x1f".join(texts) + fingerprint).encode()).hexdigest()[:16]
    path = store_dir / f"{prefix}{digest}.npz"
    previous: dict[str, object] = {}
    for old in sorted(store_dir.glob(f"{prefix}*.npz")):
        try:
            with np.load(old) as data:
                if str(data["fingerprint"]) != fingerprint:
                    continue
                if old == path and data["vectors"].shape[0] == len(texts):
                    return data["vectors"]
                previous.update(zip((str(t) for t in data["texts"]), data["vectors"]))
        except (OSError, ValueError, KeyError):
            continue  # a damaged cache is recomputed
    missing = [t for t in dict.fromkeys(texts) if t not in previous]
    if missing:
        previous.update(zip(missing, np.asarray(embedder.embed_passages(missing, batch_size=32), dtype=np.float32)))
    matrix = np.stack([previous[t] for t in texts]).astype(np.float32) if texts else np.zeros((0, 1), np.float32)
    _save(path, matrix, texts, fingerprint)
    for old in store_dir.glob(f"{prefix}*.np[yz]"):
        if old != path:
            old.unlink(missing_ok=True)
    return matrix


def _save(path: Path, matrix, texts: list[str], fingerprint: str) -> None:
    import numpy as np

    buffer = io.BytesIO()
    np.savez(buffer, vectors=matrix, texts=np.array(texts, dtype=object).astype(str), fingerprint=np.array(fingerprint))
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".vectors.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(buffer.getvalue())
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)  # a read-only store still answers, just recomputes next time


def build_sentence_vectors(
    store_dir: Path, catalog, embedder: Embedder, chunks: Sequence[Chunk] | None = None
) -> tuple[SentenceIndex, dict[str, list[float]]]:
    """Sentence vectors and indicator-name vectors of a committed catalog (cached in the store).

    Ingest calls this after committing so the first question after an ingest
    does not pay for it; the Assistant calls it to load them.
    """
    from ..answer.indicators import indicator_core

    chunks = catalog.chunk_objects() if chunks is None else chunks
    sentences = SentenceIndex.load_or_build(store_dir, chunks, embedder, catalog.fingerprint)
    names = sorted({r["indicator"] for r in catalog.indicators})
    matrix = cached_vectors(Path(store_dir), "indicators-", [indicator_core(n) for n in names], embedder, catalog.fingerprint)
    return sentences, {name: [float(x) for x in row] for name, row in zip(names, matrix)}
