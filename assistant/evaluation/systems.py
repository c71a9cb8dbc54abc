"""The four systems under evaluation, behind one interface.

Each takes a question and its history and returns a :class:`Reply`: the answer
text, whether it answered, the quotes it cites (with their document offsets,
so they can be checked verbatim), the evidence it ranked (for retrieval
metrics) and how long the call took.

- ``assistant``: the real assistant, extractive mode.
- ``bm25`` / ``dense``: the assistant's own lexical index / dense search; the
  answer is the top chunk, cited by that chunk.
- ``naive``: what a user builds from a LangChain tutorial: 500/50 recursive
  splitting, the same embedding model, Chroma, top 4, top chunk as the answer.

Baselines see the history as a naive pipeline would: the earlier questions
glued in front of the new one. They refuse only when they retrieve nothing.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from typing import Any, Mapping, Protocol, Sequence

from .metrics import MRR_DEPTH

History = Sequence[Sequence[str]]  # [[question, answer], …]

NAIVE_CHUNK_SIZE = 500
NAIVE_CHUNK_OVERLAP = 50
NAIVE_TOP_K = 4


@dataclass(frozen=True)
class Quote:
    """One cited passage: ``text`` should equal ``document[start:end]``."""

    text: str
    doc_id: str
    start: int
    end: int
    label: str = ""  # what is shown with it (section headings; an indicator row's display)
    evidence: str = ""  # the text that counts for the gold span ("" → ``text``)
    kind: str = "text"  # "text", "indicator" (a row of the indicator table) or "chunk"

    def evidence_text(self) -> str:
        return self.evidence or self.text


@dataclass(frozen=True)
class Reply:
    answer: str
    found: bool
    quotes: tuple[Quote, ...]
    ranked: tuple[str, ...]  # evidence texts in rank order (citations first, then chunks)
    latency_ms: float

    @property
    def shown(self) -> str:
        """The answer as a user sees it: the text and the labels of its sources."""
        labels = [q.label for q in self.quotes if q.label]
        return "\n".join([self.answer, *labels])


class System(Protocol):
    name: str
    ingest_ms: float | None

    def run(self, question: str, history: History) -> Reply: ...


def quote_verified(quote: Quote, sources: Mapping[str, str]) -> bool:
    """Is the quote a verbatim span of its document text at its offsets?"""
    text = sources.get(quote.doc_id)
    if text is None or not quote.text:
        return False
    if not 0 <= quote.start <= quote.end <= len(text):
        return False
    return text[quote.start : quote.end] == quote.text


def baseline_query(question: str, history: History) -> str:
    """A naive pipeline's follow-up handling: earlier questions, then this one."""
    return " ".join([*(turn[0] for turn in history if turn and turn[0]), question]).strip()


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000.0


# -- the assistant -----------------------------------------------------------------


class AssistantSystem:
    name = "assistant"

    def __init__(self, assistant: Any, ingest_ms: float | None):
        self.assistant = assistant
        self.ingest_ms = ingest_ms
        # Remember the last query vector the assistant computed, so the chunks it
        # retrieved can be listed afterwards without embedding the query twice.
        self._last_query: tuple[str, list[float]] | None = None
        embedder = assistant.embedder
        compute = embedder.embed_query

        def recording_embed_query(text: str) -> list[float]:
            vector = compute(text)
            self._last_query = (text, vector)
            return vector

        embedder.embed_query = recording_embed_query

    def close(self) -> None:
        """Stop recording (the embedder's own method shows through again)."""
        self.assistant.embedder.__dict__.pop("embed_query", None)

    def run(self, question: str, history: History) -> Reply:
        from ..answer.context import parse_history, resolve
        from ..retrieval.hybrid import fuse
        from ..service import clean_question

        turns = parse_history([list(t) for t in history])
        self._last_query = None
        started = time.perf_counter()
        answer = self.assistant.ask(question, turns, mode="extractive")
        latency = _ms(started)

        quotes = []
        for c in answer.citations:
            section = " > ".join(c.section)
            if c.kind == "indicator":
                label = f"{section}\n{c.display}" if section else c.display
                evidence = f"{c.quote}\n{c.display}"
            else:
                label, evidence = section, ""
            quotes.append(Quote(c.quote, c.doc_id, c.start, c.end, label, evidence, c.kind))

        # The chunks it retrieved: the same resolution and fusion as its chain (not timed).
        settings = self.assistant.settings
        retriever = self.assistant.retriever
        search = resolve(clean_question(question, settings.max_question_chars), turns).search_text
        last = self._last_query
        vector = last[1] if last is not None and last[0] == search else self.assistant.embedder.embed_query(search)
        hits = fuse([retriever.bm25(search, retriever.depth), retriever.dense_by_vector(vector, retriever.depth)], settings.top_k)
        ranked = tuple(q.evidence_text() for q in quotes) + tuple(h.chunk.text for h in hits)
        return Reply(answer.answer, answer.found, tuple(quotes), ranked, latency)


# -- the assistant's own retrievers, top chunk as answer --------------------------------


class _ChunkBaseline:
    name = ""

    def __init__(self, retriever: Any, ingest_ms: float | None, depth: int = MRR_DEPTH):
        self.retriever = retriever
        self.ingest_ms = ingest_ms
        self.depth = depth

    def _search(self, query: str, k: int) -> list:
        raise NotImplementedError

    def run(self, question: str, history: History) -> Reply:
        query = baseline_query(question, history)
        started = time.perf_counter()
        hits = self._search(query, self.depth)
        latency = _ms(started)
        if not hits:
            return Reply("", False, (), (), latency)
        top = hits[0].chunk
        quote = Quote(top.text, top.doc_id, top.start, top.end, " > ".join(top.section), kind="chunk")
        return Reply(top.text, True, (quote,), tuple(h.chunk.text for h in hits), latency)


class BM25System(_ChunkBaseline):
    name = "bm25"

    def _search(self, query: str, k: int) -> list:
        return self.retriever.bm25(query, k)


class DenseSystem(_ChunkBaseline):
    name = "dense"

    def _search(self, query: str, k: int) -> list:
        return self.retriever.dense(query, k)


# -- the naive LangChain pipeline ----------------------------------------------------


def langchain_embeddings(embedder: Any):
    """Our Embedder as a LangChain ``Embeddings`` (it adds the e5 prefixes itself)."""
    from langchain_core.embeddings import Embeddings

    class AssistantEmbeddings(Embeddings):
        def __init__(self, inner: Any):
            self.inner = inner

        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            return self.inner.embed_passages(list(texts))

        def embed_query(self, text: str) -> list[float]:
            return self.inner.embed_query(text)

    return AssistantEmbeddings(embedder)


class NaiveLangChainSystem:
    """RecursiveCharacterTextSplitter(500, 50) → Chroma (in memory) → top 4 → top chunk."""

    name = "naive"

    def __init__(self, sources: Mapping[str, str], titles: Mapping[str, str], embedder: Any):
        from chromadb.config import Settings as ChromaSettings
        from langchain_chroma import Chroma
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        self.sources = dict(sources)
        started = time.perf_counter()
        self.splitter = RecursiveCharacterTextSplitter(
            chunk_size=NAIVE_CHUNK_SIZE, chunk_overlap=NAIVE_CHUNK_OVERLAP, add_start_index=True
        )
        doc_ids = sorted(self.sources)
        self.documents = self.splitter.create_documents(
            [self.sources[d] for d in doc_ids],
            metadatas=[{"doc_id": d, "source": titles.get(d, d)} for d in doc_ids],
        )
        # No persist_directory: an ephemeral in-memory client, telemetry off.
        self.vectorstore = Chroma.from_documents(
            self.documents,
            embedding=langchain_embeddings(embedder),
            collection_name=f"naive_{uuid.uuid4().hex[:12]}",
            client_settings=ChromaSettings(anonymized_telemetry=False),
        )
        self.retriever = self.vectorstore.as_retriever(search_kwargs={"k": NAIVE_TOP_K})
        self.ingest_ms: float | None = _ms(started)

    def retrieve(self, query: str) -> list:
        return self.retriever.invoke(query)

    def run(self, question: str, history: History) -> Reply:
        query = baseline_query(question, history)
        started = time.perf_counter()
        docs = self.retrieve(query)
        latency = _ms(started)
        if not docs:
            return Reply("", False, (), (), latency)
        top = docs[0]
        start = int(top.metadata.get("start_index", -1))
        quote = Quote(
            top.page_content, str(top.metadata.get("doc_id", "")), start, start + len(top.page_content), kind="chunk"
        )
        return Reply(top.page_content, True, (quote,), tuple(d.page_content for d in docs), latency)

    def close(self) -> None:
        try:
            self.vectorstore.delete_collection()
        except Exception:
            pass  # in memory anyway
