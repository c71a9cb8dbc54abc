"""Places, the country and parts of the province a question names."""

from __future__ import annotations


def test_a_place_the_plan_names_by_its_one_character_name_is_covered(assistant):
    from assistant.answer.scope.areas import place_mentioned

    k = assistant.knowledge
    # The plan names 香港 only in 浙港职业教育联盟.
    assert place_mentioned("香港", k.corpus_norm) and not place_mentioned("澳门", k.corpus_norm)
    a = assistant.ask("和香港那边有什么职业教育合作？")
    assert a.found and "建立浙港职业教育联盟" in a.citations[0].quote
    assert not assistant.ask("澳门的职业教育有什么合作？").found


def test_the_country_is_named_in_more_ways_than_one():
    from assistant.answer.scope.areas import area_other_than_province

    assert area_other_than_province("国家层面给高职双师型教师比例定的目标是多少？") == "国家层面"
    assert area_other_than_province("教育部要求的双师型比例是多少？") == "教育部"
    assert area_other_than_province("到2025年高职双师型教师比例要达到多少？") is None


def test_the_country_as_a_comparison_is_answered_from_the_text(assistant):
    a = assistant.ask("浙江的职高、大专这些职业教育，现在在全国算是什么水平啊？")
    assert a.found and any("走在全国前列" in c.quote for c in a.citations)
    b = assistant.ask("全国高职在校生2025年要达到多少万人？")
    assert not b.found and "全国" in b.answer


def test_a_figure_narrowed_to_a_kind_of_school_or_part_of_the_province_is_not_the_tables(assistant):
    a = assistant.ask("民办高职的双师型教师比例要达到多少？")
    assert not a.found and "民办" in a.answer
    b = assistant.ask("山区26县中职学生升学比例目标是多少")
    assert not b.found and "山区" in b.answer
    # Setting the scene narrows nothing: the province's row answers.
    c = assistant.ask("我是山区县一所中职的校长，中职双师型比例目标多少？")
    assert c.found and c.citations[0].kind == "indicator"


def test_a_figure_asked_of_the_whole_country_needs_a_clause_that_names_it(assistant):
    # The plan's 30 所 is a provincial figure ("在省级层面培育"); it says nothing of a national target.
    a = assistant.ask("教育部的提质培优行动计划要求全国建多少所优质中职学校？")
    assert not a.found and not a.citations
    assert "没有教育部的具体数据" in a.answer
    # Where the plan itself speaks of the country, the text answers ("在全国名列第一").
    b = assistant.ask("浙江高职双高建设在全国排第几？")
    assert b.found and any("全国" in c.quote for c in b.citations)
