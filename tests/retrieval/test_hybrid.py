"""Reciprocal-rank fusion and the hybrid retriever on the real plan (assistant/retrieval/hybrid.py)."""

from __future__ import annotations

import pytest

from assistant.retrieval.hybrid import RRF_K, fuse
from assistant.types import Chunk, Hit


def _hit(cid: str, source: str) -> Hit:
    chunk = Chunk(chunk_id=cid, doc_id="d", doc_title="t", section=("s",), column=None, column_title=None,
                  page=None, start=0, end=1, text=cid)
    return Hit(chunk, 0.0, source)


def test_fusion_scores_are_the_sum_of_reciprocal_ranks():
    lexical = [_hit("a", "bm25"), _hit("b", "bm25"), _hit("c", "bm25")]
    dense = [_hit("c", "dense"), _hit("a", "dense")]
    fused = fuse([lexical, dense], k=3)
    assert [h.chunk.chunk_id for h in fused] == ["a", "c", "b"]
    assert fused[0].score == pytest.approx(1 / (RRF_K + 1) + 1 / (RRF_K + 2))
    assert fused[1].score == pytest.approx(1 / (RRF_K + 3) + 1 / (RRF_K + 1))
    assert fused[2].score == pytest.approx(1 / (RRF_K + 2))
    assert all(h.source == "hybrid" for h in fused)


def test_fusion_breaks_ties_by_first_appearance_and_cuts_at_k():
    fused = fuse([[_hit("x", "bm25")], [_hit("y", "dense")]], k=1)
    assert [h.chunk.chunk_id for h in fused] == ["x"]
    assert fuse([[], []], k=5) == []


def test_hybrid_search_on_the_real_plan(assistant):
    sections = [h.chunk.section[-1] for h in assistant.retriever.search("活页式教材", 3)]
    assert sections == ["（八）强化职业教育数字化支撑", "专栏 5：职业教育教材建设", "（四）全面提升人才培养质量"]
    # Dense alone finds a paraphrase BM25 has no word for.
    dense = assistant.retriever.dense("老人家上老年大学", 3)
    assert "（七）提升职业院校社会服务能力" in [h.chunk.section[-1] for h in dense]
