"""The pure scoring functions, on small hand-made cases with exact answers."""

from __future__ import annotations

import json

import pytest

from assistant.evaluation.harness import check_limits, failure_kind, load_limits, score_reply
from assistant.evaluation.metrics import (
    METRIC_KEYS,
    Outcome,
    fact_present,
    facts_matched,
    first_hit_rank,
    holds_span,
    missing_facts,
    mrr_at,
    percentile,
    recall_at,
    summarize,
    summarize_by_category,
)
from assistant.evaluation.questions import EvaluationError, load_questions, parse_item
from assistant.evaluation.systems import Quote, Reply, baseline_query, quote_verified

# -- retrieval ---------------------------------------------------------------------


def test_holds_span_ignores_whitespace():
    assert holds_span("重点建设省级高水平高职院校 15 所、高水平专业群", "高水平高职院校15所")
    assert holds_span("a b\nc", "abc")
    assert not holds_span("高水平中职校", "高水平高职院校")
    assert not holds_span("anything", "   ")


def test_first_hit_rank_is_one_based_and_bounded_by_depth():
    texts = ["无关", "这里有 金 标", "金标"]
    assert first_hit_rank(texts, "金标") == 2
    assert first_hit_rank(texts, "金标", depth=1) is None
    assert first_hit_rank(texts, "没有") is None
    assert first_hit_rank([], "金标") is None


def test_recall_and_mrr_exact():
    ranks = [1, 3, None, 6]
    assert recall_at(ranks, 1) == 0.25
    assert recall_at(ranks, 5) == 0.5
    assert recall_at(ranks, 10) == 0.75
    assert mrr_at(ranks, 10) == pytest.approx((1 + 1 / 3 + 1 / 6) / 4)
    assert mrr_at(ranks, 5) == pytest.approx((1 + 1 / 3) / 4)
    assert mrr_at([2], 10) == 0.5


def test_retrieval_metrics_are_none_without_items():
    assert recall_at([], 1) is None
    assert mrr_at([], 10) is None


# -- facts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "alt, text, expected",
    [
        ("77", "2020 年职业院校输送毕业生 33.77 万人", False),
        ("33.77", "2020 年职业院校输送毕业生 33.77 万人", True),
        ("5", "比例达到 25%", False),
        ("25", "比例达到 25%", True),
        ("76", "中职学校在校生人数（万人） 74.3 76", True),
        ("74.3", "中职学校在校生人数（万人） 74.3 76", True),
        ("74.376", "中职学校在校生人数（万人） 74.3 76", False),
        ("80", "80.5%", False),
        ("1.7", "需增加1.75万人", False),
        ("8.3", "需提高8.3个百分点。", True),
        ("3", "第13页", False),
        ("3", "3万人", True),
        ("2倍", "达到普通高中的 2 倍以上", True),
        ("浙江教育现代化2035", "《浙江教育现代化 2035 行动纲要》", True),
        ("双元制", "借鉴德国“双元制”人才培养模式", True),
        ("学分银行", "学分 银行", True),
        ("学分银行", "学分", False),
        ("", "任何文字", False),
    ],
)
def test_fact_present(alt, text, expected):
    assert fact_present(alt, text) is expected


def test_fact_present_finds_a_later_whole_number_after_a_partial_one():
    assert fact_present("77", "33.77 万人，另有 77 所")


def test_facts_matched_needs_every_group_and_any_alternative():
    groups = [["76"], ["54", "五十四"]]
    assert facts_matched(groups, "中职76万人，高职54万人")
    assert facts_matched(groups, "中职76万人，高职五十四万人")
    assert not facts_matched(groups, "中职76万人")
    assert missing_facts(groups, "中职76万人") == [["54", "五十四"]]
    assert not facts_matched([], "没有要求的事实")


# -- per item and aggregation ---------------------------------------------------------


def _o(category="c", answerable=True, found=True, rank=1, facts_ok=True, cites_gold=True, quotes=1, verified=1, chars=10, ms=10.0):
    return Outcome(category, answerable, found, rank, facts_ok, cites_gold, quotes, verified, chars, ms)


def test_outcome_correctness():
    assert _o().correct
    assert not _o(facts_ok=False).correct
    assert not _o(cites_gold=False).correct
    assert not _o(found=False).correct
    assert _o(answerable=False, found=False, rank=None).correct
    assert not _o(answerable=False, found=True, rank=None).correct


def test_summarize_exact_values():
    outcomes = [
        _o(rank=1, chars=100, ms=10.0),  # right
        _o(found=False, rank=3, facts_ok=False, cites_gold=False, quotes=0, verified=0, chars=50, ms=20.0),  # false refusal
        _o(answerable=False, found=False, rank=None, facts_ok=False, cites_gold=False, quotes=0, verified=0, chars=50, ms=30.0),
        _o(answerable=False, found=True, rank=None, facts_ok=False, cites_gold=False, quotes=3, verified=2, chars=300, ms=40.0),
    ]
    m = summarize(outcomes, ingest_ms=1234.56)
    assert tuple(m) == METRIC_KEYS
    assert m["recall_at_1"] == 0.5
    assert m["recall_at_5"] == 1.0
    assert m["mrr_at_10"] == 0.6667
    assert m["answer_accuracy"] == 0.5
    assert m["citation_accuracy"] == 0.5
    assert m["citation_verified"] == 0.75
    assert m["refusal_accuracy"] == 0.5
    assert m["false_refusal_rate"] == 0.5
    assert m["median_answer_chars"] == 200.0  # answered items only: 100 and 300
    assert m["p50_ms"] == 25.0
    assert m["p95_ms"] == 38.5
    assert m["ingest_ms"] == 1234.6


def test_summarize_gives_none_where_a_metric_does_not_apply():
    only_unanswerable = summarize([_o(answerable=False, found=False, rank=None, quotes=0, verified=0)])
    for key in ("recall_at_1", "recall_at_5", "mrr_at_10", "citation_accuracy", "false_refusal_rate", "citation_verified", "median_answer_chars", "ingest_ms"):
        assert only_unanswerable[key] is None, key
    assert only_unanswerable["refusal_accuracy"] == 1.0
    assert only_unanswerable["answer_accuracy"] == 1.0

    only_answerable = summarize([_o()])
    assert only_answerable["refusal_accuracy"] is None
    assert only_answerable["false_refusal_rate"] == 0.0

    empty = summarize([])
    assert all(v is None for v in empty.values())


def test_summarize_by_category_has_every_key_and_no_ingest():
    cats = summarize_by_category([_o(category="a"), _o(category="b", found=False), _o(category="a", rank=None)])
    assert list(cats) == ["a", "b"]
    for metrics in cats.values():
        assert tuple(metrics) == METRIC_KEYS
        assert metrics["ingest_ms"] is None
    assert cats["a"]["recall_at_1"] == 0.5
    assert cats["b"]["false_refusal_rate"] == 1.0


def test_percentile_interpolates():
    assert percentile([10, 20, 30, 40], 50) == 25
    assert percentile([10, 20, 30, 40], 95) == pytest.approx(38.5)
    assert percentile([7], 95) == 7
    assert percentile([], 50) is None


# -- quotes, replies, limits ------------------------------------------------------------

SOURCES = {"d": "一、总则\n重点建设省级高水平高职院校 15 所、高水平专业群 30 个。\n表\n中职学校在校生人数（万人） 74.3 76"}


def test_quote_verified_checks_offsets_and_text():
    text = SOURCES["d"]
    start = text.index("重点")
    end = text.index("。") + 1
    assert quote_verified(Quote(text[start:end], "d", start, end), SOURCES)
    assert not quote_verified(Quote(text[start:end], "d", start + 1, end + 1), SOURCES)
    assert not quote_verified(Quote("重点建设 15 所", "d", start, start + 9), SOURCES)
    assert not quote_verified(Quote(text[start:end], "other", start, end), SOURCES)
    assert not quote_verified(Quote("", "d", 0, 0), SOURCES)


def _item(**overrides):
    raw = {
        "id": "t1",
        "question": "省级高水平高职院校建几所？",
        "history": [],
        "category": "column",
        "answerable": True,
        "expected_facts": [["15"]],
        "gold": {"section": "一、总则", "span": "高水平高职院校 15 所"},
    }
    raw.update(overrides)
    return parse_item(raw)


def test_score_reply_right_answer():
    text = SOURCES["d"]
    start, end = text.index("重点"), text.index("。") + 1
    reply = Reply("重点建设省级高水平高职院校 15 所。[1]", True, (Quote(text[start:end], "d", start, end, "一、总则"),), (text[start:end],), 12.0)
    result = score_reply(_item(), reply, SOURCES)
    assert result.outcome.correct and result.outcome.rank == 1 and result.outcome.quotes_verified == 1
    assert failure_kind(result) == ""


def test_score_reply_indicator_citation_counts_through_its_display():
    item = _item(category="indicator", expected_facts=[["76"]], gold={"section": "表", "span": "中职学校在校生人数"})
    text = SOURCES["d"]
    # A second-level row's quote may lack the name; the display carries it.
    quote = Quote("74.3 76", "d", text.index("74.3"), len(text), "表\n中职学校在校生人数（万人） · 2025年 76", evidence="74.3 76\n中职学校在校生人数（万人）", kind="indicator")
    reply = Reply("2025年目标为76万人[1]。", True, (quote,), (quote.evidence_text(),), 5.0)
    result = score_reply(item, reply, SOURCES)
    assert result.outcome.cites_gold and result.outcome.facts_ok and result.outcome.correct
    assert result.outcome.quotes_verified == 1


def test_score_reply_numbers_inside_other_numbers_do_not_count():
    item = _item(expected_facts=[["77"]])
    reply = Reply("输送毕业生 33.77 万人", True, (), ("高水平高职院校 15 所",), 1.0)
    result = score_reply(item, reply, SOURCES)
    assert not result.outcome.facts_ok and result.missing == [["77"]]
    assert failure_kind(result).startswith("gold passage retrieved")


def test_failure_kinds():
    refused = score_reply(_item(), Reply("抱歉", False, (), ("无关", "高水平高职院校 15 所"), 1.0), SOURCES)
    assert not refused.outcome.found and not refused.outcome.correct
    assert failure_kind(refused) == "refused an answerable question (gold evidence retrieved at rank 2)"
    unanswerable = _item(answerable=False, expected_facts=[], gold=None, category="unanswerable")
    answered = score_reply(unanswerable, Reply("胡说", True, (), (), 1.0), SOURCES)
    assert failure_kind(answered) == "answered an unanswerable question"
    row = Quote("x", "d", 0, 1, kind="indicator")
    wrong_row = score_reply(_item(gold={"section": "表", "span": "中职学校在校生人数"}, expected_facts=[["76"]]),
                            Reply("高职 54", True, (row,), ("x",), 1.0), SOURCES)
    assert failure_kind(wrong_row, ["中职学校在校生人数（万人）"]) == "wrong indicator row"


def test_baseline_query_glues_history_questions():
    assert baseline_query("那高职呢？", [["中职比例多少？", "89%"]]) == "中职比例多少？ 那高职呢？"
    assert baseline_query("问题", []) == "问题"


def test_check_limits_reports_each_broken_limit():
    metrics = {"answer_accuracy": 0.6, "refusal_accuracy": 0.5, "false_refusal_rate": 0.2}
    assert check_limits(metrics, {"answer_accuracy": 0.6, "refusal_accuracy": 0.4, "false_refusal_rate": 0.2}) == []
    broken = check_limits(metrics, {"answer_accuracy": 0.7, "refusal_accuracy": 0.4, "false_refusal_rate": 0.1})
    assert len(broken) == 2
    assert broken[0].startswith("answer_accuracy 0.6000 < 0.7000")
    assert broken[1].startswith("false_refusal_rate 0.2000 > 0.1000")
    assert check_limits({"refusal_accuracy": None}, {"refusal_accuracy": 0.9}) == []


def test_load_limits_validates(tmp_path):
    path = tmp_path / "limits.json"
    path.write_text(json.dumps({"answer_accuracy": 0.5, "refusal_accuracy": 0.3, "false_refusal_rate": 0.2}))
    assert load_limits(path) == {"answer_accuracy": 0.5, "refusal_accuracy": 0.3, "false_refusal_rate": 0.2}
    path.write_text(json.dumps({"recall": 0.5}))
    with pytest.raises(EvaluationError, match="unknown limit"):
        load_limits(path)
    path.write_text(json.dumps({"answer_accuracy": 5}))
    with pytest.raises(EvaluationError, match="0..1"):
        load_limits(path)
    with pytest.raises(EvaluationError, match="--check needs"):
        load_limits(tmp_path / "missing.json")


def test_the_repository_limits_file_is_valid():
    from pathlib import Path

    limits = load_limits(Path(__file__).resolve().parents[2] / "eval" / "limits.json")
    assert set(limits) == {"answer_accuracy", "refusal_accuracy", "false_refusal_rate"}


def test_load_questions_validates_and_names_the_line(tmp_path):
    path = tmp_path / "q.jsonl"
    good = {"id": "a1", "question": "问？", "history": [["前问", "前答"]], "category": "followup", "answerable": True,
            "expected_facts": [["x"]], "gold": {"section": "s", "span": "span!"}, "note": ""}
    path.write_text(json.dumps(good, ensure_ascii=False) + "\n\n", encoding="utf-8")
    items = load_questions(path)
    assert items[0].history == (("前问", "前答"),) and items[0].history_pairs() == [["前问", "前答"]]
    bad = dict(good, id="a2", gold=None)
    path.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"q.jsonl:2"):
        load_questions(path)
    path.write_text(json.dumps(good) + "\n" + json.dumps(good) + "\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match="duplicate id"):
        load_questions(path)
    path.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match="not valid JSON"):
        load_questions(path)
