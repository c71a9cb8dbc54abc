"""Shared fixtures: the real plan, a real store built with the real default embedder.

The network is blocked for every test (only loopback is allowed), so nothing
can quietly reach a model hub or a remote API.
"""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pytest

from assistant.runtime import apply_offline_defaults
from assistant.settings import Settings

apply_offline_defaults()

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
PLAN_PDF = FIXTURES / "zhejiang-vocational-education-plan-2021-2025.pdf"
PLAN_TXT = FIXTURES / "zhejiang-vocational-education-plan-2021-2025.txt"


_real_connect = socket.socket.connect


def _loopback_only(self, address):
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and host not in ("127.0.0.1", "localhost", "::1", "0.0.0.0") and not host.startswith("/"):
        raise OSError(f"network access blocked in tests: {address!r}")
    return _real_connect(self, address)


@pytest.fixture(autouse=True)
def _block_network(monkeypatch):
    monkeypatch.setattr(socket.socket, "connect", _loopback_only)


def make_settings(tmp: Path, **overrides) -> Settings:
    """Settings for a store under ``tmp``; the model cache is the user's (built once)."""
    corpus = overrides.pop("corpus_dir", tmp / "corpus")
    return Settings.from_env(env={}, store_dir=tmp / "store", corpus_dir=corpus, **overrides)


@pytest.fixture(scope="session")
def plan_corpus(tmp_path_factory) -> Path:
    corpus = tmp_path_factory.mktemp("corpus")
    shutil.copy(PLAN_PDF, corpus / PLAN_PDF.name)
    return corpus


@pytest.fixture(scope="session")
def plan_settings(tmp_path_factory, plan_corpus) -> Settings:
    """A store with the plan PDF ingested once per test session."""
    from assistant.ingest.pipeline import ingest

    tmp = tmp_path_factory.mktemp("planstore")
    settings = make_settings(tmp, corpus_dir=plan_corpus)
    report = ingest(settings)
    assert report.ok and report.added, report
    return settings


@pytest.fixture(scope="session")
def assistant(plan_settings):
    from assistant.service import Assistant

    return Assistant(plan_settings)
