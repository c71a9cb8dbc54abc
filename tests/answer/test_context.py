"""What retrieval searches for: the question resolved against the conversation (assistant/answer/context.py)."""

from __future__ import annotations

from assistant.types import Turn


def test_the_stores_own_titles_are_dropped_from_the_search_text():
    from assistant.answer.context import without_own_titles

    titles = ["浙江省职业教育“十四五”发展规划（2021—2025年）"]
    assert without_own_titles('根据《浙江省职业教育"十四五"发展规划》，双师型比例是多少', titles) == "根据，双师型比例是多少"
    # Another document's name stays; a question that is only the title is kept whole.
    assert without_own_titles("《职业院校数字校园规范》有哪些要求", titles) == "《职业院校数字校园规范》有哪些要求"
    assert without_own_titles("《浙江省职业教育“十四五”发展规划》", titles) == "《浙江省职业教育“十四五”发展规划》"


def test_a_follow_up_that_names_nothing_searches_the_previous_question():
    from assistant.answer.context import resolve
    from assistant.types import Turn

    history = [Turn("规划怎么推进产教融合？", "深化产教融合校企合作")]
    assert resolve("具体怎么做？", history).search_text == "规划怎么推进产教融合？"
    assert resolve("为什么要这么做？", history).previous == "规划怎么推进产教融合？"
    # A follow-up with a topic of its own keeps it.
    assert "学费" in resolve("那学费呢？", history).search_text
    # A new question is not a follow-up; a noun such as 意义 is a topic of its own.
    assert resolve("老年教育有什么安排？", history).search_text == "老年教育有什么安排？"
    assert resolve("规划的意义是什么？", history).search_text == "规划的意义是什么？"


def test_a_level_the_previous_row_does_not_have_is_said_so(assistant):
    from assistant.types import Turn

    a = assistant.ask("那中职呢？", [Turn("高职院校专任教师中研究生学历比例2025年要到多少？", "65%")])
    assert not a.found
    assert "发展目标表中“高职院校专任教师中研究生学历比例”只有高职的指标，没有中职的数据" in a.answer
    # A row both levels have is answered for the other level.
    b = assistant.ask("那高职呢？", [Turn("中职生均仪器设备值2025年目标是多少？", "13000元")])
    assert b.answer.startswith("生均仪器设备值（高职）：2020年为13695元，2025年目标为15000元")


def test_more_of_the_same_after_a_measure_stays_on_its_topic(assistant):
    from assistant.types import Turn

    a = assistant.ask("具体怎么做？", [Turn("规划怎么推进产教融合？", "深化产教融合校企合作")])
    assert a.found and "产教融合" in a.citations[0].quote


def test_a_vague_follow_up_stays_in_the_column_the_last_question_named():
    from assistant.answer.context import ColumnRef, resolve
    from assistant.types import Turn

    history = [Turn("专栏9智慧校园提升行动要培育多少信息化标杆学校", "培育建设 100 所省级职教信息化标杆学校")]
    assert resolve("具体还有哪些措施", history).column == ColumnRef(None, 9)
    # A follow-up with a topic of its own leaves the 专栏.
    assert resolve("那产教融合呢？", history).column is None


def test_a_part_of_the_table_pointed_at_is_no_topic_of_its_own(assistant):
    from assistant.answer.context import has_own_topic
    from assistant.types import Turn

    assert not has_own_topic("高职那栏2020年是多少")
    assert not has_own_topic("那高职的数据呢")
    a = assistant.ask("高职那栏2020年是多少", [Turn("中职生均仪器设备值目标多少？", "从2020年的11369元提高到2025年的13000元")])
    assert a.answer.startswith("生均仪器设备值（高职）：2020年为13695元，2025年目标为15000元")


def test_a_short_question_of_verbs_only_asks_more_of_the_last_one():
    from assistant.answer.context import resolve
    from assistant.types import Turn

    history = [Turn("丝路学院2025年要建多少？", "高职（高专）丝路学院数量目标从2020年的16所增加到2025年的25所。")]
    assert resolve("具体怎么推？", history).search_text == "丝路学院2025年要建多少？"
    assert resolve("靠啥办法做到？", history).search_text == "丝路学院2025年要建多少？"
    # A noun is a topic of its own.
    assert resolve("学费怎么交？", history).search_text == "学费怎么交？"


def test_it_and_a_column_named_by_neither_number_nor_title_point_back():
    from assistant.answer.context import is_followup

    assert is_followup("专栏里对它还有哪些具体安排？")
    assert is_followup("对它有没有经费支持？")
    # 其它 is "other", not "it"; a question with its own topic and no pointing word is a new one.
    assert not is_followup("中职学校和其它学校的招生平台统一吗？")


def test_a_column_pointed_at_after_its_topic_is_that_column(assistant):
    from assistant.types import Turn

    history = [Turn("规划里温台职业教育创新高地是怎么回事？", "推进部省共建温台职业教育创新高地建设")]
    a = assistant.ask("专栏里对它还有哪些具体安排？", history)
    assert a.found
    assert {c.section[-1] for c in a.citations} == {"专栏 11：温台职业教育创新高地建设"}


def test_something_else_asked_for_leaves_out_what_was_just_quoted(assistant):
    from assistant.types import Turn

    first = assistant.ask("规划对职业院校引进专业教师有什么措施？")
    said = {c.quote for c in first.citations}
    again = assistant.ask("还有别的措施吗？", [Turn(first.question, first.answer, first.citations)])
    assert again.found
    assert said and not said & {c.quote for c in again.citations}


def test_a_follow_up_to_a_follow_up_carries_the_first_question():
    from assistant.answer.context import resolve
    from assistant.types import Turn

    history = [
        Turn("生均仪器设备值中职2025年目标是多少？", "13000元"),
        Turn("高职呢？", "15000元"),
    ]
    resolved = resolve("高职2020年是多少？", history)
    # The previous question is completed by the one before it, with the level switched.
    assert "生均仪器设备值" in resolved.search_text and "中职" not in resolved.search_text
    assert resolved.previous.startswith("生均仪器设备值高职2025年目标是多少")
    # A previous question that stands on its own is taken as it is.
    own = [Turn("规划怎么推进产教融合？", "深化产教融合校企合作"), Turn("双师型教师比例是多少？", "80%")]
    assert resolve("具体怎么做？", own).search_text == "双师型教师比例是多少？"


def test_a_column_the_last_answer_introduced_is_kept_by_a_vague_follow_up():
    from assistant.answer.context import ColumnRef, resolve
    from assistant.types import Turn

    history = [Turn("有没有关于产教融合的专门安排？", "有，专栏7是产教融合深化行动。")]
    assert resolve("具体怎么做？选几家？", history).column == ColumnRef(None, 7)
    # A follow-up with a topic of its own leaves it.
    assert resolve("那学费呢？", history).column is None


def test_spoken_fillers_do_not_hide_a_follow_up():
    from assistant.answer.context import is_followup, resolve, without_fillers
    from assistant.types import Turn

    assert without_fillers("嗯，那五年里要提高多少个百分点？") == "那五年里要提高多少个百分点？"
    assert without_fillers("高职2020年的基数是多少来着") == "高职2020年的基数是多少"
    assert is_followup("嗯，那五年里要提高多少个百分点？")
    # Figures do not make a question long: "高职2020年的基数是多少" names no topic of its own.
    resolved = resolve("高职2020年的基数是多少来着", [Turn("中职毕业生1+X证书获取率2025年目标多少？", "30%")])
    assert resolved.search_text.startswith("高职毕业生1+x证书获取率")
    assert not is_followup("高职2020年的在校生人数是多少")


def test_a_column_pointed_at_is_found_from_the_earlier_questions(assistant):
    from assistant.types import Turn

    history = [Turn("温台职业教育创新高地是干嘛的？", "推进部省共建温台职业教育创新高地建设"), Turn("是部省共建的吗？", "是的")]
    a = assistant.ask("这个专栏里具体要做哪几件事？", history)
    assert a.found and all("专栏 11：温台职业教育创新高地建设" in c.section for c in a.citations)
    # No earlier question names one: the 专栏 of what was being discussed.
    b = assistant.ask("专栏里有没有具体数量？", [Turn("职业院校能办老年大学吗？", "鼓励职业院校举办老年大学")])
    assert any("培育 100 所老年教育优质校" in c.quote for c in b.citations)
    assert b.citations[-1].section[-1] == "专栏 8：职业院校社会服务能力提升行动计划"


def test_a_filler_changes_no_answer_and_the_question_is_echoed_as_asked(assistant):
    from assistant.types import Turn

    history = [Turn("中职毕业生1+X证书获取率2025年目标多少？", "30%")]
    a = assistant.ask("高职2020年的基数是多少来着", history)
    assert a.question == "高职2020年的基数是多少来着"
    assert a.answer.startswith("毕业生 1+X 证书获取率（高职）：2020年为12%")


def test_how_to_do_it_after_a_measures_lead_gives_its_paragraph(assistant):
    from assistant.types import Turn

    a = assistant.ask("具体怎么做？", [Turn("规划里长三角一体化有提到吗？", "有")])
    quotes = [c.quote for c in a.citations]
    assert quotes[0].startswith("深入推进长三角职业教育一体化发展。")
    assert any("建设长三角职业教育产教融合云平台" in q for q in quotes)
    assert any("“长三角样板”" in q for q in quotes)


def test_a_short_what_about_opens_a_follow_up_of_two_parts(assistant):
    from assistant.answer.context import is_followup
    from assistant.types import Turn

    assert is_followup("高职的呢，还有职教本科？") and is_followup("高职呢，职教本科呢？")
    assert not is_followup("中职学校双师型教师比例要达到多少？")
    history = [Turn("中职在校生规模规划到2025年是多少", "中职学校在校生人数：2020年为74.3万人，2025年目标为76万人")]
    for question in ("高职的呢，还有职教本科？", "高职呢，职教本科呢？"):
        a = assistant.ask(question, history)
        assert a.answer.startswith(
            "高职（高专）在校生人数：2020年为48.7万人，2025年目标为54万人，需增加5.3万人[1]。"
            "职教本科在校生人数：2020年为0.48万人，2025年目标为3万人，需增加2.52万人[2]。"
        )


def test_the_next_column_is_counted_from_the_one_just_discussed(assistant):
    from assistant.answer.context import ColumnRef, resolve
    from assistant.types import Turn

    history = [Turn("专栏9讲的是什么？", "专栏9：智慧校园提升行动……")]
    assert resolve("下一个专栏呢？", history).column == ColumnRef(None, 10)
    assert resolve("上一个专栏讲什么", history).column == ColumnRef(None, 8)
    a = assistant.ask("下一个专栏呢？", history)
    assert a.found and all(c.section[-1] == "专栏 10：云上“三名”行动计划" for c in a.citations)
    # After the last one there is none: said so, with the numbers there are.
    a = assistant.ask("下一个专栏呢？", [Turn("专栏11讲的是什么？", "专栏11：温台职业教育创新高地建设")])
    assert not a.found and "文件中没有专栏12，现有专栏为专栏1至专栏11" in a.answer


def test_a_parallel_term_takes_the_place_of_the_previous_one(assistant):
    from assistant.answer.context import _switch_term, has_own_topic, resolve
    from assistant.types import Turn

    assert _switch_term("五年制是怎么安排的？", "那四年制的呢？") == "四年制是怎么安排的？"
    assert _switch_term("中职学校有多少所？", "那高职的呢？") == "高职学校有多少所？"
    assert _switch_term("学分银行怎么建？", "那学费呢？") == "学分银行怎么建？"
    assert resolve("那四年制呢？", [Turn("五年制是什么情况？", "")]).search_text.startswith("四年制是什么情况？")
    a = assistant.ask("那四年制呢？", [Turn("五年制是怎么回事？", "")])
    assert a.found and "四年制高职" in a.citations[0].quote
    # Points of a percentage are no topic: "差几个点" follows up the row just asked about.
    assert not has_own_topic("2020年是多少？差几个点")
    a = assistant.ask("2020年是多少？差几个点", [Turn("高职专任教师研究生学历比例目标多少？", "")])
    assert a.answer.startswith("高职院校专任教师中研究生学历比例：2020年为53.1%，2025年目标为65%，需提高11.9个百分点[1]")


def test_what_the_user_already_knows_is_no_new_topic(assistant):
    from assistant.answer.context import has_own_topic
    from assistant.types import Turn

    assert not has_own_topic("除了标杆学校，还有别的吗") and has_own_topic("标杆学校有多少所")
    said = "制定职业院校智慧校园建设应用评价体系，培育建设 100 所省级职教信息化标杆学校，提升校园环境与应用服务的智能化水平。[1]"
    a = assistant.ask("除了标杆学校，还有别的数吗", [Turn("专栏9讲的是什么？", said)])
    assert a.found and all(c.section[-1] == "专栏 9：智慧校园提升行动" for c in a.citations)
    assert "25 个省级示范性虚拟仿真实训基地" in a.citations[0].quote


def test_a_question_opening_with_specifically_continues_the_last_topic(assistant):
    from assistant.answer.context import is_followup

    assert is_followup("具体挑几所学校来做？")
    a = assistant.ask("具体挑几所学校来做？", [Turn("德国双元制那个专栏讲的什么？", "")])
    assert "选择 3 所机构、1 个项目与德国合作基础好的应用型本科院校和高职院校" in a.citations[0].quote
    assert a.citations[0].section[-1] == "专栏 7：德国企业与院校在华举办职业教育试点项目"


def test_a_time_word_names_no_topic_of_its_own(assistant):
    a = assistant.ask("2020年那时候是多少", [Turn("中职双师型比例2025年目标？", "89%")])
    assert a.answer.startswith("职业院校“双师型”教师占专业课教师比例（中职）：2020年为85.8%")


def test_a_followups_own_words_outweigh_the_earlier_questions(assistant):
    a = assistant.ask("具体要建几门课程？中心呢", [Turn("中小学的职业体验规划里怎么安排？", "")])
    assert "建设 100 个职业体验中心和 150 门优质职业体验课程" in a.answer
    assert any("150 门优质职业体验课程" in c.quote for c in a.citations)


def test_a_figure_asked_with_only_a_year_and_an_adverb_is_a_follow_up(assistant):
    from assistant.answer.context import has_own_topic

    # jieba tags 年才 as one time word while search mode splits 才 out: neither names a topic.
    assert not has_own_topic("2020年才多少？")
    a = assistant.ask("2020年才多少？", [Turn("职教本科在校生到2025年要多少人", "3万人")])
    assert a.answer.startswith("职教本科在校生人数：2020年为0.48万人，2025年目标为3万人")


def test_a_figure_of_the_last_topic_comes_from_its_row_not_the_earlier_words(assistant):
    # The earlier question's 名额 finds 招生 clauses; the follow-up asks the 专升本 row's figures.
    history = [Turn("我在读大专，以后专升本名额会不会多一点？", "规划提出“适度增加专升本计划”。")]
    a = assistant.ask("具体比例规划定的是多少？", history)
    assert a.answer.startswith("高职（高专）毕业生专升本比例：2020年为19.8%，2025年目标为25%")
    assert a.citations[0].kind == "indicator"
