"""The `assistant ask` command-line contract other tools depend on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

KEYS = {"question", "answer", "found", "mode", "warnings", "closest", "citations"}
CITATION_KEYS = {"n", "kind", "doc", "section", "page", "quote", "display"}


def run(args: list[str], store: Path, **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args, "--store", str(store)],
        capture_output=True, text=True, env=env, timeout=300, **kw,
    )


def test_json_answer_is_one_line_with_the_contract_keys(plan_settings):
    out = run(["ask", "--json", "职教本科在校生2025年要达到多少万人？"], plan_settings.store_dir)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert set(data) == KEYS
    assert data["found"] is True and data["mode"] == "extractive"
    assert "职教本科在校生人数：2020年为0.48万人，2025年目标为3万人" in data["answer"]
    assert all(set(c) == CITATION_KEYS for c in data["citations"])
    assert data["citations"][0]["kind"] == "indicator" and data["citations"][0]["page"] == 2


def test_history_json_resolves_followups(plan_settings):
    history = json.dumps([["中职双师型教师比例2025年目标是多少", "89%"]], ensure_ascii=False)
    out = run(["ask", "--json", "--history-json", history, "那高职呢？"], plan_settings.store_dir)
    data = json.loads(out.stdout)
    assert "（高职）：2020年为71.7%，2025年目标为80%" in data["answer"]


def test_batch_keeps_order_echoes_ids_and_reports_bad_lines(plan_settings, tmp_path):
    batch = tmp_path / "batch.jsonl"
    lines = [
        {"id": "a", "question": "高职丝路学院要建多少所？"},
        "this is not json",
        {"id": "c", "question": ""},
        {"id": "d", "question": "那高职呢？", "history": [["中职1+X证书获取率目标", "30%"]]},
    ]
    batch.write_text("\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    out = run(["ask", "--json", "--batch", str(batch)], plan_settings.store_dir)
    assert out.returncode == 1
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(rows) == 4
    assert rows[0]["id"] == "a" and "25所" in rows[0]["answer"]
    assert rows[1]["error"]["code"] == "bad_line" and rows[1]["question"] is None
    assert rows[2]["id"] == "c" and rows[2]["error"]["code"] == "bad_question"
    assert rows[3]["id"] == "d" and "（高职）：2020年为12%，2025年目标为30%" in rows[3]["answer"]


def test_readable_answer_lists_sources(plan_settings):
    out = run(["ask", "专栏9要培育多少所职教信息化标杆学校？"], plan_settings.store_dir)
    assert out.returncode == 0
    assert "100 所省级职教信息化标杆学校" in out.stdout
    assert "来源：" in out.stdout and "专栏 9：智慧校园提升行动，第9页" in out.stdout


def test_bad_input_is_a_message_not_a_traceback(plan_settings, tmp_path):
    for args, message in [
        (["ask", "   "], "问题是空的"),
        (["ask", "职" * 10000], "问题太长"),
        (["ask", "--history-json", "{not json", "那高职呢"], "--history-json is not valid JSON"),
    ]:
        out = run(args, plan_settings.store_dir)
        assert out.returncode == 1
        assert message in out.stderr and "Traceback" not in out.stderr


def test_question_before_any_ingest_says_to_ingest(tmp_path):
    out = run(["ask", "双师型教师比例"], tmp_path / "empty")
    assert out.returncode == 1
    assert "assistant ingest" in out.stderr and "Traceback" not in out.stderr


def test_store_built_with_another_model_is_refused_clearly(plan_settings):
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "ASSISTANT_EMBEDDING_MODEL": "BAAI/bge-small-zh-v1.5"}
    out = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "ask", "双师型", "--store", str(plan_settings.store_dir)],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert out.returncode == 1
    assert "BAAI/bge-small-zh-v1.5" in out.stderr and "assistant ingest" in out.stderr
