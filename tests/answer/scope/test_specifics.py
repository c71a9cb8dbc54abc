"""What a question asks for specifically, and waivers and the items of a count in the evidence."""

from __future__ import annotations

from assistant.answer.scope.specifics import asks_specific, missing_specifics


def test_these_few_years_asks_for_no_number():
    assert not asks_specific("这几年专升本的机会会多一些吗？")
    assert asks_specific("专升本要读几年？")


def test_a_word_with_免_that_asks_no_waiver_is_not_one():
    evidence = ["中职学校实施党组织领导下的校长负责制。"]
    assert missing_specifics("职业院校校长任免有什么规定？", evidence) is None
    assert missing_specifics("免费师范生毕业后能到中职学校当老师吗？", evidence) is None


def test_a_waiver_must_be_stated():
    evidence = ["落实高职扩招工作举措，为退役军人、下岗失业人员等各类群体提供多元选拔录取方式。"]
    assert missing_specifics("退役军人上高职可以免考吗？", evidence) == "文件没有提到减免或免除的规定"
    assert missing_specifics("读中职能减免学费吗", evidence) == "文件没有提到减免或免除的规定"
    # 避免/以免 are no waivers.
    assert missing_specifics("怎样避免专业重复设置？", evidence) is None
    assert missing_specifics("退役军人上高职可以免考吗？", ["退役军人免试入学。"]) is None


def test_a_waiver_question_is_refused_on_the_real_plan(assistant):
    a = assistant.ask("下岗失业人员读高职能免除文化课考试吗？")
    assert not a.found and "减免或免除" in a.answer and not a.citations


def test_a_rough_figure_the_user_gives_asks_for_no_number():
    assert not asks_specific("我在厂里打工十几年了，能读大专吗？")
    assert asks_specific("要读几年才能毕业？")


def test_the_items_of_a_count_are_asked_for_not_the_count(assistant):
    evidence = ["深入开展“大国工匠进校园”“劳模进校园”“优秀职校生校园分享”等活动。"]
    assert missing_specifics("规划里提到的几个进校园活动都是什么？", evidence) is None
    assert missing_specifics("进校园活动一共搞几个？", evidence) == "文件提到了相关内容，但没有给出以“个”计的具体数字"
    a = assistant.ask("规划里提到的几个进校园活动都是什么？")
    assert a.found and "大国工匠进校园" in a.citations[0].quote


def test_a_few_of_something_is_no_count_asked():
    assert not asks_specific("有没有几个关键词？")
    assert asks_specific("有几个关键词？")
