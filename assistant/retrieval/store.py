"""Chroma, embedded (PersistentClient under the store) or a server (HttpClient).

Always given our own embedding function: Chroma's default one downloads a
model, which fails offline.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence
from urllib.parse import urlparse

from ..errors import StoreError
from ..settings import Settings
from ..types import Chunk
from .embeddings import Embedder


def _chroma_settings():
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False, allow_reset=False)


def _embedding_function(embedder: Embedder):
    from chromadb.api.types import EmbeddingFunction

    class AssistantEmbeddingFunction(EmbeddingFunction):
        """Routes Chroma's embedding calls to our embedder (passages and queries)."""

        def __init__(self, inner: Embedder):
            self.inner = inner

        def __call__(self, input):  # noqa: A002 - Chroma's protocol names it so
            return self.inner.embed_passages(list(input))

        def embed_query(self, input):  # noqa: A002
            return [self.inner.embed_query(t) for t in input]

        @staticmethod
        def name() -> str:
            return "zj_assistant_embedder"

        def get_config(self) -> dict[str, Any]:
            return {"model": self.inner.model_name}

        @staticmethod
        def build_from_config(config: dict[str, Any]):
            raise StoreError("this collection is only usable through the assistant's own embedder")

        def default_space(self):
            return "cosine"

    return AssistantEmbeddingFunction(embedder)


class VectorStore:
    """The dense half of retrieval: chunk vectors in one Chroma collection."""

    def __init__(self, settings: Settings, embedder: Embedder):
        self.settings = settings
        self.embedder = embedder
        self._client = None
        self._collections: dict[str, Any] = {}

    @property
    def client(self):
        if self._client is None:
            import chromadb

            try:
                if self.settings.chroma_url:
                    url = urlparse(self.settings.chroma_url)
                    if not url.hostname:
                        raise StoreError(f"ASSISTANT_CHROMA_URL is not a URL: {self.settings.chroma_url!r}")
                    self._client = chromadb.HttpClient(
                        host=url.hostname,
                        port=url.port or (443 if url.scheme == "https" else 8000),
                        ssl=url.scheme == "https",
                        settings=_chroma_settings(),
                    )
                else:
                    path = Path(self.settings.store_dir) / "chroma"
                    path.mkdir(parents=True, exist_ok=True)
                    self._client = chromadb.PersistentClient(path=str(path), settings=_chroma_settings())
            except StoreError:
                raise
            except Exception as exc:
                where = self.settings.chroma_url or str(self.settings.store_dir)
                raise StoreError(f"cannot open Chroma at {where}: {type(exc).__name__}: {exc}") from None
        return self._client

    def collection(self, name: str):
        if name not in self._collections:
            try:
                import warnings

                # Chroma flags any custom embedding function as "legacy"; ours is deliberate.
                warnings.filterwarnings("ignore", message="legacy embedding function config")
                self._collections[name] = self.client.get_or_create_collection(
                    name=name,
                    embedding_function=_embedding_function(self.embedder),
                    metadata={"hnsw:space": "cosine", "fingerprint": self.settings.index_fingerprint()},
                )
            except Exception as exc:
                raise StoreError(f"cannot open Chroma collection {name!r}: {type(exc).__name__}: {exc}") from None
        return self._collections[name]

    def upsert(self, name: str, chunks: Sequence[Chunk], vectors: Sequence[Sequence[float]], batch: int = 256) -> None:
        col = self.collection(name)
        for i in range(0, len(chunks), batch):
            part = chunks[i : i + batch]
            col.upsert(
                ids=[c.chunk_id for c in part],
                documents=[c.text for c in part],
                metadatas=[c.to_metadata() for c in part],
                embeddings=[list(v) for v in vectors[i : i + batch]],
            )

    def ids(self, name: str) -> set[str]:
        return set(self.collection(name).get(include=[])["ids"])

    def vectors(self, name: str, ids: Sequence[str], batch: int = 512) -> dict[str, list[float]]:
        """The stored vectors of those ``ids`` the collection holds (others are left out)."""
        col = self.collection(name)
        out: dict[str, list[float]] = {}
        ids = list(dict.fromkeys(ids))
        for i in range(0, len(ids), batch):
            got = col.get(ids=ids[i : i + batch], include=["embeddings"])
            embeddings = got.get("embeddings")
            if embeddings is None:
                continue
            for chunk_id, vector in zip(got["ids"], embeddings):
                if vector is not None and len(vector):
                    out[chunk_id] = [float(x) for x in vector]
        return out

    def delete(self, name: str, ids: Sequence[str], batch: int = 512) -> None:
        col = self.collection(name)
        ids = list(ids)
        for i in range(0, len(ids), batch):
            col.delete(ids=ids[i : i + batch])

    def drop(self, name: str) -> None:
        self._collections.pop(name, None)
        try:
            self.client.delete_collection(name)
        except Exception:
            pass  # already gone

    def query(self, name: str, vector: Sequence[float], k: int) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) of the k nearest chunks."""
        col = self.collection(name)
        result = col.query(query_embeddings=[list(vector)], n_results=k, include=["distances"])
        ids = result["ids"][0]
        distances = result["distances"][0]
        return [(i, 1.0 - d) for i, d in zip(ids, distances)]
