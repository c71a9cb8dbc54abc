"""Questions plainly outside the plan, refused before retrieval."""

from __future__ import annotations

from assistant.answer.scope.hard import hard_out_of_scope


def test_a_year_inside_the_plan_period_has_no_actual_figures():
    check = hard_out_of_scope("2022年中职学校在校生实际有多少万人？", "")
    assert check.reason == "规划只给出2020年基数和2025年目标，没有2022年的实际数据"
    # A date that is only context, not a figure asked for, is fine.
    assert hard_out_of_scope("规划是2021年开始实施的吗？", "").reason is None


def test_a_kind_of_school_is_not_a_school_name():
    assert hard_out_of_scope("民办职业学校能参与产业学院建设吗？", "").reason is None
    assert hard_out_of_scope("宁波甬江职业学校的学费是多少？", "").reason == "文件没有关于“宁波甬江职业学校”这所学校的具体信息"


def test_the_plan_ranks_and_recommends_no_school():
    reason = "文件是全省的发展规划，不对具体学校或专业作排名和推荐"
    assert hard_out_of_scope("宁波哪所中专最好？", "").reason == reason
    assert hard_out_of_scope("能推荐几所好的技校吗", "").reason == reason
    assert hard_out_of_scope("省级高水平专业群要建多少个？", "").reason is None
    assert hard_out_of_scope("职高学校排名怎么样？", "").reason == reason
    # A ranking the plan itself states is a fact, not a recommendation.
    assert hard_out_of_scope("浙江高职双高建设入围学校比例在全国排名第几？", "").reason is None


def test_a_verb_before_a_kind_of_school_is_not_a_name():
    assert hard_out_of_scope("听说职业学校也办老年大学？", "").reason is None
    assert hard_out_of_scope("温州职业技术学院怎么样", "").reason == "文件没有关于“温州职业技术学院”这所学校的具体信息"


def test_which_of_two_is_better_is_a_recommendation():
    assert hard_out_of_scope("中职学数控还是学电商好？", "").reason == "文件是全省的发展规划，不对具体学校或专业作排名和推荐"


def test_a_year_range_names_the_period_not_a_year_asked_about():
    assert hard_out_of_scope("规划期2021-2025年内要培育多少个名班主任工作室？", "").reason is None
    assert hard_out_of_scope("《规划（2021—2025年）》里高职双师型比例目标是多少？", "十四五").reason is None


def test_how_to_apply_is_a_procedure_the_plan_does_not_describe():
    corpus = "落实高职扩招工作举措。可追溯、可查询、可转换。"
    assert hard_out_of_scope("高职扩招怎么报名？", corpus).reason == "文件是发展规划，不涉及“报名”等具体办理事项"
    assert hard_out_of_scope("读中职要准备什么手续？", corpus).reason == "文件是发展规划，不涉及“手续”等具体办理事项"
    # An act the documents do name, or a "how" about policy, is not a procedure question.
    assert hard_out_of_scope("学习成果怎么查询？", corpus).reason is None
    assert hard_out_of_scope("规划怎么推进产教融合？", corpus).reason is None


def test_which_is_better_and_a_not_a_questions(assistant):
    assert hard_out_of_scope("技校和职高哪个好？", "").reason == "文件是全省的发展规划，不对具体学校或专业作排名和推荐"
    assert hard_out_of_scope("浙江有哪个好的经验值得推广？", "").reason is None  # 好 as an adjective
    # 贵不贵 asks: its unknown head (学费) is what the question is about.
    a = assistant.ask("上职校学费贵不贵")
    assert not a.found and "学费" in a.answer


def test_a_time_word_before_a_college_names_no_school():
    assert hard_out_of_scope("以后技师学院能不能和高校一起统一招生？", "").reason is None
    assert hard_out_of_scope("宁波甬江职业技术学院学费多少？", "").reason == "文件没有关于“宁波甬江职业技术学院”这所学校的具体信息"


def test_a_place_that_asks_about_zhejiang_is_not_what_is_asked():
    assert hard_out_of_scope("上海的兄弟单位问浙江在长三角职教一体化上有什么打算", "").reason is None
    # A comparison with another province still asks about that province.
    assert hard_out_of_scope("江苏的专升本比例定的多少？跟浙江比哪个高", "").reason == "文件是浙江省的规划，没有关于江苏的内容"


def test_people_by_name_are_not_in_a_development_plan():
    assert hard_out_of_scope("现在浙江省教育厅分管职业教育的副厅长是谁", "").reason == "文件是发展规划，不涉及具体人员的姓名和任职"
    assert hard_out_of_scope("哪位是负责产教融合的领导？", "").reason == "文件是发展规划，不涉及具体人员的姓名和任职"
    # Who does something, asked of bodies, is a question for the text.
    assert hard_out_of_scope("规划由谁来组织实施？", "").reason is None


def test_how_to_open_an_account_is_a_procedure():
    check = hard_out_of_scope("规划里说的职业教育个人学习账号怎么开通，用哪个APP？", "探索建立职业教育个人学习账号")
    assert check.reason == "文件是发展规划，不涉及“开通”等具体办理事项"


def test_how_far_the_plan_has_got_is_not_in_it():
    reason = "规划只提出到2025年的目标和任务，文件中没有实施进展、完成情况或评估结果"
    assert hard_out_of_scope("规划实施到现在，中期评估结果咋样，哪些指标已经完成了？", "").reason == reason
    assert hard_out_of_scope("产教融合的实施效果怎么样？", "").reason == reason
    # A user's own figure and the distance to the target are answered; so is how evaluation is arranged.
    assert hard_out_of_scope("我们已经达到85%了，离目标还差多少？", "").reason is None
    assert hard_out_of_scope("规划怎么开展年度监测和评估工作？", "").reason is None


def test_whom_to_turn_to_with_ones_own_matter_is_not_in_a_plan():
    reason = "文件是发展规划，不提供具体事务的联系人、受理部门或联系方式"
    assert hard_out_of_scope("学校实习安排不合理，我应该向谁反映？", "").reason == reason
    assert hard_out_of_scope("职业技能培训的咨询电话是多少", "").reason == reason
    # Who leads the work is a question about the plan's safeguards, not a contact.
    assert hard_out_of_scope("职业教育工作由哪些部门统筹？", "").reason is None


def test_the_papers_to_hand_in_are_a_procedure():
    assert hard_out_of_scope("认定“双师型”教师要交哪些材料？", "").reason is not None
    assert hard_out_of_scope("认定“双师型”教师有哪些要求？", "").reason is None
