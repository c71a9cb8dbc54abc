"""The naive LangChain baseline is what a tutorial builds: 500/50 recursive splits, Chroma, top 4."""

from __future__ import annotations

import hashlib
import math
from pathlib import Path

from assistant.evaluation.systems import NaiveLangChainSystem, quote_verified

PLAN_TXT = Path(__file__).resolve().parents[1] / "fixtures" / "zhejiang-vocational-education-plan-2021-2025.txt"


class HashEmbedder:
    """A tiny deterministic stand-in for the e5 Embedder (bag of hashed characters)."""

    dim = 64

    def _vector(self, text: str) -> list[float]:
        v = [0.0] * self.dim
        for ch in text:
            v[int(hashlib.md5(ch.encode()).hexdigest(), 16) % self.dim] += 1.0
        norm = math.sqrt(sum(x * x for x in v)) or 1.0
        return [x / norm for x in v]

    def embed_passages(self, texts):
        return [self._vector(t) for t in texts]

    def embed_query(self, text):
        return self._vector(text)


def test_naive_pipeline_splits_500_50_and_returns_four_docs():
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    text = PLAN_TXT.read_text(encoding="utf-8")
    naive = NaiveLangChainSystem({"plan": text}, {"plan": "规划"}, HashEmbedder())
    try:
        assert isinstance(naive.splitter, RecursiveCharacterTextSplitter)
        assert naive.splitter._chunk_size == 500
        assert naive.splitter._chunk_overlap == 50
        assert len(naive.documents) > len(text) // 500
        assert all(len(d.page_content) <= 500 for d in naive.documents)
        assert naive.ingest_ms is not None and naive.ingest_ms > 0

        docs = naive.retrieve("中职学校在校生人数")
        assert len(docs) == 4

        reply = naive.run("那高职呢？", [["中职学校在校生人数目标？", "76万人"]])
        assert reply.found and len(reply.ranked) == 4
        assert reply.answer == reply.ranked[0]
        assert len(reply.quotes) == 1 and quote_verified(reply.quotes[0], {"plan": text})
    finally:
        naive.close()


def test_naive_embeddings_wrap_the_embedder():
    from langchain_core.embeddings import Embeddings

    from assistant.evaluation.systems import langchain_embeddings

    emb = langchain_embeddings(HashEmbedder())
    assert isinstance(emb, Embeddings)
    assert emb.embed_query("职业教育") == HashEmbedder().embed_query("职业教育")
    assert emb.embed_documents(["a", "b"]) == HashEmbedder().embed_passages(["a", "b"])


def test_assistant_system_lists_the_chunks_its_chain_retrieved(assistant):
    from assistant.evaluation.systems import AssistantSystem

    system = AssistantSystem(assistant, 1.0)
    try:
        question = "中职学校生均公用经费标准要达到普通高中的几倍？"
        reply = system.run(question, [])
        expected = [h.chunk.text for h in assistant.retriever.search(question, assistant.settings.top_k)]
        assert list(reply.ranked[len(reply.quotes):]) == expected
        assert reply.latency_ms > 0
        assert all(quote_verified(q, assistant.knowledge.sources) for q in reply.quotes)
    finally:
        system.close()
    assert "embed_query" not in assistant.embedder.__dict__
