"""专栏 in a store of several documents: each document numbers its own."""

from __future__ import annotations

import shutil

import pytest

from conftest import PLAN_PDF, make_settings

from assistant.types import Turn

OTHER_PLAN = """嘉禾市职业教育提质行动方案

一、重点任务

（一）打造技能大师工作室

专栏 1：技能大师工作室建设

在全市职业院校建设一批技能大师工作室，每个工作室配备不少于 3 名青年教师，开展传帮带和技术攻关。工作室每年面向企业职工开放实训设备，承接技术革新项目。

（二）深化校企合作

推动职业院校与园区企业共建订单班，实行校企双导师培养。
"""


@pytest.fixture(scope="module")
def two_plans(tmp_path_factory):
    from assistant.ingest.pipeline import ingest
    from assistant.service import Assistant

    tmp = tmp_path_factory.mktemp("twoplans")
    corpus = tmp / "corpus"
    corpus.mkdir()
    shutil.copy(PLAN_PDF, corpus / PLAN_PDF.name)
    (corpus / "jiahe-action-plan.txt").write_text(OTHER_PLAN, encoding="utf-8")
    settings = make_settings(tmp, corpus_dir=corpus)
    report = ingest(settings)
    assert report.ok and len(report.added) == 2, report
    return Assistant(settings)


def test_a_followup_stays_in_the_column_of_the_document_just_cited(two_plans):
    first = two_plans.ask("技能大师工作室要配备几名青年教师？")
    assert first.found and first.citations[0].section[-1] == "专栏 1：技能大师工作室建设"
    doc = first.citations[0].doc_id
    second = two_plans.ask("这个专栏里还讲了什么？", [Turn(first.question, first.answer, first.citations)])
    assert second.found
    assert {c.doc_id for c in second.citations} == {doc}
    assert "实训设备" in second.answer
    # The plan's own 专栏 1 has the same number and none of its words belong here.
    assert "职业教育" not in "".join(c.quote for c in second.citations)


def test_a_column_named_by_its_title_is_found_in_its_document(two_plans):
    a = two_plans.ask("技能大师工作室建设专栏讲了什么？")
    assert a.found
    assert {c.section[-1] for c in a.citations} == {"专栏 1：技能大师工作室建设"}


def test_the_plans_column_by_number_is_still_the_plans(two_plans):
    a = two_plans.ask("专栏5有哪些具体任务？")
    assert a.found and all(c.section[-1] == "专栏 5：职业教育教材建设" for c in a.citations)


def test_a_number_both_documents_use_goes_to_the_document_the_question_is_about(two_plans):
    ours = two_plans.ask("专栏1里的技能大师工作室每年要做什么？")
    assert ours.found and {c.section[-1] for c in ours.citations} == {"专栏 1：技能大师工作室建设"}
    plans = two_plans.ask("专栏1的三全育人典型学校要培育多少所？")
    assert plans.found and {c.section[-1] for c in plans.citations} == {"专栏 1：职业院校“三全育人”行动计划"}


def test_the_list_of_columns_is_given_per_document(two_plans):
    a = two_plans.ask("一共有哪些专栏？")
    assert a.found
    assert "《嘉禾市职业教育提质行动方案》设有以下专栏：专栏 1：技能大师工作室建设" in a.answer
    assert "设有以下专栏：专栏 1：职业院校“三全育人”行动计划" in a.answer
    assert len(a.citations) == 12  # the plan's 11 and the other document's one


def test_a_column_called_by_part_of_its_title(assistant):
    a = assistant.ask("温台那个专栏写材料要用，原文要点是啥")
    assert a.found and all(c.section[-1] == "专栏 11：温台职业教育创新高地建设" for c in a.citations)
