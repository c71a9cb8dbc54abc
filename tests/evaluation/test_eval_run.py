"""End to end: `run_evaluation` on a handful of questions written here, over the plan PDF."""

from __future__ import annotations

import json

import pytest

from assistant.evaluation.harness import run_evaluation
from assistant.evaluation.metrics import METRIC_KEYS
from assistant.evaluation.questions import EvaluationError

TABLE = "浙江省职业教育“十四五”发展目标"

QUESTIONS = [
    {
        "id": "t01", "question": "2025年中职学校在校生要达到多少万人？", "history": [], "category": "indicator",
        "answerable": True, "expected_facts": [["76"]], "gold": {"section": TABLE, "span": "中职学校在校生人数"},
    },
    {
        "id": "t02", "question": "专栏9计划培育几个省级示范性虚拟仿真实训基地？", "history": [], "category": "column",
        "answerable": True, "expected_facts": [["25"]],
        "gold": {"section": "专栏 9：智慧校园提升行动", "span": "创建培育 25 个省级示范性虚拟仿真实训基地"},
    },
    {
        "id": "t03", "question": "省级职业院校教师企业实践基地打算建多少个？", "history": [], "category": "section",
        "answerable": True, "expected_facts": [["100"]],
        "gold": {"section": "专栏 6：职业院校“双师型”教师建设计划", "span": "100 个省级职业院校教师企业实践基地"},
    },
    {
        "id": "t04", "question": "那中职的呢？", "history": [["高职“双师型”教师比例2025年的目标？", "80%。"]],
        "category": "followup", "answerable": True, "expected_facts": [["89"]],
        "gold": {"section": TABLE, "span": "职业院校“双师型”教师占专业课教师比例"},
    },
    {
        "id": "t05", "question": "浙江大学去年的录取分数线是多少？", "history": [], "category": "unanswerable",
        "answerable": False, "expected_facts": [], "gold": None,
    },
    {
        "id": "t06", "question": "How many high-level secondary vocational schools will the province build?", "history": [],
        "category": "english", "answerable": True, "expected_facts": [["50"]],
        "gold": {"section": "专栏 2：职业院校省级“双高”建设行动计划", "span": "高水平中职校 50 所"},
    },
]


@pytest.fixture(scope="module")
def small_run(tmp_path_factory, plan_settings):
    tmp = tmp_path_factory.mktemp("evalrun")
    questions = tmp / "questions.jsonl"
    questions.write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in QUESTIONS), encoding="utf-8")
    (tmp / "limits.json").write_text(json.dumps({"answer_accuracy": 0.0, "refusal_accuracy": 0.0, "false_refusal_rate": 1.0}))
    out = tmp / "out"
    code = run_evaluation(plan_settings, questions, out, check=True, progress=False)
    return code, out


@pytest.mark.slow
def test_report_json_has_all_systems_and_keys(small_run):
    code, out = small_run
    assert code == 0
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert set(data) == {"systems"}
    assert set(data["systems"]) == {"assistant", "bm25", "dense", "naive"}
    categories = {q["category"] for q in QUESTIONS}
    for name, metrics in data["systems"].items():
        assert set(metrics) == set(METRIC_KEYS) | {"by_category"}, name
        assert set(metrics["by_category"]) == categories, name
        for cat, per in metrics["by_category"].items():
            assert set(per) == set(METRIC_KEYS), (name, cat)
            assert per["ingest_ms"] is None
        for key in METRIC_KEYS:
            value = metrics[key]
            if key.endswith("_ms") or key == "median_answer_chars":
                assert value is None or value >= 0, (name, key)
            else:
                assert value is None or 0.0 <= value <= 1.0, (name, key)
        assert metrics["ingest_ms"] > 0
        assert metrics["p50_ms"] is not None and metrics["p95_ms"] >= metrics["p50_ms"]
        assert metrics["refusal_accuracy"] is not None and metrics["recall_at_1"] is not None
        assert metrics["citation_verified"] == 1.0, name  # every quote is a verbatim span
        assert metrics["by_category"]["unanswerable"]["recall_at_1"] is None
        assert metrics["by_category"]["indicator"]["refusal_accuracy"] is None


@pytest.mark.slow
def test_report_md_and_chart_are_written(small_run):
    _, out = small_run
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "## Summary" in md and "| assistant (extractive) |" in md and "naive" in md
    assert "## Answer accuracy by category" in md and "| followup |" in md
    assert "## Assistant failures" in md
    png = (out / "report.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000


@pytest.mark.slow
def test_check_fails_when_the_assistant_is_below_a_limit(tmp_path, plan_settings, capsys):
    questions = tmp_path / "questions.jsonl"
    questions.write_text(json.dumps(QUESTIONS[4], ensure_ascii=False) + "\n", encoding="utf-8")
    (tmp_path / "limits.json").write_text(json.dumps({"refusal_accuracy": 1.0, "false_refusal_rate": 0.0}))
    code = run_evaluation(plan_settings, questions, tmp_path / "out", check=True, progress=False)
    printed = capsys.readouterr().out
    data = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    refusal = data["systems"]["assistant"]["refusal_accuracy"]
    if refusal < 1.0:
        assert code == 1 and "limit failed: refusal_accuracy" in printed
    else:
        assert code == 0 and "limits ok" in printed
    assert data["systems"]["assistant"]["false_refusal_rate"] is None  # no answerable item


def test_check_without_limits_file_fails_before_running(tmp_path, plan_settings):
    questions = tmp_path / "questions.jsonl"
    questions.write_text(json.dumps(QUESTIONS[0], ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match="--check needs"):
        run_evaluation(plan_settings, questions, tmp_path / "out", check=True)
