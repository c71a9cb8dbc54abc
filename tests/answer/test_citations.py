"""Citation verification: verbatim quotes, supported numbers, renumbered markers."""

from __future__ import annotations

from assistant.answer.citations import MAX_QUOTE_CHARS, format_number, quote_window, verify
from assistant.types import Citation, IndicatorRow

SOURCE = "一、总则\n到 2025 年，专升本比例达到 25%。中职学校办学条件全面达标。\n高职 71.7 80"


def cite(n: int, quote: str, kind: str = "text", display: str = "") -> Citation:
    start = SOURCE.index(quote)
    return Citation(n, kind, "规划", ("一、总则",), None, quote, display or quote, "doc", start, start + len(quote))


ROW = IndicatorRow(
    doc_id="doc", dimension="条件支撑", indicator="职业院校“双师型”教师占专业课教师比例（%）", level="高职",
    baseline_2020="71.7", target_2025="80", unit="%", note="", quote="高职 71.7 80",
    start=SOURCE.index("高职 71.7 80"), end=SOURCE.index("高职 71.7 80") + len("高职 71.7 80"), page=None, section=(),
)


def test_verbatim_quotes_pass_and_markers_stay():
    c = cite(1, "到 2025 年，专升本比例达到 25%。")
    v = verify("专升本比例达到 25%[1]。", [c], {"doc": SOURCE})
    assert v.answer == "专升本比例达到 25%[1]。"
    assert [x.n for x in v.citations] == [1]
    assert v.dropped == ()


def test_altered_quote_is_dropped_with_its_sentence_and_markers_renumbered():
    good = cite(2, "中职学校办学条件全面达标。")
    bad = Citation(1, "text", "规划", (), None, "专升本比例达到 30%。", "", "doc", 12, 25)
    v = verify("专升本比例提高[1]。办学条件全面达标[2]。", [bad, good], {"doc": SOURCE})
    assert v.answer == "办学条件全面达标[1]。"
    assert [(c.n, c.quote) for c in v.citations] == [(1, "中职学校办学条件全面达标。")]
    assert any("不符" in d for d in v.dropped)


def test_number_not_in_cited_quote_is_dropped():
    c = cite(1, "到 2025 年，专升本比例达到 25%。")
    v = verify("专升本比例达到 30%[1]。", [c], {"doc": SOURCE})
    assert v.answer == "" and v.citations == ()


def test_gap_of_one_cited_row_is_supported():
    c = Citation(1, "indicator", "规划", (), None, ROW.quote, ROW.display(), "doc", ROW.start, ROW.end)
    v = verify("需提高8.3个百分点[1]。", [c], {"doc": SOURCE}, {1: ROW})
    assert v.answer == "需提高8.3个百分点[1]。"
    v = verify("需提高9.3个百分点[1]。", [c], {"doc": SOURCE}, {1: ROW})
    assert v.answer == ""


def test_a_figure_the_user_gave_and_its_distance_to_the_target_are_supported():
    c = Citation(1, "indicator", "规划", (), None, ROW.quote, ROW.display(), "doc", ROW.start, ROW.end)
    text = "按您给出的75%计算，距2025年目标80%还差5个百分点[1]。"
    assert verify(text, [c], {"doc": SOURCE}, {1: ROW}, given=["75"]).answer == text
    assert verify(text, [c], {"doc": SOURCE}, {1: ROW}).answer == ""  # 75 and 5 come from nowhere
    wrong = "按您给出的75%计算，距2025年目标80%还差6个百分点[1]。"
    assert verify(wrong, [c], {"doc": SOURCE}, {1: ROW}, given=["75"]).answer == ""


def test_uncited_number_sentence_is_dropped_but_framing_kept():
    c = cite(1, "中职学校办学条件全面达标。")
    v = verify("规划期为2021—2025年。共有 7 项任务。办学条件全面达标[1]。", [c], {"doc": SOURCE})
    assert v.answer == "规划期为2021—2025年。办学条件全面达标[1]。"


def test_unknown_document_is_dropped():
    c = Citation(1, "text", "x", (), None, "abc", "", "other", 0, 3)
    assert verify("abc[1]。", [c], {"doc": SOURCE}).citations == ()


def test_quote_window_keeps_focus_and_fits():
    text = "，".join(f"第{i}项内容说明" for i in range(60)) + "。"
    start, end = quote_window(text, 0, len(text), ["第42项"])
    assert end - start <= MAX_QUOTE_CHARS
    assert "第42项" in text[start:end]


def test_format_number():
    assert format_number(80 - 71.7) == "8.3"
    assert format_number(150 - 120) == "30"
    assert format_number(3 - 0.48) == "2.52"
