"""Indicator rows for a question: which rows, and what the table cannot say."""

from __future__ import annotations

from assistant.answer.indicators import asks_baseline_only, select_rows
from assistant.retrieval.lexical import expand_query


def rows_for(assistant, question: str, parts_asked: bool = False):
    k = assistant.knowledge
    vector = assistant.embedder.embed_query(question)
    matches = k.matcher.match(question, vector, expand_query(question))
    return [(r.indicator, r.level) for r in select_rows(matches, [], parts_asked=parts_asked)]


def test_only_the_starting_figure_is_asked():
    assert asks_baseline_only("2020年高职在校生有多少？")
    assert asks_baseline_only("智慧校园达标率目前是多少")
    assert not asks_baseline_only("2020年是多少，2025年要到多少？")
    assert not asks_baseline_only("十四五末的目标是多少")
    assert not asks_baseline_only("目前是多少，计划提高到多少？")
    assert not asks_baseline_only("我们现在60%，还差多少？")  # the distance to the target
    assert not asks_baseline_only("实现有效衔接的学校有多少")


def test_a_row_that_holds_only_the_level_word_is_a_near_name_not_another_row(assistant):
    # "中职…比例" is also in 中职现代化学校比例; the question's other words are the 双师型 row's alone.
    rows = rows_for(assistant, "中职的双师型教师比例多少")
    assert rows == [("职业院校“双师型”教师占专业课教师比例（%）", "中职"), ("职业院校“双师型”教师占专业课教师比例（%）", "高职")]


def test_two_indicators_asked_together_are_both_selected(assistant):
    names = {name for name, _ in rows_for(assistant, "生均仪器设备值和双师型教师比例分别是多少", parts_asked=True)}
    assert names == {"生均仪器设备值（元）", "职业院校“双师型”教师占专业课教师比例（%）"}
    alone = {name for name, _ in rows_for(assistant, "生均仪器设备值和双师型教师比例分别是多少")}
    assert alone == {"生均仪器设备值（元）"}


def test_a_row_without_a_2020_figure_cannot_answer_what_it_was(assistant):
    a = assistant.ask("职业院校智慧校园建设达标率在2020年是多少？")
    assert not a.found and not a.citations
    assert "发展目标表没有给出这项指标2020年的数值" in a.answer
    target = assistant.ask("职业院校智慧校园建设达标率到2025年要多少？")
    assert target.found and "2025年目标为100%" in target.answer


def test_the_table_is_the_provinces_not_a_citys(assistant):
    a = assistant.ask("宁波的中职在校生人数2025年目标是多少？")
    assert not a.found
    assert "发展目标表给出的是浙江省全省的指标，文件没有宁波的数据" in a.answer
    # jieba tags 深度 as a place; it is not one.
    b = assistant.ask("大中型企业深度参与职业教育办学覆盖率的目标是多少？")
    assert b.found and "2025年目标为70%" in b.answer


def test_the_tables_title_counts_for_its_rows(assistant):
    # "十四五" is in the table's heading, not in the row's name: the row still explains the question better
    # than a preamble sentence that mentions the 十四五 period.
    a = assistant.ask("十四五结束时中职现代化学校要占多大比例？")
    assert a.answer.startswith("中职现代化学校比例：2020年为10%，2025年目标为30%")


def test_a_word_that_only_frames_a_named_indicator_does_not_block_it(assistant):
    a = assistant.ask("高职院校专任教师研究生学历比例的起点和2025年目标是多少？")
    assert a.found
    assert "2020年为53.1%，2025年目标为65%" in a.answer


def test_the_tables_dimensions_are_listed_each_cited_by_its_first_row(assistant):
    a = assistant.ask("规划的主要指标是按哪些维度来分的？")
    assert a.answer == (
        "发展目标表的指标分为以下维度：事业规模[1]、条件支撑[2]、发展质量[3]、社会服务[4]、开放合作[5]。以上指标均为预期性指标[1]。"
    )
    assert [c.kind for c in a.citations] == ["indicator"] * 5
    assert a.citations[3].display.startswith("职业院校开展技能培训人数")
    for c in a.citations:
        assert assistant.knowledge.sources[c.doc_id][c.start : c.end] == c.quote


def test_dimensions_of_the_plans_text_are_not_the_tables():
    from assistant.answer.indicator_answer import asks_dimensions

    assert asks_dimensions("发展目标的指标分哪几个维度？")
    # 从…就业质量等维度 is the quality-evaluation text, not the indicator table.
    assert not asks_dimensions("质量评价体系从哪几个维度进行评价？")


def test_an_english_how_many_counts_people_not_a_share(assistant):
    # "how many graduates" counts people; the 1+X rows give a share of graduates.
    a = assistant.ask("How many graduates will get 1+X certificates?")
    assert a.found and all(c.kind != "indicator" for c in a.citations)


def test_a_city_that_only_sets_the_scene_asks_the_provinces_figure(assistant):
    a = assistant.ask("我是宁波一所中职的校长，想问省里定的中职双师型教师比例2025年目标是多少？")
    assert a.found and a.answer.startswith("职业院校“双师型”教师占专业课教师比例（中职）：2020年为85.8%，2025年目标为89%")
    # Asked about the city itself, the table cannot answer.
    assert not assistant.ask("宁波市中职双师型教师比例2025年目标是多少？").found


def test_a_list_of_ways_is_not_an_indicator_question(assistant):
    a = assistant.ask("中职学生升高职，有哪几种招生形式？")
    assert a.found and all(c.kind == "text" for c in a.citations)
    # "分别是多少" asks for figures: the rows answer.
    b = assistant.ask("中职和高职在校生2025年分别是多少万人？")
    assert [c.kind for c in b.citations[:2]] == ["indicator", "indicator"]


def _row(baseline="53.1", target="65", unit="%"):
    from assistant.types import IndicatorRow

    return IndicatorRow("plan", "", "高职院校专任教师中研究生学历比例（%）", "高职", baseline, target, unit, "", "", 0, 0, None, ())


def test_given_value_is_the_users_own_figure():
    from assistant.answer.indicators import given_value

    row = _row()
    assert given_value("我院专任教师里研究生学历的占58%，还差几个点？", row) == "58"
    # "1+X" is a name, not a figure; the figure with the row's unit is the user's.
    assert given_value("我们是中职，去年毕业生拿到1+X证书的大概22%，差多少？", _row("15", "30")) == "22"
    assert given_value("去年3个专业达标，比例才40%", row) == "40"
    # A figure said in words ("一万一左右") is the user's too.
    assert given_value("中职生均仪器设备值要到多少元？我们现在一万一左右，差多少", _row("11369", "13000", "元")) == "11000"
    assert given_value("我们现在研究生学历的才百分之五十", row) == "50"
    # Without any sign that the user speaks of their own school or of now, a figure is a guess at the target.
    assert given_value("研究生学历比例是不是要到70%？", row) is None
    assert given_value("到2025年要达到65%吗", row) is None


def test_what_a_target_is_compared_with_is_the_rows_own_value(assistant):
    from assistant.answer.indicators import compared_with_target

    assert compared_with_target("目标和现状差多少", "现状")
    assert compared_with_target("我们的现状离目标还差多少", "现状")
    assert not compared_with_target("现状怎么样，目标是多少", "现状")
    a = assistant.ask("高职专任教师里研究生学历的比例，目标和现状差多少")
    assert a.answer.startswith("高职院校专任教师中研究生学历比例：2020年为53.1%，2025年目标为65%，需提高11.9个百分点")


def test_a_second_question_of_document_words_only_adds_no_stray_sentence(assistant):
    a = assistant.ask("大中型企业深度参与职业教育办学覆盖率，目标和基数差多少？专栏里对应有啥抓手")
    assert a.answer.startswith("大中型企业深度参与职业教育办学覆盖率：2020年为51.6%，2025年目标为70%，需提高18.4个百分点")
    assert not any("双师型" in c.quote for c in a.citations)


def test_a_word_of_another_question_does_not_block_the_rows_answer(assistant):
    a = assistant.ask("智慧校园达标率要做到多少？有哪些专项行动支撑")
    assert a.found and a.citations[0].kind == "indicator"
    assert "智慧校园建设达标率（中职）：2020年无基数（表中为“-”），2025年目标为100%" in a.answer
    # Without another question, the unknown word still blocks the answer.
    assert not assistant.ask("中职在校生规模2025年要到多少万人？学费多少？").found


def test_two_levels_asked_get_each_levels_own_row(assistant):
    a = assistant.ask("中职和高职（高专）在校生规模，2025年目标分别是多少万人？")
    assert [c.display for c in a.citations if c.kind == "indicator"] == [
        "中职学校在校生人数（万人） · 2020年 74.3 · 2025年 76",
        "高职（高专）在校生人数（万人） · 2020年 48.7 · 2025年 54",
    ]


def test_a_row_sharing_only_the_level_gives_way_to_one_sharing_its_own_words(assistant):
    a = assistant.ask("中职学校里“双师型”老师现在占多少？以后要到多少？")
    assert a.citations[0].display == "职业院校“双师型”教师占专业课教师比例（%） · 中职 · 2020年 85.8 · 2025年 89"
    # With no row of its own words, the level's row still answers.
    a = assistant.ask("高职院校现在有多少在校生")
    assert a.citations[0].display == "高职（高专）在校生人数（万人） · 2020年 48.7 · 2025年 54"


def test_a_figure_in_wan_is_read_in_the_rows_unit(assistant):
    a = assistant.ask("高职这块生均仪器设备值我们现在1.4万，2025年的目标是多少，还差多少？")
    assert "按您给出的14000元计算，距2025年目标15000元还差1000元" in a.answer


def test_each_level_is_its_own_citation_quoting_the_indicators_block(assistant):
    a = assistant.ask("生均仪器设备值中职高职分别多少")
    rows = [c for c in a.citations if c.kind == "indicator"]
    assert [c.display for c in rows] == [
        "生均仪器设备值（元） · 中职 · 2020年 11369 · 2025年 13000",
        "生均仪器设备值（元） · 高职 · 2020年 13695 · 2025年 15000",
    ]
    source = assistant.knowledge.sources[rows[0].doc_id]
    for c in rows:
        assert c.quote == "生均仪器设备值（元） 中职 11369 13000\n高职 13695 15000" == source[c.start : c.end]
    # A row of one level only quotes its own line.
    b = assistant.ask("高职院校专任教师中研究生学历比例2025年目标？")
    assert b.citations[0].quote == "高职院校专任教师中研究生学历比例（%） 53.1 65"


def test_a_one_character_cue_asks_a_quantity_only_after_a_figure():
    from assistant.answer.indicators import asks_quantity

    assert not asks_quantity("规划里有没有说这个？")  # 这个
    assert not asks_quantity("支持多元办学吗")  # 多元
    assert asks_quantity("要建30所吗")
    assert asks_quantity("从2020年到2025年要提高多少")


def test_职教本科_named_beside_a_level_gets_its_own_row(assistant):
    a = assistant.ask("请问规划里高职在校生规模和职教本科在校生规模，2025年分别定了多少万人？")
    assert [c.display.split(" · ")[0] for c in a.citations if c.kind == "indicator"] == [
        "高职（高专）在校生人数（万人）",
        "职教本科在校生人数（万人）",
    ]


def test_are_there_many_asks_for_the_share(assistant):
    a = assistant.ask("读大专的话以后能不能升本科呀？升本的人多吗")
    assert a.answer.startswith("高职（高专）毕业生专升本比例：2020年为19.8%，2025年目标为25%")


def test_a_row_sharing_only_a_level_and_a_kind_of_school_is_not_another_asked_row(assistant):
    a = assistant.ask("高职学院双师型比例规划目标是多少？我们学校目前75%左右")
    assert [c.display for c in a.citations if c.kind == "indicator"] == [
        "职业院校“双师型”教师占专业课教师比例（%） · 高职 · 2020年 71.7 · 2025年 80"
    ]
    assert "按您给出的75%计算，距2025年目标80%还差5个百分点" in a.answer


def test_ways_to_raise_this_share_are_the_rows_measures(assistant):
    from assistant.types import Turn

    a = assistant.ask("规划里有啥具体办法提高这个比例？", [Turn("高职毕业生专升本比例目标多少？", "25%")])
    assert a.answer.startswith("高职（高专）毕业生专升本比例：2020年为19.8%")
    measures = a.answer.split("规划中相关的举措：")[1]
    assert "适度增加专升本计划" in measures and "专升本培养试点" in measures


def test_how_many_students_is_the_in_school_count(assistant):
    a = assistant.ask("中职学校有多少学生？")
    assert a.answer.startswith("中职学校在校生人数：2020年为74.3万人，2025年目标为76万人")


def test_schooling_outside_vocational_education_is_counted_by_no_levels_row(assistant):
    # 普通高中在校生 is not 中职学校在校生人数 nor 高职（高专）在校生人数.
    a = assistant.ask("2020年浙江普通高中在校生有多少万人？")
    assert all(c.kind != "indicator" for c in a.citations)
    # Named beside a vocational level, the level's row is still asked for.
    a = assistant.ask("初中毕业读中职的，中职学校在校生有多少？")
    assert a.answer.startswith("中职学校在校生人数：2020年为74.3万人")


def test_going_on_to_the_next_school_in_spoken_verbs_is_the_progression_row(assistant):
    a = assistant.ask("读职高以后能接着读大专的人多吗？")
    assert a.answer.startswith("中职学生直接升入高一级学校比例：2020年为42%，2025年目标为50%")


def test_how_big_the_start_and_end_points_and_the_measures_of_a_named_row(assistant):
    from assistant.answer.indicators import asks_quantity

    assert asks_quantity("在校生要做到多大规模") and not asks_quantity("当地职高会不会越来越差")
    a = assistant.ask("高职在校生到十四五末要做到多大规模？")
    assert a.answer.startswith("高职（高专）在校生人数：2020年为48.7万人，2025年目标为54万人")
    a = assistant.ask("中职学生直接升入高一级学校比例，起点和终点各是多少？")
    assert a.answer.startswith("中职学生直接升入高一级学校比例：2020年为42%，2025年目标为50%，需提高8个百分点[1]")
    # The target stated, the measures asked: the row, then its measures.
    a = assistant.ask("区域中小学生职业体验覆盖面要做到100%，靠哪些举措？")
    assert a.answer.startswith("区域中小學生职业体验覆盖面：2020年无基数")
    assert "规划中相关的举措：" in a.answer and any("职业体验" in c.quote for c in a.citations if c.kind == "text")
    assert not assistant.ask("我们这边的职高会不会越来越差？").answer.startswith("中职学校在校生人数")


def test_a_bigram_held_only_across_the_questions_word_edge_is_not_shared(assistant):
    # 院校|生师比 holds the characters 校生 of 在校生, but not the word.
    k = assistant.knowledge
    names = {m.row.indicator: m.shared for m in k.matcher.match("高职院校生师比规划目标是多少？")}
    assert "校生" not in names["高职（高专）在校生人数（万人）"]
    assert "校生" in {m.row.indicator: m.shared for m in k.matcher.match("高职在校生有多少？")}["高职（高专）在校生人数（万人）"]


def test_a_row_sharing_only_a_level_and_its_schools_is_not_the_row_asked_for(assistant):
    a = assistant.ask("高职院校生师比规划目标是多少？")
    assert not any(c.kind == "indicator" for c in a.citations)
    # 生师比 is a term of the field (user dictionary) the plan never uses: the question is refused for it.
    assert not a.found and "文件没有提到“生师比”" in a.answer


def test_another_kind_where_the_row_names_its_key_term_is_another_indicator(assistant):
    from assistant.answer.indicator_answer import other_kind_named

    k = assistant.knowledge
    row = next(r for r in k.rows if "双师型" in r.indicator)
    assert other_kind_named(k, "兼职教师占专业课教师的比例规划要求多少？", row)
    assert not other_kind_named(k, "中职双师型教师占专业课教师比例多少", row)
    assert not other_kind_named(k, "要提高教师占专业课教师比例吗", row)
    # A row whose word before the shared part is a common one (学生) names no kind: 毕业 is a paraphrase.
    going_on = next(r for r in k.rows if "升入" in r.indicator)
    assert not other_kind_named(k, "中职生毕业直接升学的比例2020年是多少？", going_on)


def test_the_students_there_are_at_a_level_are_its_in_school_count(assistant):
    from assistant.retrieval.lexical import counts_students

    assert counts_students("读中职的学生有多少万人？")
    assert counts_students("高职现在有多少学生")
    assert not counts_students("中职学生有多少人能升学？")  # some of them, not all
    assert not counts_students("中本一体化试点每年招多少学生？")  # admitted, not there
    a = assistant.ask("浙江现在读高职大专的学生大概有多少人，以后会扩到多少？")
    assert a.answer.startswith("高职（高专）在校生人数：2020年为48.7万人，2025年目标为54万人")


def test_a_question_that_is_only_an_indicators_name_asks_its_values(assistant):
    a = assistant.ask("中职生均仪器设备值")
    assert a.answer.startswith("生均仪器设备值（中职）：2020年为11369元，2025年目标为13000元")
    b = assistant.ask("高职高专在校生2020年有多少万")
    assert b.answer.startswith("高职（高专）在校生人数：2020年为48.7万人")


def test_the_kind_of_figure_alone_names_no_row(assistant):
    # 高职院校数量 shares 高职 and 数量 with 高职（高专）丝路学院数量: neither says what is counted.
    a = assistant.ask("2025年全省高职院校数量目标是多少所？")
    assert not any(c.kind == "indicator" for c in a.citations)
    b = assistant.ask("丝路学院数量2025年要到多少？")
    assert b.answer.startswith("高职（高专）丝路学院数量：2020年为16所，2025年目标为25所")


def test_an_unnamed_city_is_a_part_of_the_province_the_table_has_no_row_for(assistant):
    from assistant.answer.scope import part_of_the_whole

    assert part_of_the_whole("职教本科3万在校生，分到我们市是多少？", ["职教本科在校生人数（万人）"]) == "我们市"
    assert part_of_the_whole("本县中职在校生目标多少", ["中职学校在校生人数（万人）"]) == "本县"
    assert part_of_the_whole("我们市场营销专业的比例", ["中职现代化学校比例（%）"]) is None
    a = assistant.ask("职教本科3万在校生，分到我们市是多少？")
    assert not a.found and "没有单列“我们市”的数据" in a.answer


def test_of_several_rows_the_one_whose_value_the_best_sentence_states_is_asked(assistant):
    # 高职毕业生 and 比例 match the 专升本 row too; the plan's sentence on 职业技能高等级证书 states the 1+X row's 30%.
    a = assistant.ask("高职毕业生拿职业技能高等级证书的比例，规划目标是多少？")
    assert a.answer.startswith("毕业生 1+X 证书获取率（高职）：2020年为12%，2025年目标为30%")
    assert not any("专升本" in c.display for c in a.citations)
    assert any("高职院校毕业生获得职业技能高等级证书的比例达到 30%" in c.quote for c in a.citations)
    # Two rows asked for stay two.
    b = assistant.ask("高职专升本比例和1+X证书获取率分别是多少？")
    assert sum(c.kind == "indicator" for c in b.citations) == 2


def test_how_many_of_them_can_is_answered_by_the_share(assistant):
    # "有多少能拿到" asks how many of the students can, which the table gives as a share.
    a = assistant.ask("读职高的学生有多少能拿到1+X证书？")
    assert a.found and a.citations[0].kind == "indicator"
    assert a.answer.startswith("毕业生 1+X 证书获取率（中职）：2020年为15%，2025年目标为30%")
