"""The store against a real Chroma server (`chroma run`), with the catalog still in --store.

Starts the server on a free loopback port, ingests the plan through HttpClient,
answers through ``Assistant``, and stops the server.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from assistant.catalog import load_catalog
from assistant.errors import StoreError
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
PLAN_PDF = ROOT / "tests" / "fixtures" / "zhejiang-vocational-education-plan-2021-2025.pdf"
PLAN_ID = "zhejiang-vocational-education-plan-2021-2025"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _chroma_executable() -> str:
    local = Path(sys.executable).parent / "chroma"
    found = str(local) if local.exists() else shutil.which("chroma")
    if not found:
        pytest.fail("the `chroma` command is needed (it ships with chromadb): pip install 'chromadb>=1.5.9,<1.6'", pytrace=False)
    return found


def _heartbeat(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1) as response:
            return response.status == 200 and any("heartbeat" in key for key in json.loads(response.read()))
    except OSError:
        return False


class ChromaServer:
    def __init__(self, data: Path, log: Path):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.data = data
        self.log = log
        self._log_file = open(log, "wb")
        self.proc = subprocess.Popen(
            [_chroma_executable(), "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while not _heartbeat(self.url):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                pytest.fail(f"chroma run did not come up: {log.read_text(errors='replace')[-2000:]}", pytrace=False)
            time.sleep(0.2)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=20)
        self._log_file.close()


@pytest.fixture(scope="module")
def model():
    """The default embedding model, loaded once for this module."""
    from assistant.retrieval.embeddings import Embedder

    embedder = Embedder(Settings.from_env(env={}))
    return embedder._load()


@pytest.fixture
def one_model(monkeypatch, model):
    from assistant.retrieval.embeddings import Embedder

    default = Settings.from_env(env={})

    def load(self):
        assert self.settings.embedding_model == default.embedding_model
        self._model = model
        return model

    monkeypatch.setattr(Embedder, "_load", load)


def test_ingest_and_answer_through_a_chroma_server(tmp_path, one_model):
    from assistant.ingest.pipeline import ingest
    from assistant.retrieval.embeddings import Embedder
    from assistant.retrieval.store import VectorStore
    from assistant.service import Assistant

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(PLAN_PDF, corpus / PLAN_PDF.name)
    server = ChromaServer(tmp_path / "chroma-data", tmp_path / "chroma.log")
    try:
        settings = Settings.from_env(
            env={}, store_dir=tmp_path / "store", corpus_dir=corpus, chroma_url=server.url
        )
        report = ingest(settings)
        assert report.ok and report.added == [PLAN_ID] and report.chunks == 58, report

        store_dir = Path(settings.store_dir)
        catalog = load_catalog(store_dir)
        assert (store_dir / "catalog.json").exists() and len(catalog.chunks) == 58
        assert not (store_dir / "chroma").exists()  # the vectors live in the server
        assert (server.data / "chroma.sqlite3").exists()

        import chromadb

        client = chromadb.HttpClient(host="127.0.0.1", port=server.port)
        names = {c if isinstance(c, str) else c.name for c in client.list_collections()}
        assert names == {catalog.collection}
        store = VectorStore(settings, Embedder(settings))
        assert store.ids(catalog.collection) == {c["chunk_id"] for c in catalog.chunks}

        answer = Assistant(settings).ask("中职学生直接升入高一级学校比例到2025年要达到多少？")
        assert answer.found and answer.citations, answer
        assert "50" in answer.answer
        assert any(c.page in (2, 3) for c in answer.citations)

        again = ingest(settings)
        assert again.unchanged == [PLAN_ID] and again.chunks == 0
    finally:
        server.stop()

    # with the server gone, the store says where it could not reach
    with pytest.raises(StoreError, match="127.0.0.1"):
        VectorStore(settings, Embedder(settings)).ids(catalog.collection)


def test_a_chroma_url_that_is_not_a_url(tmp_path):
    from assistant.retrieval.embeddings import Embedder
    from assistant.retrieval.store import VectorStore

    settings = Settings.from_env(env={}, store_dir=tmp_path / "store", chroma_url="not a url")
    with pytest.raises(StoreError, match="not a URL"):
        _ = VectorStore(settings, Embedder(settings)).client
