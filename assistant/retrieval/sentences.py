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
        import numpy as np

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
        digest = hashlib.sha256(("\x1f".join(texts) + fingerprint).encode()).hexdigest()[:16]
        path = Path(store_dir) / f"{CACHE_PREFIX}{digest}.npy"
        matrix = None
        if path.exists():
            try:
                matrix = np.load(path)
                if matrix.shape[0] != len(texts):
                    matrix = None
            except (OSError, ValueError):
                matrix = None
        if matrix is None:
            matrix = np.asarray(embedder.embed_passages(texts, batch_size=32), dtype=np.float32) if texts else np.zeros((0, 1), np.float32)
            _save(path, matrix)
            for old in Path(store_dir).glob(f"{CACHE_PREFIX}*.npy"):
                if old != path:
                    old.unlink(missing_ok=True)
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


def _save(path: Path, matrix) -> None:
    import numpy as np

    buffer = io.BytesIO()
    np.save(buffer, matrix)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".sentences.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(buffer.getvalue())
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)  # a read-only store still answers, just recomputes next time
