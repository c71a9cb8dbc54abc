"""Fixtures of the ingest tests: the plan in several renderings, parsed once each."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from renderings import (
    PLAN_PDF,
    PLAN_TXT,
    RENDERINGS,
    render_docx,
    render_libreoffice,
    render_reportlab,
)


@pytest.fixture(scope="session")
def rendering_paths(tmp_path_factory) -> dict[str, Path]:
    """Lazily built: name → file of that rendering."""
    return _Renderings(tmp_path_factory.mktemp("renderings"))


class _Renderings(dict):
    def __init__(self, folder: Path):
        super().__init__()
        self.folder = folder

    def __missing__(self, name: str) -> Path:
        if name == "txt":
            path = PLAN_TXT
        elif name == "pdf":
            path = PLAN_PDF
        elif name == "libreoffice":
            path = render_libreoffice(PLAN_TXT, self.folder / "libreoffice")
        elif name == "reportlab":
            path = render_reportlab(PLAN_TXT, self.folder / "reportlab" / "plan-rl.pdf")
        elif name == "docx":
            path = render_docx(PLAN_TXT, self.folder / "docx" / "plan.docx")
        else:
            raise KeyError(name)
        self[name] = path
        return path


@pytest.fixture(scope="session")
def parsed_plans(rendering_paths):
    """Lazily parsed: name → ParsedDocument (default settings)."""
    from assistant.ingest.pipeline import parse_document
    from assistant.settings import Settings

    settings = Settings.from_env(env={})
    cache: dict = {}

    def get(name: str):
        if name not in cache:
            path = rendering_paths[name]
            cache[name] = parse_document(path, "plan", path.name, settings)
        return cache[name]

    return get


@pytest.fixture(params=RENDERINGS)
def plan(request, parsed_plans):
    """The plan parsed from each rendering in turn: (name, ParsedDocument)."""
    return request.param, parsed_plans(request.param)


@pytest.fixture(params=[r for r in RENDERINGS if r not in ("txt", "docx")])
def plan_pdf_rendering(request, parsed_plans, rendering_paths):
    """Each PDF rendering: (name, path, ParsedDocument)."""
    return request.param, rendering_paths[request.param], parsed_plans(request.param)


# -- real stores, built with the real default embedder (loaded once) ------------------


@pytest.fixture(scope="session")
def embedder():
    """The real default embedder, its model loaded once for the whole session."""
    from assistant.retrieval.embeddings import Embedder
    from assistant.settings import Settings

    shared = Embedder(Settings.from_env(env={}))
    shared.warm_up()
    return shared


@pytest.fixture
def shared_model(monkeypatch, embedder):
    """Every Embedder of the default model (in Assistant, remove_document…) reuses the loaded model."""
    from stores import share_model

    share_model(monkeypatch, embedder)
    return embedder


@pytest.fixture(scope="session")
def txt_store(tmp_path_factory, embedder):
    """The plan .txt ingested into a store of its own (clone it before changing it)."""
    import shutil

    from stores import settings_for

    from assistant.ingest.pipeline import ingest

    tmp = tmp_path_factory.mktemp("txtstore")
    (tmp / "corpus").mkdir()
    shutil.copy(PLAN_TXT, tmp / "corpus" / PLAN_TXT.name)
    settings = settings_for(tmp)
    report = ingest(settings, embedder=embedder)
    assert report.ok and len(report.added) == 1, report
    return settings


@pytest.fixture(scope="session")
def small_store(tmp_path_factory, embedder):
    """Two short excerpts of the plan: one in the corpus, one ingested from outside it."""
    from stores import excerpt, settings_for

    from assistant.ingest.pipeline import ingest

    tmp = tmp_path_factory.mktemp("smallstore")
    (tmp / "corpus").mkdir()
    (tmp / "corpus" / "guarantees.txt").write_text(excerpt("四、保障措施"), encoding="utf-8")
    outside = tmp / "elsewhere" / "foundations.txt"
    outside.parent.mkdir()
    outside.write_text(excerpt("一、发展基础和面临形势", "二、总体思路"), encoding="utf-8")
    settings = settings_for(tmp)
    first = ingest(settings, embedder=embedder)
    second = ingest(settings, paths=[outside], embedder=embedder)
    assert first.ok and first.added == ["guarantees"], first
    assert second.ok and len(second.added) == 1 and second.added[0].startswith("foundations-"), second
    return settings
