"""The UI helper modules on their own: escaping, rendering, charts, exports, uploads, feedback."""

from __future__ import annotations

import html
import json
import re

import pytest

from assistant.types import Answer, Citation, IndicatorRow
from assistant.ui import charts, exports, render
from assistant.ui.conversation import Exchange, exchange_for_message, history_turns
from assistant.ui.feedback import FeedbackLog, rating_of
from assistant.ui.messages import describe_error, error_payload
from assistant.ui.personas import PERSONAS, persona
from assistant.ui.uploads import UploadRefused, safe_filename, save_upload

HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)"> [点我](javascript:alert(3)) ${7*7} {{x}} `c`'


def _citation(n: int = 1, quote: str = "中职学生直接升入高一级学校比例（%） 42 50", **kw) -> Citation:
    base = dict(
        n=n,
        kind="text",
        doc="浙江省职业教育“十四五”发展规划(2021—2025 年)",
        section=("二、总体思路", "（三）发展目标"),
        page=2,
        quote=quote,
        display="…",
        doc_id="plan",
        start=10,
        end=10 + len(quote),
    )
    base.update(kw)
    return Citation(**base)


def _answer(text: str = "目标为50%[1]。", citations=None, **kw) -> Answer:
    return Answer(question="问题", answer=text, found=True, mode="extractive", citations=tuple(citations or [_citation()]), **kw)


# -- escaping ---------------------------------------------------------------------


def test_escape_html_leaves_no_markup_and_round_trips():
    out = render.escape_html(HOSTILE)
    assert "<" not in out and ">" not in out and "${" not in out and "{{" not in out and "`" not in out
    assert html.unescape(out) == HOSTILE


@pytest.mark.parametrize(
    "text, expected",
    [
        ("<b>x</b>", "&lt;b&gt;x&lt;/b&gt;"),
        ("[点我](javascript:alert(1))", "\\[点我\\](javascript:alert(1))"),
        ("# 标题", "\\# 标题"),
        ("1. 列表", "1\\. 列表"),
        ("见 http://evil.example/x", "见 http\\://evil.example/x"),
        ("见 www.evil.example", "见 www\\.evil.example"),
        ("*强调* _下划线_ `代码`", "\\*强调\\* \\_下划线\\_ \\`代码\\`"),
        ("| a | b |", "\\| a \\| b \\|"),
        ("    缩进代码", "缩进代码"),
        ("---", "\\---"),
    ],
)
def test_escape_markdown_disarms_syntax(text, expected):
    assert render.escape_markdown(text) == expected


def test_escape_markdown_keeps_plain_text_and_citation_markers_readable():
    text = "2020年为85.8%，2025年目标为89%，需提高3.2个百分点[1]。举措如下[2]"
    assert render.escape_markdown(text) == text
    # A marker that could start a link is escaped.
    assert render.escape_markdown("见[1](http://x)").startswith("见\\[1\\]")


def test_stream_pieces_grow_to_the_whole_and_never_split_an_entity():
    md = render.escape_markdown("甲<乙>&丙" * 40)
    pieces = render.stream_pieces(md)
    assert pieces[-1] == md and len(pieces) > 3
    assert all(md.startswith(p) for p in pieces)
    for p in pieces:
        amp = p.rfind("&")
        assert amp == -1 or ";" in p[amp:], p[-10:]
        assert not p.endswith("\\")


# -- rendering answers and sources --------------------------------------------------------


def test_answer_markdown_has_markers_and_sources_all_escaped():
    c = _citation(section=("<b>章</b>",), doc="<i>文</i>")
    md = render.answer_markdown(_answer("答<script>x</script>[1]", [c], warnings=("注意<u>",)))
    assert "[1]" in md and "<script>" not in md and "<b>" not in md and "<i>" not in md and "<u>" not in md
    assert "&lt;script&gt;" in md and "第2页" in md


def test_sources_html_lists_every_citation_with_its_verbatim_quote():
    cs = [_citation(1, "甲<乙"), _citation(2, "丙&丁", page=None)]
    out = render.sources_html(_answer(citations=cs))
    assert out.count('class="zj-source"') == 2
    assert "甲&lt;乙" in out and "丙&amp;丁" in out and "页码不详" in out
    assert "二、总体思路 › （三）发展目标" in out


def test_context_html_marks_exactly_the_quote():
    quote = "培养 <200> 名${x}传承人"
    c = _citation(quote=quote)
    out = render.context_html(c, {"before": "前文<script>", "quote": quote, "after": "后文{{y}}"})
    marked = re.findall(r"<mark>(.*?)</mark>", out)
    assert len(marked) == 1 and html.unescape(marked[0]) == quote
    assert "<script>" not in out and "{{" not in out


def test_not_found_and_empty_source_panels():
    assert "提问后" in render.sources_html(None)
    refusal = Answer(question="火星", answer="抱歉", found=False, mode="extractive")
    assert "没有找到" in render.sources_html(refusal)


# -- conversation state, messages ------------------------------------------------------------


def test_history_turns_skip_errors_and_keep_citations():
    a = _answer()
    ex = [Exchange("q1", a), Exchange("q2", None, "问题太长")]
    turns = history_turns(ex)
    assert len(turns) == 1 and turns[0].citations == a.citations
    assert exchange_for_message(ex, 3) is ex[1] and exchange_for_message(ex, 4) is None


def test_errors_become_messages_without_traceback(capsys):
    from assistant.errors import QuestionError

    assert describe_error(QuestionError("问题是空的：请输入一个问题")) == "问题是空的：请输入一个问题"
    msg = describe_error(RuntimeError("boom"))
    assert "内部错误" in msg and "Traceback" not in msg and "boom" not in msg
    assert "boom" in capsys.readouterr().err  # the details go to the server log
    assert error_payload("q", QuestionError("x")) == {"question": "q", "error": {"code": "bad_question", "message": "x"}}


def test_personas_have_examples_and_only_staff_drafts():
    assert [p.name for p in PERSONAS] == ["学校管理者", "学生和家长", "工作人员"]
    assert all(len(p.examples) >= 3 for p in PERSONAS)
    assert [p.name for p in PERSONAS if p.can_draft] == ["工作人员"]
    assert persona("nobody").name == "学校管理者"


# -- indicators and charts ----------------------------------------------------------------------


def _row(indicator, unit, base, target, level=None) -> IndicatorRow:
    return IndicatorRow(
        doc_id="d", dimension="维度", indicator=indicator, level=level, baseline_2020=base, target_2025=target,
        unit=unit, note="", quote="", start=0, end=0, page=1, section=(),
    )  # fmt: skip


def test_gap_is_target_minus_baseline_at_printed_precision():
    assert charts.gap("74.3", "76") == "+1.7"
    assert charts.gap("0.48", "3") == "+2.52"
    assert charts.gap("11369", "13000") == "+1631"
    assert charts.gap("-", "100") == "-"


def test_question_for_row_names_the_indicator_and_level():
    q = charts.question_for_row(["条件支撑", "职业院校“双师型”教师占专业课教师比例（%）", "高职", "71.7", "80", "+8.3", "%"])
    assert q.startswith("职业院校“双师型”教师占专业课教师比例（高职）") and "（%）" not in q


def test_charts_one_figure_per_unit_group(tmp_path):
    rows = [
        _row("甲比例（%）", "%", "10", "30"),
        _row("乙比例（%）", "%", "-", "100", "中职"),
        _row("在校生（万人）", "万人", "74.3", "76"),
        _row("设备值（元）", "元", "11369", "13000"),
        _row("学院数量（所）", "所", "16", "25"),
        _row("项目（个）", "个", "67", "80"),
        _row("面积（平方米）", "平方米", "1", "2"),
    ]
    drawn = charts.render_charts(rows, tmp_path)
    assert [c.key for c in drawn] == ["%", "万人", "元", "所/个", "其他"]
    for c in drawn:
        assert c.path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert charts.cjk_font() is not None, "install fonts-noto-cjk so charts can draw Chinese"


# -- exports ---------------------------------------------------------------------------------------


def test_conversation_markdown_has_questions_answers_and_quotes():
    ex = [Exchange("第一问<x>", _answer(citations=[_citation(quote="原文一句")]), persona="学生和家长"), Exchange("太长", None, "问题太长")]
    md = exports.conversation_markdown(ex)
    assert "第一问&lt;x&gt;" in md and "> 原文一句" in md and "第2页" in md and "问题太长" in md


def test_draft_exports_docx_and_md(tmp_path):
    text = "关于升学比例的答复\n\n您好！现答复如下：\n目标为50%[1]。\n\n感谢。\n\n引用条款：\n[1] 《规划》…：“原文”"
    answer = Answer(question="q", answer=text, found=True, mode="draft", citations=(_citation(),))
    md = exports.draft_markdown(answer)
    assert md.startswith("# 关于升学比例的答复") and "## 引用条款" in md and "[1] 《规划》" in md
    from docx import Document

    path = exports.write_draft_docx(answer, tmp_path / "d.docx")
    paras = [p.text for p in Document(str(path)).paragraphs]
    assert paras[0] == "关于升学比例的答复" and "引用条款" in paras and any(p.startswith("[1]") for p in paras)


# -- feedback --------------------------------------------------------------------------------------------


def test_feedback_appends_jsonl(tmp_path):
    log = FeedbackLog(tmp_path / "sub" / "fb.jsonl")
    log.record(Exchange("问", _answer(), persona="工作人员"), rating_of(True), 1)
    log.record(Exchange("问2", None, "错"), rating_of(False), 3)
    lines = [json.loads(x) for x in (tmp_path / "sub" / "fb.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [x["rating"] for x in lines] == ["up", "down"]
    assert lines[0]["citations"][0]["quote"] and lines[0]["persona"] == "工作人员" and lines[1]["error"] == "错"


# -- uploads --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, expected",
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\win.TXT", "win.txt"),
        ("规划 附件<1>.PDF", "规划_附件_1.pdf"),
        (".hidden.md", "hidden.md"),
        ("???.docx", "document.docx"),
    ],
)
def test_safe_filename(name, expected):
    assert safe_filename(name) == expected


@pytest.mark.parametrize("name", ["run.sh", "noext", "a.txt.exe"])
def test_safe_filename_refuses_other_types(name):
    with pytest.raises(UploadRefused):
        safe_filename(name)


def test_save_upload_never_overwrites_silently(tmp_path):
    folder = tmp_path / "corpus" / "uploads"
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("一", encoding="utf-8")
    b.write_text("二", encoding="utf-8")
    first = save_upload(a, "../x.txt", folder)
    assert first.path == folder / "x.txt" and first.action == "new"
    assert save_upload(a, "x.txt", folder).action == "same"
    with pytest.raises(UploadRefused):
        save_upload(b, "x.txt", folder)
    assert (folder / "x.txt").read_text(encoding="utf-8") == "一"
    replaced = save_upload(b, "x.txt", folder, replace=True)
    assert replaced.action == "replaced" and (folder / "x.txt").read_text(encoding="utf-8") == "二"
    replaced.rollback()  # a failed ingest restores the previous version
    assert (folder / "x.txt").read_text(encoding="utf-8") == "一"
    assert sorted(p.name for p in folder.iterdir()) == ["x.txt"]
    assert not (tmp_path / "x.txt").exists()
