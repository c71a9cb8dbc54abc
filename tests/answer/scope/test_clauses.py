"""Which clauses of a question ask: the scene set before them says nothing of what is covered."""

from __future__ import annotations

from assistant.answer.scope.clauses import asked_clauses
from assistant.answer.scope.unknown_words import unknown_topics


def test_asked_clauses_drop_the_scene_setting():
    assert asked_clauses("我在餐馆打工好几年了，只有初中学历，还有机会读高职吗？") == "还有机会读高职吗?"
    assert asked_clauses("宿舍是几人间？有空调吗？") == "宿舍是几人间?有空调吗?"
    # Nothing asks: the whole question is the focus.
    assert asked_clauses("中职学校招生") == "中职学校招生"


def test_scene_setting_words_the_plan_never_uses_do_not_block_an_answer(assistant):
    a = assistant.ask("我在餐馆打工好几年了，还有机会读高职吗？")
    assert a.found
    assert any("高职扩招" in c.quote for c in a.citations)


def test_english_clauses_ask_and_a_thousands_comma_ends_no_clause():
    q = "How many students were in 职教本科 in 2020, and what is the 2025 target (in 10,000s)?"
    assert asked_clauses(q).startswith("how many students")
    assert "10,000s" in asked_clauses(q)
    assert asked_clauses("我们学校在杭州，规划里有哪些要求？") == "规划里有哪些要求?"


def test_a_clause_of_question_words_alone_asks_about_the_one_before():
    assert asked_clauses("我想投诉我们学校乱收费，怎么办？") == "我想投诉我们学校乱收费,怎么办?"
    assert asked_clauses("孩子想读五年制，可以吗？") == "孩子想读五年制,可以吗?"
    assert asked_clauses("我们学校乱收费，还强制实习，怎么办？") == "我们学校乱收费,还强制实习,怎么办?"
    # A clause that asks something of its own does not bring the scene in.
    assert asked_clauses("我在餐馆打工好几年了，只有初中学历，还有机会读高职吗？") == "还有机会读高职吗?"


def test_a_complaint_about_fees_is_not_covered(assistant):
    a = assistant.ask("想投诉学校乱收费，怎么办？")
    assert not a.found and "乱收费" in a.answer


def test_a_colon_ends_the_clause_that_introduces_the_question():
    assert asked_clauses("领导讲话要用基础数据：2020年职业院校输送毕业生多少、培训多少人次") == "2020年职业院校输送毕业生多少、培训多少人次"


def test_an_asked_clause_that_points_at_the_scene_asks_about_it(assistant):
    assert asked_clauses("我外甥高中毕业没读书也没工作，这种情况职业学校能帮上忙吗？") == "我外甥高中毕业没读书也没工作,这种情况职业学校能帮上忙吗?"
    # Without a pointer the scene is only setting.
    assert asked_clauses("我外甥高中毕业没读书，职业学校能帮上忙吗？") == "职业学校能帮上忙吗?"
    k = assistant.knowledge
    assert unknown_topics("我外甥高中毕业没读书，这种情况职业学校能帮上忙吗？", k.corpus_norm, k.weights) == []
    a = assistant.ask("我外甥高中毕业没读书也没工作，这种情况职业学校能帮上忙吗？")
    assert a.found and "两后生" in a.citations[0].quote


def test_the_asker_introducing_themselves_sets_the_scene_only(assistant):
    from assistant.answer.scope.clauses import asked_clauses

    question = "我们是一家制造业企业，听说规划对大中型企业参与职业教育有比例要求，具体是多少？"
    assert "制造业" not in asked_clauses(question)
    assert "大中型企业" in asked_clauses(question)
    a = assistant.ask(question)
    assert a.found and a.citations[0].display.startswith("大中型企业深度参与职业教育办学覆盖率")
