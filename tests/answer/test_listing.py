"""Question shapes that want several things, and the list answers (assistant/answer/listing.py)."""

from __future__ import annotations

from assistant.answer.listing import asks_for_clause, asks_two_parts, coordinated_terms


def test_two_part_and_clause_questions_are_recognised():
    assert asks_two_parts("中职和高职的目标分别是多少")
    assert asks_two_parts("省级与设区市各要统筹什么")
    assert not asks_two_parts("高职双师型比例目标是多少")
    assert asks_for_clause("这一条的原文怎么写的")
    assert not asks_for_clause("中职可以升本科吗")


def test_coordinated_words_are_the_documents_words_on_each_side_of_the_conjunction(assistant):
    weights = assistant.knowledge.weights
    # jieba cuts 设区市 into 设区 | 市; 设区 is still the documents' word.
    assert coordinated_terms("省级和设区市各自负责什么？", weights) == [("省级",), ("设区",)]
    # An everyday word stands for its translations the documents use.
    assert ("省级", "全省") in coordinated_terms("省里和各市分别管什么", weights)
    # A word the documents never use is no part to cover.
    assert coordinated_terms("宿舍和食堂怎么样", weights) == []


def test_a_question_that_only_names_a_section_is_answered_by_its_opening(assistant):
    a = assistant.ask("规划的主要目标是什么？")
    assert a.found
    assert a.citations[0].section == ("二、总体思路", "（三）发展目标")
    assert a.citations[0].quote.startswith("到 2025 年，建成具有浙江特色的纵向贯通、横向融通的现代职业教育体系")
    b = assistant.ask("指导思想是什么？")
    assert b.citations[0].section == ("二、总体思路", "（一）指导思想")


def test_a_word_every_heading_of_a_depth_holds_names_no_section(assistant):
    from assistant.answer.listing import named_section

    k = assistant.knowledge
    assert named_section(k, "规划里一共设了几个专栏？") is None  # every 专栏 heading holds 专栏
    assert named_section(k, "双师型教师培训基地建多少个") is None  # more than a heading says
    assert named_section(k, "面临什么形势")[1] == ("一、发展基础和面临形势",)


def test_an_english_question_is_shaped_by_its_chinese_terms(assistant):
    a = assistant.ask("What are the safeguard measures in the plan?")
    assert a.answer.startswith("“四、保障措施”[1]包括以下方面：（一）加强领导和组织保证[2]")
    b = assistant.ask("What support is there for private vocational schools?")
    assert b.found and b.citations[0].quote.startswith("支持民办职业院校内涵特色发展")


def test_how_many_items_and_which_is_answered_by_the_list(assistant):
    a = assistant.ask("写汇报要引用规划的基本原则，一共几条，分别是什么")
    assert [c.quote[:10] for c in a.citations] == ["立德树人，德技并修。", "聚焦产业，服务大局。", "统筹布局，优化结构。", "育训并举，突破发展。"]
    # A list of measures names no school.
    assert not assistant.ask("浙江现在有哪几所职业本科大学？").found


def test_a_measure_whose_paragraph_holds_the_rest_of_the_question_is_answered_by_that_paragraph(assistant):
    a = assistant.ask("在扩大职业培训上，规划对职业院校的定位和培训载体有哪些安排？")
    quotes = [c.quote for c in a.citations]
    assert quotes[0].startswith("探索超常规扩大职业培训新路子。")
    # The paragraph under that lead, not the section's other measures.
    assert any("重点职业培训机构目录清单" in q for q in quotes)
    assert "大力提升技术技能创新服务水平。" not in quotes


def test_asking_which_figures_is_no_list_of_measures(assistant):
    from assistant.answer.listing import asks_figures, asks_list

    assert asks_figures("思政课这块有哪些具体数量？") and not asks_list("思政课这块有哪些具体数量？")
    assert asks_list("思政课方面有哪些举措？")
    a = assistant.ask("双高计划这块都有哪些具体数字？")
    assert "15 所" in a.citations[0].quote


def test_a_list_question_beside_another_question_answers_both(assistant):
    a = assistant.ask("我在写一篇新闻稿，规划弘扬的时代风尚原文是哪几句？宣传活动有哪些？")
    quotes = [c.quote for c in a.citations]
    assert any("弘扬“劳动光荣、技能宝贵、创造伟大”的时代风尚" in q for q in quotes)
    assert any("办好职业技能大赛、职业教育活动周" in q for q in quotes)


def test_whether_there_are_figures_asks_for_them(assistant):
    from assistant.answer.listing import asks_figures

    assert asks_figures("老年教育有具体数量目标吗？") and asks_figures("规划有量化目标吗")
    assert not asks_figures("老年教育有哪些安排？")
    a = assistant.ask("老年教育有具体数量目标吗？")
    assert "培育 100 所老年教育优质校" in a.citations[0].quote
