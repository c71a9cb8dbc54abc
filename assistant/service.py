"""The ``Assistant``: one object the CLI, the app and the evaluation all use.

It loads the committed catalog, builds the retrieval chain as LangChain
runnables (retriever → answer composer), and answers questions.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from pathlib import Path
from typing import Any, Callable, Sequence

from .catalog import Catalog, load_catalog, load_document_text
from .errors import EmptyStoreError, QuestionError, StoreError
from .normalize import normalize
from .settings import Settings
from .types import Answer, IndicatorRow, Turn


def clean_question(raw: Any, max_chars: int) -> str:
    """Strip control characters and whitespace; refuse empty or overlong questions."""
    if not isinstance(raw, str):
        raise QuestionError(f"question must be a string, got {type(raw).__name__}")
    text = "".join(ch if unicodedata.category(ch)[0] != "C" or ch in "\n\t" else " " for ch in raw)
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        raise QuestionError("问题是空的：请输入一个问题")
    if len(text) > max_chars:
        raise QuestionError(f"问题太长（{len(text)} 字）：请控制在 {max_chars} 字以内")
    return text


class Assistant:
    """Answers questions over one store. Thread-safe for concurrent ``ask`` calls."""

    def __init__(self, settings: Settings, log: Callable[[str], None] | None = None, embedder=None):
        from .retrieval.embeddings import Embedder

        self.settings = settings
        self.log = log
        # An already-loaded embedder can be shared (the evaluation, the app's ingest).
        self.embedder = embedder or Embedder(settings, log=log)
        self._lock = threading.RLock()
        self._state: dict[str, Any] | None = None
        self.reload()

    # -- loading -----------------------------------------------------------------

    def reload(self) -> None:
        """Re-read the committed catalog (after an ingest)."""
        from .answer.knowledge import Knowledge
        from .answer.evidence import TermWeights
        from .answer.indicators import IndicatorMatcher
        from .retrieval.hybrid import HybridRetriever
        from .retrieval.sentences import build_sentence_vectors
        from .retrieval.store import VectorStore

        store_dir = Path(self.settings.store_dir)
        catalog = load_catalog(store_dir)
        if catalog.empty:
            raise EmptyStoreError(f"知识库 {store_dir} 里还没有文档：请先运行 `assistant ingest`")
        if catalog.fingerprint != self.settings.index_fingerprint():
            if catalog.model != self.settings.embedding_model:
                raise StoreError(
                    f"知识库 {store_dir} 是用嵌入模型 {catalog.model!r} 建立的，"
                    f"当前设置为 {self.settings.embedding_model!r}：请运行 `assistant ingest` 重建"
                )
            raise StoreError(f"知识库 {store_dir} 的分块或分词设置与当前版本不同：请运行 `assistant ingest` 重建")
        sources: dict[str, str] = {}
        titles: dict[str, str] = {}
        for doc_id, entry in catalog.documents.items():
            sources[doc_id] = load_document_text(store_dir, entry)["text"]
            titles[doc_id] = entry.title
        rows = catalog.indicator_rows()
        chunks = catalog.chunk_objects()  # once: the retriever, caches and composer share them
        sentence_index, vectors = build_sentence_vectors(store_dir, catalog, self.embedder, chunks)
        knowledge = Knowledge(
            sources=sources,
            titles=titles,
            rows=rows,
            matcher=IndicatorMatcher(rows, vectors),
            weights=TermWeights(catalog.chunk_tokens()),
            corpus_norm=normalize("\n".join(sources.values())),
            column_chunks=_column_chunks(chunks),
            sentences=sentence_index,
            chunks=chunks,
        )
        store = VectorStore(self.settings, self.embedder)
        retriever = HybridRetriever(catalog, store, self.embedder, chunks=chunks)
        with self._lock:
            self._state = {"catalog": catalog, "knowledge": knowledge, "retriever": retriever}
            self._chain = self._build_chain()
        # First-use costs (jieba, OpenCC, torch kernels, Chroma) belong to start-up, not to a question.
        self._chain.invoke({"question": "职业教育发展目标", "history": [], "mode": "extractive"})

    @property
    def catalog(self) -> Catalog:
        assert self._state is not None
        return self._state["catalog"]

    @property
    def knowledge(self):
        assert self._state is not None
        return self._state["knowledge"]

    @property
    def retriever(self):
        assert self._state is not None
        return self._state["retriever"]

    def indicators(self) -> list[IndicatorRow]:
        return list(self.knowledge.rows)

    # -- the chain ---------------------------------------------------------------

    def _build_chain(self):
        from langchain_core.runnables import RunnableLambda

        return RunnableLambda(self._retrieve, name="hybrid_retriever") | RunnableLambda(
            self._compose, name="answer_composer"
        )

    def _retrieve(self, inputs: dict[str, Any]) -> dict[str, Any]:
        from dataclasses import replace

        from .answer.context import resolve, without_fillers, without_own_titles

        # "嗯，那……", "……是多少来着": spoken fillers ask nothing; the answer still echoes the question as asked.
        resolved = resolve(without_fillers(inputs["question"]) or inputs["question"], inputs["history"])
        # "根据《浙江省职业教育“十四五”发展规划》，……": the store's own titles are not what is asked.
        titles = list(self.knowledge.titles.values())
        resolved = replace(resolved, search_text=without_own_titles(resolved.search_text, titles))
        retriever = self.retriever
        vector = self.embedder.embed_query(resolved.search_text)
        lexical = retriever.bm25(resolved.search_text, retriever.depth)
        dense = retriever.dense_by_vector(vector, retriever.depth)
        from .retrieval.hybrid import fuse

        hits = fuse([lexical, dense], self.settings.top_k)
        dense_top = dense[0].score if dense else 0.0
        return {**inputs, "resolved": resolved, "hits": hits, "vector": vector, "dense_top": dense_top}

    def _compose(self, state: dict[str, Any]) -> Answer:
        from dataclasses import replace

        from .answer.compose import compose
        from .answer.context import asks_for_source

        history = state["history"]
        if asks_for_source(state["question"], history):
            # Re-derive the previous answer (its citations are re-verified on the way) and cite it.
            from .answer.refusals import source_answer

            previous = self._chain.invoke(
                {"question": history[-1].question, "history": history[:-1], "mode": "extractive"}
            )
            return source_answer(self.knowledge, state["question"], previous)

        answer = compose(self.knowledge, state["resolved"], state["hits"], state["vector"], state["dense_top"])
        answer = replace(answer, question=state["question"])
        if state.get("mode") == "draft":
            from .answer.draft import draft_reply

            return draft_reply(answer)
        if state.get("mode") != "extractive" and self.settings.llm_enabled and answer.found:
            from .answer.llm import llm_answer

            return llm_answer(self.settings, self.knowledge, state, answer)
        return answer

    # -- public API --------------------------------------------------------------

    def ask(self, question: Any, history: Sequence[Turn] | None = None, mode: str = "auto") -> Answer:
        """Answer one question; ``mode`` is "auto" (LLM if configured), "extractive" or "draft"."""
        text = clean_question(question, self.settings.max_question_chars)
        if mode not in ("auto", "extractive", "draft"):
            raise QuestionError(f"mode must be auto, extractive or draft, got {mode!r}")
        return self._chain.invoke({"question": text, "history": list(history or []), "mode": mode})

    def sources(self) -> dict[str, Any]:
        """The shape `assistant sources --json` prints."""
        catalog = self.catalog
        return sources_of(catalog)

    def context(self, doc_id: str, start: int, end: int, radius: int = 240) -> dict[str, Any]:
        """A quote in its surrounding text, for "open the source" views."""
        text = self.knowledge.sources.get(doc_id)
        if text is None or not 0 <= start <= end <= len(text):
            raise StoreError(f"no such passage: {doc_id}[{start}:{end}]")
        a = max(0, text.rfind("\n", 0, max(0, start - radius)) + 1)
        b = text.find("\n", min(len(text), end + radius))
        b = len(text) if b == -1 else b
        return {"before": text[a:start], "quote": text[start:end], "after": text[end:b]}


def _column_chunks(chunks) -> dict[tuple[str, int], list]:
    """(doc_id, 专栏 number) → its chunks: each document numbers its own 专栏."""
    out: dict[tuple[str, int], list] = {}
    for chunk in chunks:
        if chunk.column is not None:
            out.setdefault((chunk.doc_id, chunk.column), []).append(chunk)
    return out


def sources_of(catalog: Catalog) -> dict[str, Any]:
    return {
        "documents": [
            {"doc_id": e.doc_id, "doc": e.title, "path": e.path, "chunks": e.chunks, "pages": e.pages}
            for e in sorted(catalog.documents.values(), key=lambda e: e.path)
        ],
        "columns": [{"doc_id": c["doc_id"], "n": c["n"], "title": c["title"]} for c in catalog.columns],
        "indicators": [
            {k: r[k] for k in ("doc_id", "dimension", "indicator", "level", "baseline_2020", "target_2025", "unit")}
            for r in catalog.indicators
        ],
    }
