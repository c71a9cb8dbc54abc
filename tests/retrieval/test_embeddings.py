"""The embedder: prefixes, normalization, and the fast query path agreeing with sentence-transformers."""

from __future__ import annotations

import math

import pytest

from assistant.retrieval.embeddings import Embedder
from assistant.settings import Settings

QUERIES = ["中职双师型教师比例2025年目标是多少？", "職業院校教師企業實踐", "How many Silk Road colleges?"]


def cosine(a, b) -> float:
    return sum(x * y for x, y in zip(a, b)) / math.sqrt(sum(x * x for x in a) * sum(y * y for y in b))


@pytest.fixture(scope="module")
def embedders():
    fast = Embedder(Settings.from_env(env={}))
    slow = Embedder(Settings.from_env(env={}, fast_queries=False))
    return fast, slow


def test_fast_query_path_matches_sentence_transformers(embedders):
    fast, slow = embedders
    assert fast._fast_query_engine() is not None and slow._fast_query_engine() is None
    for q in QUERIES:
        assert cosine(fast.embed_query(q), slow.embed_query(q)) >= 0.999


def test_vectors_are_normalized_and_prefixes_matter(embedders):
    _, slow = embedders
    passage = slow.embed_passages(["中职学校在校生人数"])[0]
    query = slow.embed_query("中职学校在校生人数")
    assert abs(sum(x * x for x in passage) - 1.0) < 1e-4
    assert len(passage) == 384
    assert cosine(passage, query) < 0.999  # "query: " and "passage: " give different vectors


def test_a_missing_model_is_a_clear_error(tmp_path):
    from assistant.errors import EmbeddingModelError

    embedder = Embedder(Settings.from_env(env={}, embedding_model=str(tmp_path / "no-such-model")))
    with pytest.raises(EmbeddingModelError, match="cannot load embedding model"):
        embedder.embed_passages(["x"])
