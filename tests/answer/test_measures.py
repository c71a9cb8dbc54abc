"""The plan's measures that act on an indicator row: its key term, its task area, its 专栏."""

from __future__ import annotations

from assistant.answer.measures import asks_measures, restating_lead, task_areas


def _row(k, indicator: str, level=None):
    return next(r for r in k.rows if r.indicator == indicator and r.level == level)


def test_the_task_area_comes_from_the_goal_clause_the_dimension_and_the_key_term(assistant):
    k = assistant.knowledge
    enterprises = _row(k, "大中型企业深度参与职业教育办学覆盖率（%）")
    # The goal sentence that restates 70% leads with its topic.
    assert restating_lead(k, enterprises) == "产教融合发展水平显著提升"
    assert [p[-1] for _, p in task_areas(k, enterprises)] == ["(三) 深化产教融合校企合作"]
    # The table's dimension as a whole (开放合作), the key term (“双师型”, 智慧校园 in 专栏 9's title).
    assert [p[-1] for _, p in task_areas(k, _row(k, "高职（高专）丝路学院数量（所）"))] == ["（六）推进职业教育开放合作"]
    assert [p[-1] for _, p in task_areas(k, _row(k, "职业院校“双师型”教师占专业课教师比例（%）", "中职"))] == ["（五）打造高素质“双师型”教师队伍"]
    assert [p[-1] for _, p in task_areas(k, _row(k, "智慧校园建设达标率（%）", "高职"))] == ["（八）强化职业教育数字化支撑"]
    # A clause stating the same 50% of another thing ("……制度的学生覆盖面达到 50%") restates no row of 升学;
    # a word many task headings share (提升, 质量) points at no area.
    progression = _row(k, "中职学生直接升入高一级学校比例（%）")
    assert restating_lead(k, progression) == "职业院校人才培养层次和规格显著提升"
    assert task_areas(k, progression) == frozenset()


def test_measures_asked_for_a_row_include_its_areas_programme_and_only_that_row(assistant):
    assert asks_measures("规划配了哪些具体项目？") and not asks_measures("合作办学项目有多少个")
    a = assistant.ask("要把大中型企业参与办学的比例提到70%，规划里具体有哪些抓手？")
    assert a.answer.startswith("大中型企业深度参与职业教育办学覆盖率：2020年为51.6%，2025年目标为70%，需提高18.4个百分点[1]")
    measures = a.answer.split("规划中相关的举措：")[1]
    assert "政校企共建 20 个产业学院" in measures
    assert any(c.section[-1] == "专栏 4：职业教育产教融合行动计划" for c in a.citations)
    # 项目 is what is asked for, not the row of 合作办学项目.
    a = assistant.ask("要把大中型企业参与率提到70%，规划配了哪些具体项目？")
    assert [c.display.split(" · ")[0] for c in a.citations if c.kind == "indicator"] == ["大中型企业深度参与职业教育办学覆盖率（%）"]


def test_the_measures_of_a_row_name_what_it_counts_and_come_from_the_tasks(assistant):
    from assistant.answer.measures import key_term

    k = assistant.knowledge
    keys = {(r.indicator, r.level): key_term(k, r) for r in k.rows}
    assert keys[("高职（高专）毕业生专升本比例（%）", None)] == "专升本"
    assert keys[("省级中高职一体化人才培养方案专业覆盖率（%）", None)] == "中高职一体化"
    assert keys[("职业院校“双师型”教师占专业课教师比例（%）", "高职")] == "双师型"
    a = assistant.ask("我们学院去年专升本比例是21%，差多少，规划里有什么措施跟这个有关？")
    measures = a.answer.split("规划中相关的举措：")[1]
    assert "与本科高校合作开展专升本培养试点" in measures
    # Past achievements (发展基础) and the question's words alone are no measure of it.
    assert "投入机制" not in a.answer and "33.77" not in a.answer


def test_measures_asked_for_a_share_named_by_what_it_counts_are_the_rows_and_from_the_whole_plan(assistant):
    # 专升本比例 is not the row's whole name, but it names what the row counts; the measures come from
    # every task that names 专升本, not only from the retrieved chunks.
    a = assistant.ask("我们要把专升本比例往25%这个目标上推，规划里有哪些直接相关的举措可以借力？")
    assert a.answer.startswith("高职（高专）毕业生专升本比例：2020年为19.8%，2025年目标为25%，需提高5.2个百分点[1]")
    measures = a.answer.split("规划中相关的举措：")[1]
    assert "与本科高校合作开展专升本培养试点" in measures and "适度增加专升本计划" in measures
    # Naming what a row counts asks its measures only with a figure asked: a list of items stays a list.
    a = assistant.ask("中高职一体化重点推进的那24个专业具体是哪些？")
    assert not a.answer.startswith("省级中高职一体化人才培养方案专业覆盖率")


def test_a_row_no_measure_names_gets_no_unrelated_measure_when_only_its_figure_is_asked(assistant):
    # No measure names 研究生学历 and the row has no task area: 思政课专任教师 only shares a word.
    a = assistant.ask("高职院校专任教师中研究生学历比例目标是多少？")
    assert a.answer.startswith("高职院校专任教师中研究生学历比例：2020年为53.1%，2025年目标为65%")
    assert not any("三全育人" in c.quote for c in a.citations)
