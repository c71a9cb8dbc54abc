"""pipeline.py with the real default embedder and real Chroma stores under tmp.

Stores are built once per session (``plan_settings`` from tests/conftest.py,
``txt_store`` and ``small_store`` from tests/ingest/conftest.py) and cloned by
every test that changes one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from plan_golden import COLUMNS, INDICATORS
from renderings import PLAN_PDF, PLAN_TXT
from stores import (
    bad_corpus_files,
    catalog_ids,
    chroma_ids,
    clone_store,
    collections,
    excerpt,
    settings_for,
    share_model,
)

from assistant.catalog import CATALOG_FILE, DOCS_DIR, load_catalog
from assistant.errors import DocumentError, StoreError, StoreLockedError
from assistant.ingest.lock import store_write_lock
from assistant.ingest.pipeline import (
    discover,
    doc_id_for,
    ingest,
    parse_document,
    remove_document,
)
from assistant.retrieval.store import VectorStore
from assistant.service import sources_of

ROOT = Path(__file__).resolve().parents[2]
PLAN_ID = "zhejiang-vocational-education-plan-2021-2025"
QUESTION = "中职学生直接升入高一级学校比例到2025年的目标是多少？"


def _catalog(settings):
    return load_catalog(Path(settings.store_dir))


# -- the plan store -------------------------------------------------------------------


def test_plan_pdf_store(plan_settings):
    catalog = _catalog(plan_settings)
    assert list(catalog.documents) == [PLAN_ID]
    entry = catalog.documents[PLAN_ID]
    assert entry.pages == 10 and entry.path == PLAN_PDF.name
    assert entry.chunks == len(catalog.chunks) == 58
    assert chroma_ids(plan_settings) == catalog_ids(plan_settings)
    assert catalog.collection == f"chunks_{plan_settings.index_fingerprint()}_{catalog.store_id}"
    assert {c["n"]: c["title"] for c in catalog.columns} == COLUMNS
    rows = [
        (r["dimension"], r["indicator"], r["level"], r["baseline_2020"], r["target_2025"], r["unit"])
        for r in catalog.indicators
    ]
    assert rows == INDICATORS
    assert {r["page"] for r in catalog.indicators} == {2, 3}
    text = json.loads((Path(plan_settings.store_dir) / entry.text_file).read_text(encoding="utf-8"))["text"]
    for c in catalog.chunk_objects():
        assert text[c.start : c.end] == c.text
        assert len(c.text) <= plan_settings.chunk_max_chars


def test_reingest_is_a_noop(plan_settings, tmp_path, shared_model):
    settings = clone_store(plan_settings, tmp_path)
    before = (Path(settings.store_dir) / CATALOG_FILE).read_bytes()
    ids = chroma_ids(settings)
    started = time.perf_counter()
    report = ingest(settings, embedder=shared_model)
    warm = time.perf_counter() - started
    assert report.unchanged == [PLAN_ID]
    assert (report.added, report.replaced, report.removed, report.failed) == ([], [], [], [])
    assert report.chunks == 0 and report.total_chunks == 58 and not report.rebuilt
    assert json.loads((Path(settings.store_dir) / CATALOG_FILE).read_bytes()) == json.loads(before)
    assert chroma_ids(settings) == ids
    assert warm < 10, warm


def test_txt_and_pdf_stores_hold_the_same_table(plan_settings, txt_store):
    a, b = _catalog(plan_settings), _catalog(txt_store)
    strip = lambda rows: [{k: r[k] for k in ("dimension", "indicator", "level", "baseline_2020", "target_2025", "unit")} for r in rows]
    assert strip(a.indicators) == strip(b.indicators)
    assert [(c["n"], c["title"]) for c in a.columns] == [(c["n"], c["title"]) for c in b.columns]


# -- changes ----------------------------------------------------------------------------


class _Counting:
    """Wraps the shared embedder to count the passages it embeds."""

    def __init__(self, inner):
        self.inner = inner
        self.passages = 0
        self.settings = inner.settings
        self.model_name = inner.model_name

    def embed_passages(self, texts, batch_size=16):
        self.passages += len(texts)
        return self.inner.embed_passages(texts, batch_size)

    def embed_query(self, text):
        return self.inner.embed_query(text)


def test_changed_document_replaces_its_chunks(txt_store, tmp_path, shared_model):
    settings = clone_store(txt_store, tmp_path)
    path = Path(settings.corpus_dir) / PLAN_TXT.name
    old_ids = catalog_ids(settings)
    text = path.read_text(encoding="utf-8")
    text = text.replace("深化清廉职业院校建设。", "深化清廉职业院校建设，打造清廉教育品牌。")
    text += "\n（五）加强监测评估。建立规划实施监测评估机制，定期发布浙江职业教育发展报告。\n"
    path.write_text(text, encoding="utf-8")

    counting = _Counting(shared_model)
    report = ingest(settings, embedder=counting)
    assert report.replaced == [PLAN_ID] and report.ok and not report.added
    new_ids = catalog_ids(settings)
    gone = old_ids - new_ids
    assert gone, "the edited chunk keeps no id"
    assert chroma_ids(settings) == new_ids  # old ids gone from Chroma, new ones there
    assert report.chunks == len(new_ids) == report.total_chunks
    # only chunks whose text changed were embedded again, plus the sentences of the
    # answer layer's sentence cache that changed (unchanged ones are reused)
    assert 1 <= counting.passages <= 10, counting.passages
    catalog = _catalog(settings)
    chunks = catalog.chunk_objects()
    assert any("打造清廉教育品牌" in c.text for c in chunks)
    added = next(c for c in chunks if "定期发布浙江职业教育发展报告" in c.text)
    assert added.section == ("四、保障措施", "（五）加强监测评估")
    # the document text file was replaced too, and the old one swept
    docs = sorted(p.name for p in (Path(settings.store_dir) / DOCS_DIR).iterdir())
    assert docs == [Path(catalog.documents[PLAN_ID].text_file).name]
    assert "打造清廉教育品牌" in json.loads((Path(settings.store_dir) / catalog.documents[PLAN_ID].text_file).read_text())["text"]


def test_removed_file_is_dropped_on_sync(txt_store, tmp_path, shared_model):
    settings = clone_store(txt_store, tmp_path)
    (Path(settings.corpus_dir) / PLAN_TXT.name).unlink()
    report = ingest(settings, embedder=shared_model)
    assert report.removed == [PLAN_ID] and report.ok
    assert _catalog(settings).documents == {}
    assert chroma_ids(settings) == set()
    assert list((Path(settings.store_dir) / DOCS_DIR).iterdir()) == []


def test_ingest_named_paths_drops_nothing(txt_store, tmp_path, shared_model):
    settings = clone_store(txt_store, tmp_path)
    plan_ids = catalog_ids(settings)
    (Path(settings.corpus_dir) / PLAN_TXT.name).unlink()  # gone from the corpus, but not named
    extra = tmp_path / "outside" / "extra.md"
    extra.parent.mkdir()
    extra.write_text(excerpt("（三）强化统筹协同", "（四）营造发展良好氛围"), encoding="utf-8")
    report = ingest(settings, paths=[extra], embedder=shared_model)
    doc_id, stored_path = doc_id_for(extra, Path(settings.corpus_dir))
    assert report.added == [doc_id] and report.removed == [] and report.ok
    assert stored_path == str(extra.resolve())
    assert catalog_ids(settings, PLAN_ID) == plan_ids
    assert plan_ids <= chroma_ids(settings)
    # a sync afterwards drops the deleted corpus file but keeps the outside file, unchanged
    report = ingest(settings, embedder=shared_model)
    assert report.removed == [PLAN_ID] and report.unchanged == [doc_id]
    assert set(_catalog(settings).documents) == {doc_id}


def test_remove_document(txt_store, tmp_path, shared_model):
    settings = clone_store(txt_store, tmp_path)
    title = remove_document(settings, PLAN_ID)
    assert title == "浙江省职业教育“十四五”发展规划(2021—2025 年)"
    assert _catalog(settings).documents == {} and _catalog(settings).chunks == []
    assert chroma_ids(settings) == set()
    assert list((Path(settings.store_dir) / DOCS_DIR).iterdir()) == []
    with pytest.raises(StoreError, match="no document with id 'nope'"):
        remove_document(settings, "nope")


def test_settings_change_rebuilds_into_a_new_collection(small_store, tmp_path, shared_model):
    settings = clone_store(small_store, tmp_path)
    before = _catalog(settings)
    assert len(before.documents) == 2
    smaller = settings.with_(chunk_max_chars=120)
    report = ingest(smaller, embedder=shared_model)
    assert report.rebuilt and report.ok, report
    after = _catalog(smaller)
    assert set(after.documents) == set(before.documents)  # the outside document was re-indexed too
    assert after.collection != before.collection and after.store_id == before.store_id
    assert after.fingerprint == smaller.index_fingerprint()
    assert max(len(c["text"]) for c in after.chunks) <= 120
    assert len(after.chunks) > len(before.chunks)
    assert collections(smaller) == {after.collection}  # the old collection was dropped
    assert chroma_ids(smaller) == catalog_ids(smaller)
    # the old settings no longer fit the store; the new ones answer
    from assistant.service import Assistant

    with pytest.raises(StoreError, match="assistant ingest"):
        Assistant(settings)
    answer = Assistant(smaller).ask("职业院校生均经费标准制度是怎么规定的？")
    assert answer.found and answer.citations


def test_rebuild_from_named_paths_keeps_the_other_documents(small_store, tmp_path, shared_model):
    settings = clone_store(small_store, tmp_path).with_(chunk_max_chars=200)
    new_doc = tmp_path / "new.txt"
    new_doc.write_text(excerpt("（四）营造发展良好氛围"), encoding="utf-8")
    report = ingest(settings, paths=[new_doc], embedder=shared_model)
    assert report.rebuilt and report.ok, report
    assert len(_catalog(settings).documents) == 3
    assert chroma_ids(settings) == catalog_ids(settings)


# -- interruptions ------------------------------------------------------------------------


def _snapshot(settings):
    from assistant.service import Assistant

    catalog_bytes = (Path(settings.store_dir) / CATALOG_FILE).read_bytes()
    assistant = Assistant(settings)
    return catalog_bytes, sources_of(assistant.catalog), assistant.ask(QUESTION).to_json()


@pytest.fixture(scope="module")
def txt_baseline(txt_store, embedder):
    """What the untouched .txt store answers. Built once: the vector caches it leaves in
    the store are copied with every clone made afterwards."""
    with pytest.MonkeyPatch.context() as mp:
        share_model(mp, embedder)
        return _snapshot(txt_store)


@pytest.mark.parametrize("where", ["embed", "upsert", "commit"])
def test_interrupted_ingest_leaves_the_old_store_answering(txt_baseline, txt_store, tmp_path, shared_model, where):
    from assistant.ingest import pipeline

    catalog_bytes, sources, answer = txt_baseline
    assert answer["found"] and "50" in answer["answer"]
    settings = clone_store(txt_store, tmp_path)
    assert (Path(settings.store_dir) / CATALOG_FILE).read_bytes() == catalog_bytes

    plan = Path(settings.corpus_dir) / PLAN_TXT.name
    plan.write_text(plan.read_text(encoding="utf-8").replace("中职学生直接升入", "中职毕业学生直接升入"), encoding="utf-8")
    (Path(settings.corpus_dir) / "extra.txt").write_text(excerpt("（三）强化统筹协同"), encoding="utf-8")

    calls = {"n": 0}
    with pytest.MonkeyPatch.context() as mp:
        if where == "embed":
            real = shared_model.embed_passages

            def embed(texts, batch_size=16):
                calls["n"] += 1
                real(texts, batch_size)
                raise KeyboardInterrupt  # after the work, before the results are used

            mp.setattr(shared_model, "embed_passages", embed)
        elif where == "upsert":
            real_upsert = VectorStore.upsert

            def upsert(self, name, chunks, vectors, batch=256):
                real_upsert(self, name, chunks[:2], vectors[:2], batch)  # half-written
                raise KeyboardInterrupt

            mp.setattr(VectorStore, "upsert", upsert)
        else:

            def commit(store_dir, catalog):
                raise KeyboardInterrupt

            mp.setattr(pipeline, "commit_catalog", commit)

        with pytest.raises(KeyboardInterrupt):
            ingest(settings, embedder=shared_model)

    assert (Path(settings.store_dir) / CATALOG_FILE).read_bytes() == catalog_bytes
    # the lock was released and the old store still answers the same
    with store_write_lock(Path(settings.store_dir)):
        pass
    again = _snapshot(settings)
    assert again[0] == catalog_bytes and again[1] == sources and again[2] == answer

    # the next ingest completes and sweeps what the interrupted one left behind
    report = ingest(settings, embedder=shared_model)
    assert report.ok and report.replaced == [PLAN_ID] and report.added == ["extra"], report
    assert chroma_ids(settings) == catalog_ids(settings)


def test_interrupted_rebuild_keeps_the_old_collection(small_store, tmp_path, shared_model):
    from assistant.ingest import pipeline

    settings = clone_store(small_store, tmp_path)
    before = _catalog(settings)
    def commit(store_dir, catalog):
        raise KeyboardInterrupt

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pipeline, "commit_catalog", commit)
        with pytest.raises(KeyboardInterrupt):
            ingest(settings.with_(chunk_max_chars=100), embedder=shared_model)
    assert _catalog(settings).collection == before.collection
    assert chroma_ids(settings) == catalog_ids(settings)
    report = ingest(settings.with_(chunk_max_chars=100), embedder=shared_model)
    assert report.rebuilt and report.ok
    assert collections(settings) == {_catalog(settings).collection}


# -- one writer at a time ------------------------------------------------------------------


def test_second_writer_in_another_process_is_refused(small_store, tmp_path):
    settings = clone_store(small_store, tmp_path)
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from assistant.errors import StoreLockedError\n"
        "from assistant.ingest.pipeline import ingest\n"
        "from assistant.settings import Settings\n"
        "s = Settings.from_env(env={}, store_dir=Path(sys.argv[1]), corpus_dir=Path(sys.argv[2]))\n"
        "try:\n"
        "    ingest(s)\n"
        "except StoreLockedError as exc:\n"
        "    print('LOCKED', exc)\n"
        "    sys.exit(3)\n"
    )
    with store_write_lock(Path(settings.store_dir)):
        proc = subprocess.run(
            [sys.executable, "-c", script, str(settings.store_dir), str(settings.corpus_dir)],
            capture_output=True, text=True, timeout=120, cwd=ROOT, env={**os.environ, "HF_HUB_OFFLINE": "1"},
        )
    assert proc.returncode == 3, proc.stderr[-2000:]
    assert f"LOCKED another process (pid {os.getpid()}) is writing to the store {settings.store_dir}" in proc.stdout
    assert "try again" in proc.stdout


def test_second_writer_in_another_thread_is_refused(small_store, tmp_path, shared_model):
    settings = clone_store(small_store, tmp_path)
    errors = []
    with store_write_lock(Path(settings.store_dir)):
        for target in (lambda: ingest(settings, embedder=shared_model), lambda: remove_document(settings, "guarantees")):
            thread = threading.Thread(target=lambda t=target: errors.append(_catch(t)))
            thread.start()
            thread.join(60)
    assert [type(e) for e in errors] == [StoreLockedError, StoreLockedError]
    assert "guarantees" in _catalog(settings).documents
    assert ingest(settings, embedder=shared_model).ok  # free again


def _catch(fn):
    try:
        fn()
    except Exception as exc:  # noqa: BLE001 - the test inspects it
        return exc
    return None


# -- bad input -------------------------------------------------------------------------------


def test_bad_files_fail_one_by_one_and_nothing_is_lost(plan_settings, tmp_path, shared_model):
    settings = clone_store(plan_settings, tmp_path)
    plan_ids = catalog_ids(settings)
    expected = bad_corpus_files(Path(settings.corpus_dir) / "inbox", tmp_path / "scratch")
    good = Path(settings.corpus_dir) / "inbox" / "good.txt"
    good.write_text(excerpt("（四）营造发展良好氛围"), encoding="utf-8")
    report = ingest(settings, embedder=shared_model)
    failed = {Path(path).name: reason for path, reason in report.failed}
    assert set(failed) == set(expected)
    assert len(report.failed) == len(expected)
    for name, words in expected.items():
        assert words in failed[name], (name, failed[name])
    for path, _ in report.failed:
        assert Path(path).parent == Path(settings.corpus_dir) / "inbox"
    assert report.added == ["inbox-good"] and report.unchanged == [PLAN_ID] and report.removed == []
    assert catalog_ids(settings, PLAN_ID) == plan_ids
    assert chroma_ids(settings) == catalog_ids(settings)
    assert not report.ok


def test_missing_path_fails_and_nothing_is_dropped(small_store, tmp_path, shared_model):
    settings = clone_store(small_store, tmp_path)
    before = catalog_ids(settings)
    report = ingest(settings, paths=[tmp_path / "nope.txt"], embedder=shared_model)
    assert report.failed == [(str(tmp_path / "nope.txt"), "no such file or directory")]
    assert catalog_ids(settings) == before


def test_a_document_that_turns_bad_keeps_its_previous_version(small_store, tmp_path, shared_model):
    settings = clone_store(small_store, tmp_path)
    before = catalog_ids(settings, "guarantees")
    (Path(settings.corpus_dir) / "guarantees.txt").write_bytes(b"\xff\xfe\x00\xd8" * 50 + os.urandom(100))
    report = ingest(settings, embedder=shared_model)
    assert [Path(p).name for p, _ in report.failed] == ["guarantees.txt"]
    assert catalog_ids(settings, "guarantees") == before
    assert before <= chroma_ids(settings)


def test_two_files_with_one_document_id(small_store, tmp_path, shared_model):
    settings = clone_store(small_store, tmp_path)
    (Path(settings.corpus_dir) / "guarantees.md").write_text("# 另一个文件\n\n内容，不同。", encoding="utf-8")
    report = ingest(settings, embedder=shared_model)
    assert report.failed == [
        (str(Path(settings.corpus_dir) / "guarantees.txt"), "another file (guarantees.md) already maps to document id guarantees")
    ]


def test_a_file_named_twice_is_taken_once(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("内容。", encoding="utf-8")
    files, failures = discover([folder / "a.txt", folder, folder / "a.txt"])
    assert files == [folder / "a.txt"] and failures == []


def test_thousands_of_files_in_a_folder(small_store, tmp_path, shared_model):
    """2000 files: 1990 unsupported, 5 empty, 5 small real ones. Each failure is one entry."""
    settings = clone_store(small_store, tmp_path)
    before = catalog_ids(settings)
    folder = tmp_path / "dump"
    folder.mkdir()
    for i in range(1990):
        (folder / f"scan-{i:04d}.{('png', 'csv', 'bin', 'xlsx')[i % 4]}").write_bytes(b"x" * 32)
    for i in range(5):
        (folder / f"empty-{i}.txt").write_bytes(b"")
    paragraphs = [p for p in excerpt("（一）加强领导和组织保证").split("\n") if len(p) > 40][:5]
    for i, text in enumerate(paragraphs):
        (folder / f"note-{i}.txt").write_text(text, encoding="utf-8")
    started = time.perf_counter()
    report = ingest(settings, paths=[folder], embedder=shared_model)
    seconds = time.perf_counter() - started
    assert len(report.added) == len(paragraphs) == 5
    assert len(report.failed) == 1995
    assert len({p for p, _ in report.failed}) == 1995
    assert all(reason.startswith(("unsupported file type", "file is empty")) for _, reason in report.failed)
    assert before <= catalog_ids(settings)
    assert seconds < 60, seconds
    print(f"\n2000-file folder ingested in {seconds:.1f} s")


# -- parse_document / doc ids -------------------------------------------------------------------


def test_doc_ids(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    assert doc_id_for(corpus / "sub" / "Plan 2021.PDF", corpus) == ("sub-plan-2021", "sub/Plan 2021.PDF")
    outside = tmp_path / "规划.txt"
    doc_id, stored = doc_id_for(outside, corpus)
    assert doc_id.startswith("规划-") and stored == str(outside.resolve())


def test_parse_document_refuses_a_file_without_text(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("\n\n   \n", encoding="utf-8")
    with pytest.raises(DocumentError, match="empty"):
        parse_document(path, "blank", "blank.txt", settings_for(tmp_path))


# -- a damaged catalog ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content, words",
    [
        (b"{not json", "is unreadable"),
        (b"[1, 2, 3]", "has format 'list'"),
        (b'{"version": 0}', "has format 0"),
        (b'{"version": 1, "fingerprint": "x"}', "is damaged (KeyError"),
        (
            b'{"version": 1, "fingerprint": "x", "model": "m", "collection": "c", "store_id": "s",'
            b' "documents": {"d": {"title": "t"}}, "chunks": [], "indicators": [], "columns": []}',
            "is damaged (TypeError",
        ),
    ],
)
def test_damaged_catalog_is_a_store_error_that_says_what_to_do(tmp_path, content, words):
    store = tmp_path / "store"
    store.mkdir()
    (store / CATALOG_FILE).write_bytes(content)
    with pytest.raises(StoreError) as caught:
        load_catalog(store)
    assert words in str(caught.value) and "assistant ingest" in str(caught.value)


def test_ingest_rebuilds_a_store_whose_catalog_is_damaged(small_store, tmp_path, shared_model):
    from assistant.service import Assistant

    settings = clone_store(small_store, tmp_path)
    (Path(settings.store_dir) / CATALOG_FILE).write_text('{"version": 1, "chunks": [', encoding="utf-8")
    with pytest.raises(StoreError, match="assistant ingest"):
        Assistant(settings)
    report = ingest(settings, embedder=shared_model)
    assert report.ok and report.rebuilt and report.added == ["guarantees"], report
    assert chroma_ids(settings) == catalog_ids(settings)
    assert Assistant(settings).ask("职业院校生均经费标准制度是怎么规定的？").found


def test_a_document_that_fails_during_a_rebuild_says_it_was_dropped(small_store, tmp_path, shared_model):
    settings = clone_store(small_store, tmp_path).with_(chunk_max_chars=150)
    (Path(settings.corpus_dir) / "guarantees.txt").write_bytes(b"")
    report = ingest(settings, embedder=shared_model)
    assert report.rebuilt
    assert report.failed == [
        (str(Path(settings.corpus_dir) / "guarantees.txt"), "file is empty; its previous version was dropped with the old index")
    ]
    assert "guarantees" not in _catalog(settings).documents and len(_catalog(settings).documents) == 1


def test_a_changed_user_dictionary_asks_for_a_rebuild(small_store, tmp_path, monkeypatch):
    # The stored chunks' search tokens come from the user dictionary: a store segmented with
    # another one must be rebuilt, and the message says it is the segmentation, not the model.
    import assistant.settings as settings_module
    from assistant.service import Assistant

    settings = clone_store(small_store, tmp_path)
    before = settings.index_fingerprint()
    monkeypatch.setattr(settings_module, "lexicon_digest", lambda: "another-dictionary")
    assert settings.index_fingerprint() != before
    with pytest.raises(StoreError, match="分块或分词设置与当前版本不同：请运行 `assistant ingest` 重建"):
        Assistant(settings).ask("双高计划是什么？")
