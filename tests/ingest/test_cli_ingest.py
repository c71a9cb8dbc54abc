"""The `assistant ingest / remove / sources` commands, run as a user runs them (a subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from plan_golden import COLUMNS, INDICATORS, TITLE
from stores import bad_corpus_files, catalog_ids, clone_store, excerpt

from assistant.ingest.lock import store_write_lock

ROOT = Path(__file__).resolve().parents[2]
PLAN_ID = "zhejiang-vocational-education-plan-2021-2025"


def run_cli(*args: str, settings=None, timeout: int = 300) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", PYTHONIOENCODING="utf-8")
    argv = [sys.executable, "-m", "assistant.cli", *args]
    if settings is not None:
        env["ASSISTANT_CORPUS"] = str(settings.corpus_dir)
        argv += ["--store", str(settings.store_dir)]
    return subprocess.run(argv, capture_output=True, text=True, timeout=timeout, cwd=ROOT, env=env)


def failure_lines(stderr: str) -> list[str]:
    return [line for line in stderr.replace("\r", "\n").splitlines() if line.startswith("失败：")]


# -- sources --json ------------------------------------------------------------------------


def test_sources_json_shape(plan_settings):
    proc = run_cli("sources", "--json", settings=plan_settings)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert list(data) == ["documents", "columns", "indicators"]
    assert data["documents"] == [
        {"doc_id": PLAN_ID, "doc": TITLE, "path": f"{PLAN_ID}.pdf", "chunks": 58, "pages": 10}
    ]
    assert isinstance(data["documents"][0]["pages"], int)
    assert data["columns"] == [{"doc_id": PLAN_ID, "n": n, "title": t} for n, t in sorted(COLUMNS.items())]
    assert data["indicators"] == [
        {
            "doc_id": PLAN_ID,
            "dimension": d,
            "indicator": i,
            "level": lvl,
            "baseline_2020": b,
            "target_2025": t,
            "unit": u,
        }
        for d, i, lvl, b, t, u in INDICATORS
    ]
    for row in data["indicators"]:
        assert list(row) == ["doc_id", "dimension", "indicator", "level", "baseline_2020", "target_2025", "unit"]


def test_sources_text(plan_settings):
    proc = run_cli("sources", settings=plan_settings)
    assert proc.returncode == 0, proc.stderr
    assert f"{PLAN_ID}  {TITLE}" in proc.stdout and "58 个分块  10 页" in proc.stdout
    assert "专栏 10：云上“三名”行动计划" in proc.stdout
    assert "专栏（11）" in proc.stdout and "发展目标指标（22）" in proc.stdout


def test_sources_of_an_empty_store(tmp_path):
    proc = run_cli("sources", "--json", "--store", str(tmp_path / "store"))
    assert proc.returncode == 0
    assert json.loads(proc.stdout) == {"documents": [], "columns": [], "indicators": []}


# -- ingest ------------------------------------------------------------------------------------


def test_ingest_unchanged_corpus_exits_zero(plan_settings, tmp_path):
    settings = clone_store(plan_settings, tmp_path)
    proc = run_cli("ingest", "--json", settings=settings)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["unchanged"] == [PLAN_ID] and report["chunks"] == 0 and report["failed"] == []
    assert report["total_chunks"] == 58 and report["rebuilt"] is False


def test_ingest_bad_files_one_line_each_nonzero_exit_nothing_lost(plan_settings, tmp_path):
    settings = clone_store(plan_settings, tmp_path / "clone")
    plan_ids = catalog_ids(settings)
    inbox = Path(settings.corpus_dir) / "inbox"
    expected = bad_corpus_files(inbox, tmp_path / "scratch")
    (inbox / "good.txt").write_text(excerpt("（四）营造发展良好氛围"), encoding="utf-8")
    missing = tmp_path / "missing.pdf"

    # a sync: every bad corpus file fails on its own line, the good one is added
    proc = run_cli("ingest", settings=settings)
    assert proc.returncode == 1, proc.stderr[-3000:]
    lines = failure_lines(proc.stderr)
    assert len(lines) == len(expected), lines
    for name, words in expected.items():
        mine = [line for line in lines if line.startswith(f"失败：{inbox / name}: ")]
        assert len(mine) == 1 and words in mine[0], (name, lines)
    assert "新增 1" in proc.stdout and f"失败 {len(expected)}" in proc.stdout
    assert "Traceback" not in proc.stderr
    assert catalog_ids(settings, PLAN_ID) == plan_ids
    assert catalog_ids(settings, "inbox-good")

    # named paths: a missing one fails, the named bad one fails, nothing is dropped
    proc = run_cli("ingest", str(missing), str(inbox / "scan.pdf"), settings=settings)
    assert proc.returncode == 1
    assert failure_lines(proc.stderr) == [
        f"失败：{missing}: no such file or directory",
        f"失败：{inbox / 'scan.pdf'}: PDF has no text layer (scanned image?); OCR it first",
    ]
    assert catalog_ids(settings, PLAN_ID) == plan_ids and catalog_ids(settings, "inbox-good")


def test_ingest_refused_while_another_writer_holds_the_lock(plan_settings, tmp_path):
    settings = clone_store(plan_settings, tmp_path)
    with store_write_lock(Path(settings.store_dir)):
        ingest = run_cli("ingest", settings=settings)
        remove = run_cli("remove", PLAN_ID, settings=settings)
    message = f"错误：another process (pid {os.getpid()}) is writing to the store {settings.store_dir}; wait for it to finish and try again"
    for proc in (ingest, remove):
        assert proc.returncode == 1
        assert message in proc.stderr
        assert "Traceback" not in proc.stderr
    assert catalog_ids(settings, PLAN_ID)


def test_remove(plan_settings, tmp_path):
    settings = clone_store(plan_settings, tmp_path)
    proc = run_cli("remove", "nope", settings=settings)
    assert proc.returncode == 1 and "no document with id 'nope'" in proc.stderr and PLAN_ID in proc.stderr
    proc = run_cli("remove", PLAN_ID, settings=settings)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"已删除：{PLAN_ID}（{TITLE}）"
    assert catalog_ids(settings) == set()
    data = json.loads(run_cli("sources", "--json", settings=settings).stdout)
    assert data == {"documents": [], "columns": [], "indicators": []}


def test_ingest_a_folder_of_2000_unusable_files(plan_settings, tmp_path):
    """One failure line per file, exit 1, quickly, and the store keeps what it had."""
    import time

    settings = clone_store(plan_settings, tmp_path / "clone")
    plan_ids = catalog_ids(settings, PLAN_ID)
    folder = tmp_path / "dump"
    folder.mkdir()
    for i in range(2000):
        if i % 10 == 0:
            (folder / f"blank-{i:04d}.txt").write_bytes(b"")
        else:
            (folder / f"photo-{i:04d}.{('jpg', 'png', 'xlsx')[i % 3]}").write_bytes(b"\x89PNG....")
    started = time.perf_counter()
    proc = run_cli("ingest", str(folder), settings=settings)
    seconds = time.perf_counter() - started
    assert proc.returncode == 1
    lines = failure_lines(proc.stderr)
    assert len(lines) == 2000
    assert len({line.split(": ")[0] for line in lines}) == 2000
    assert all(str(folder) in line for line in lines)
    assert "失败 2000" in proc.stdout
    assert catalog_ids(settings, PLAN_ID) == plan_ids
    assert seconds < 60, seconds
