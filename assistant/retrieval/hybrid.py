"""Hybrid retrieval: BM25 and dense hits fused by reciprocal-rank fusion."""

from __future__ import annotations

from typing import Sequence

from ..catalog import Catalog
from ..types import Chunk, Hit
from .embeddings import Embedder
from .lexical import LexicalIndex
from .store import VectorStore

RRF_K = 60


def fuse(rankings: Sequence[Sequence[Hit]], k: int, rrf_k: int = RRF_K) -> list[Hit]:
    """Reciprocal-rank fusion: score = Σ 1/(rrf_k + rank), ties broken by first appearance."""
    scores: dict[str, float] = {}
    chunks: dict[str, Chunk] = {}
    order: dict[str, int] = {}
    for ranking in rankings:
        for rank, hit in enumerate(ranking, start=1):
            cid = hit.chunk.chunk_id
            scores[cid] = scores.get(cid, 0.0) + 1.0 / (rrf_k + rank)
            chunks.setdefault(cid, hit.chunk)
            order.setdefault(cid, len(order))
    best = sorted(scores, key=lambda c: (-scores[c], order[c]))[:k]
    return [Hit(chunks[c], scores[c], "hybrid") for c in best]


class HybridRetriever:
    """BM25 + Chroma over the chunks the committed catalog names."""

    def __init__(self, catalog: Catalog, store: VectorStore, embedder: Embedder, depth: int = 20, chunks=None):
        self.catalog = catalog
        self.store = store
        self.embedder = embedder
        self.depth = depth
        chunks = catalog.chunk_objects() if chunks is None else list(chunks)
        self.chunks = {c.chunk_id: c for c in chunks}
        self.lexical = LexicalIndex(chunks, catalog.chunk_tokens())

    def bm25(self, query: str, k: int) -> list[Hit]:
        return self.lexical.search(query, k)

    def dense(self, query: str, k: int) -> list[Hit]:
        return self.dense_by_vector(self.embedder.embed_query(query), k)

    def dense_by_vector(self, vector, k: int) -> list[Hit]:
        if not self.chunks:
            return []
        # Ask for a few extra: vectors of an interrupted ingest may linger unnamed.
        pairs = self.store.query(self.catalog.collection, vector, min(k + 10, max(len(self.chunks), 1)))
        hits = [Hit(self.chunks[cid], score, "dense") for cid, score in pairs if cid in self.chunks]
        return hits[:k]

    def search(self, query: str, k: int) -> list[Hit]:
        lexical = self.bm25(query, self.depth)
        dense = self.dense(query, self.depth)
        return fuse([lexical, dense], k)
