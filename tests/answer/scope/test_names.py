"""Questions for names need names of the kind asked for in the evidence."""

from __future__ import annotations

from assistant.answer.scope.names import missing_names
from assistant.answer.scope.specifics import missing_specifics


def test_which_ones_needs_names_not_a_count():
    assert missing_names("丝路学院分别是哪几所？", ["高职（高专）丝路学院数量（所） 16 25"]) == "文件没有列出具体的名称或名单"
    assert missing_names("丝路学院有多少所？", ["高职（高专）丝路学院数量（所） 16 25"]) is None


def test_a_count_row_does_not_answer_which_schools(assistant):
    a = assistant.ask("职教本科学校分别是哪几所？")
    assert not a.found
    assert "文件没有列出具体的名称或名单" in a.answer


def test_national_level_projects_are_not_a_list_of_countries():
    assert missing_names("规划里有哪些国家级项目？", ["培育国家级教学成果"]) is None
    assert missing_names("丝路学院开在哪些国家？", ["到一带一路国家设立丝路学院"]) is not None


def test_where_is_answered_by_a_named_region_but_which_countries_is_not():
    evidence = ["到“一带一路”国家设立“丝路学院”等办学机构"]
    assert missing_names("鲁班工坊打算开到哪些地方？", evidence) is None
    assert missing_names("鲁班工坊具体开在哪几个国家？", evidence) == "文件没有列出具体的名称或名单"
    # A quoted term that names no place is no answer to "which".
    assert missing_names("和德国合作的试点机构分别是哪几家？", ["借鉴德国“双元制”人才培养模式，选择3所机构"]) is not None


def test_the_names_must_be_of_the_kind_asked_for():
    evidence = ["借鉴德国“双元制”人才培养模式，选择 3 所机构与德国合作，形成中国特色的模式。"]
    # A country is no school's name.
    assert missing_names("这个试点选的是哪几所学校？", evidence) == "文件没有列出具体的名称或名单"
    assert missing_names("和哪些国家合作办学？", ["与德国企业合作办学"]) is None
    # jieba cuts a school's name into its place and its words; it is still a name.
    assert missing_names("试点学校是哪几所？", ["试点学校为宁波职业技术学院和温州职业技术学院。"]) is None
    # Nor is a kind of school a name.
    assert missing_names("有哪些省级高水平学校？", ["重点建设省级高水平高职院校 15 所"]) == "文件没有列出具体的名称或名单"


def test_which_body_asks_for_its_name():
    evidence = ["落实好“在确保国有净资产不减少的前提下，经批准后绩效工资总量最高可上浮 50%”的支持政策。"]
    assert missing_names("绩效工资上浮要报哪个部门批准？", evidence) == "文件没有列出具体的名称或名单"
    assert missing_names("这个由哪一级单位负责？", evidence) == "文件没有列出具体的名称或名单"
    assert missing_names("绩效工资上浮要报哪个部门批准？", ["报浙江省教育厅批准后实施。"]) is None


def test_which_respects_to_work_on_is_not_a_question_for_places():
    evidence = ["适度增加专升本计划，稳步扩大专业学位研究生培养规模。"]
    assert missing_names("为了把专升本比例做到25%，规划在哪些地方发力？", evidence) is None
    assert missing_names("产教融合实训基地建在哪些地方？", evidence) == "文件没有列出具体的名称或名单"


def test_which_school_asks_for_a_name_the_plan_does_not_give(assistant):
    evidence = ["培育建设 100 所省级职教信息化标杆学校，提升校园环境与应用服务的智能化水平。"]
    assert missing_names("听说有个职校出了事，是哪个学校？", evidence) == "文件没有列出具体的名称或名单"
    assert missing_names("有两所高职要合并，是哪两所？", evidence) == "文件没有列出具体的名称或名单"
    a = assistant.ask("听说最近有个职校出了食品安全的事，是哪个学校？")
    assert not a.found and a.citations == ()


def test_which_of_a_stated_count_asks_for_the_items_by_name(assistant):
    assert missing_names("那20个产业学院是哪20个", ["政校企共建 20 个产业学院。"]) == "文件没有列出具体的名称或名单"
    a = assistant.ask("专栏里说的那20个产业学院是哪20个？")
    assert not a.found and a.citations == ()
    # The plan's own list answers "哪四条".
    a = assistant.ask("基本原则是哪四条？")
    assert a.found and a.answer.startswith("立德树人，德技并修。[1]")


def test_asking_for_names_stays_inside_one_clause(assistant):
    from assistant.answer.scope.names import missing_names

    # "哪些措施？教师企业实践基地…": 企业 belongs to the next question, which asks a count.
    question = "规划对“双师型”教师队伍有哪些措施？教师企业实践基地建多少个？"
    assert missing_names(question, ["健全“双师型”教师认定、聘用和考核机制。"]) is None
    a = assistant.ask(question)
    assert a.found and "100 个省级职业院校教师企业实践基地" in a.answer
    # Within one clause the names are still asked for.
    assert missing_names("有哪些合作企业？", ["校企共建“双师型”教师培养培训基地。"]) == "文件没有列出具体的名称或名单"


def test_which_counties_asks_for_their_names():
    region = "支持山区 26 县做强职业教育中心，服务区域转型升级和乡村振兴。"
    assert missing_specifics("山区26县具体指哪些县？", [region]) == "文件没有列出具体的名称或名单"


def test_which_three_schools_by_figure_asks_for_schools_not_places():
    pilot = "借鉴德国“双元制”人才培养模式，选择 3 所机构、1 个项目与德国合作基础好的应用型本科院校和高职院校。"
    other = "努力形成具有中国特色、可推广、可复制的“双元制”人才培养模式。"
    assert missing_specifics("德国双元制试点是哪3所学校？", [pilot, other]) == "文件没有列出具体的名称或名单"
