"""Golden answers on the real plan: exact indicator values, cited clauses, refusals, follow-ups."""

from __future__ import annotations

import pytest

from assistant.answer.context import parse_history
from assistant.errors import QuestionError
from assistant.types import Turn

TABLE = ("二、总体思路", "（三）发展目标", "浙江省职业教育“十四五”发展目标")


def quotes(answer) -> str:
    return " ".join(c.quote for c in answer.citations)


def verbatim(assistant, answer) -> None:
    for c in answer.citations:
        assert assistant.knowledge.sources[c.doc_id][c.start : c.end] == c.quote
        assert len(c.quote) <= 200
        assert f"[{c.n}]" in answer.answer


def test_indicator_target_is_exact_with_gap_and_note(assistant):
    a = assistant.ask("高职院校的双师型教师占比，2025年要到多少？")
    assert a.found and a.mode == "extractive"
    assert a.answer.startswith("职业院校“双师型”教师占专业课教师比例（高职）：2020年为71.7%，2025年目标为80%，需提高8.3个百分点[1]。")
    assert "以上指标均为预期性指标[1]" in a.answer
    first = a.citations[0]
    assert first.kind == "indicator" and first.section == TABLE and first.page == 2
    assert first.display == "职业院校“双师型”教师占专业课教师比例（%） · 高职 · 2020年 71.7 · 2025年 80"
    # The quote is the indicator's block in the table, verbatim: its name, then each level's line.
    assert first.quote == "条件支撑 职业院校“双师型”教师占专业课教师比例（%）中职 85.8 89\n高职 71.7 80"
    verbatim(assistant, a)


def test_indicator_without_level_gives_both_levels(assistant):
    a = assistant.ask("生均仪器设备值的目标是多少")
    assert "生均仪器设备值（中职）：2020年为11369元，2025年目标为13000元，需增加1631元" in a.answer
    assert "生均仪器设备值（高职）：2020年为13695元，2025年目标为15000元，需增加1305元" in a.answer
    verbatim(assistant, a)


def test_everyday_words_select_the_level(assistant):
    a = assistant.ask("读职高的学生毕业后直接升学的比例，现在是多少？")
    assert a.answer.startswith("中职学生直接升入高一级学校比例：2020年为42%，2025年目标为50%，需提高8个百分点[1]。")
    assert "没有逐年的实际进展数据" in a.answer


def test_followup_switches_level(assistant):
    first = assistant.ask("中职双师型教师比例的2025年目标？")
    assert "（中职）：2020年为85.8%，2025年目标为89%" in first.answer
    turn = Turn(first.question, first.answer, first.citations)
    second = assistant.ask("那高职呢？", [turn])
    assert second.answer.startswith("职业院校“双师型”教师占专业课教师比例（高职）：2020年为71.7%，2025年目标为80%")


def test_named_column_is_answered_from_that_column(assistant):
    a = assistant.ask("专栏5有哪些具体任务？")
    assert a.found
    assert all(c.section[-1] == "专栏 5：职业教育教材建设" for c in a.citations)
    assert "1000 项教学改革项目" in a.answer
    verbatim(assistant, a)


def test_this_column_refers_to_the_previous_answer(assistant):
    first = assistant.ask("产教融合行动计划要建多少个产业学院？")
    assert "20 个产业学院" in first.answer
    history = parse_history([first.to_json()])
    second = assistant.ask("这个专栏里实训基地建多少个？", history)
    assert "15 个左右高水平专业化生产性产教融合实训基地" in second.answer
    assert second.citations[0].section[-1] == "专栏 4：职业教育产教融合行动计划"


def test_route_question_in_everyday_words(assistant):
    a = assistant.ask("退伍以后还能去读高职吗？")
    assert a.found
    assert "为退役军人、下岗失业人员、农民工、新型职业农民、企业员工等各类群体提供多元选拔录取方式" in a.answer
    assert a.citations[0].section == ("三、主要任务和工作举措", "（九）深化职业教育综合改革")
    assert a.citations[0].page == 10


def test_traditional_characters_find_simplified_text(assistant):
    a = assistant.ask("職業院校教師企業實踐基地要建多少個？")
    assert a.found
    assert "100 个省级职业院校教师企业实践基地" in a.answer


@pytest.mark.parametrize(
    "question",
    [
        "浙江大学2024年的录取分数线是多少？",
        "上海市职业教育十四五规划有哪些目标？",
        "2030年中职在校生要达到多少？",
        "宁波职业技术学院一年学费多少钱？",
    ],
)
def test_out_of_scope_is_refused_with_closest_sections(assistant, question):
    a = assistant.ask(question)
    assert a.found is False
    assert a.citations == ()
    assert a.answer.startswith("抱歉，现有文件没有涉及这个问题")
    assert a.closest and all(label.startswith("《") for label in a.closest)


def test_draft_mode_is_a_formal_reply_with_clause_list(assistant):
    a = assistant.ask("中职学校和普通高中的招生是怎么安排的？", mode="draft")
    assert a.mode == "draft" and a.found
    lines = a.answer.splitlines()
    assert lines[0].startswith("关于") and lines[0].endswith("的答复")
    assert "引用条款：" in lines
    clauses = lines[lines.index("引用条款：") + 1 :]
    assert len(clauses) == len(a.citations)
    for c, line in zip(a.citations, clauses):
        assert line.startswith(f"[{c.n}] 《") and f"“{c.quote}”" in line


@pytest.mark.parametrize(
    "question,message",
    [("", "问题是空的"), ("   \n\t ", "问题是空的"), ("职" * 10000, "问题太长（10000 字）"), (None, "question must be a string")],
)
def test_bad_questions_raise_clear_errors(assistant, question, message):
    with pytest.raises(QuestionError, match=message.replace("（", "\\（").replace("）", "\\）")):
        assistant.ask(question)


def test_control_characters_and_html_are_plain_text(assistant):
    a = assistant.ask("<script>alert(1)</script>\x00\x07双师型教师培养培训基地建多少个？")
    assert a.found
    assert "<script>" not in a.answer
    assert "50 个省级“双师型”教师培养培训基地" in a.answer


def test_asking_where_the_previous_answer_comes_from_cites_its_clauses(assistant):
    first = assistant.ask("退伍以后还能去读高职吗？")
    source = assistant.ask("这段写在规划哪个部分？我要引用", [Turn(first.question, first.answer)])
    assert source.found
    assert source.answer.startswith("上一个回答引用的条款出自：")
    assert [c.quote for c in source.citations] == [c.quote for c in first.citations]
    assert "（九）深化职业教育综合改革（第10页，原文：" in source.answer
    verbatim(assistant, source)


def test_list_question_answers_with_the_section_leads(assistant):
    a = assistant.ask("规划的基本原则包括哪些？")
    # Each principle with the sentence that begins to explain it, one quote for both.
    assert [c.quote[:10] for c in a.citations] == ["立德树人，德技并修。", "聚焦产业，服务大局。", "统筹布局，优化结构。", "育训并举，突破发展。"]
    assert a.citations[0].quote.endswith("造就“品德优良、人文扎实、技能精湛、身心健康”的新时代技术技能人才，服务学生全面可持续终身发展。")
    assert a.citations[3].quote == "育训并举，突破发展。落实学历教育与社会培训并重并举的法定职责，统筹资源，创新机制，突破路径，提升培训工作效能，激发办学活力，拓展办学空间。"
    assert a.answer.startswith("立德树人，德技并修。[1]培育和践行社会主义核心价值观，")
    assert all(c.section == ("二、总体思路", "（二）基本原则") for c in a.citations)
    verbatim(assistant, a)


def test_section_leads_alone_when_their_explanations_do_not_fit(assistant):
    from assistant.answer.evidence import Scored, split_sentences
    from assistant.answer.listing import section_leads

    k = assistant.knowledge
    chunk = next(c for c in k.chunks if c.section == ("二、总体思路", "（二）基本原则"))
    lead = next(s for s in split_sentences(chunk, 0) if s.text == "聚焦产业，服务大局。")
    best = Scored(lead, 1.0, 1.0, ())
    short = section_leads(k, best, max_chars=100)
    assert [[s.sentence.text for s in run] for run in short] == [
        ["立德树人，德技并修。"], ["聚焦产业，服务大局。"], ["统筹布局，优化结构。"], ["育训并举，突破发展。"]
    ]
    assert all(len(run) == 2 for run in section_leads(k, best, max_chars=640))


def test_counted_set_is_answered_with_the_sentence_that_lists_it(assistant):
    a = assistant.ask("五个对接分别指什么？")
    quoted = [c.quote for c in a.citations]
    assert quoted[0] == "以产业发展需求为导向，协同育人为目标，强化产教“五个对接”，形成职业教育产教深度融合发展新生态。"
    assert "专业与行业产业对接、课程与职业能力标准对接" in quoted[1]
    verbatim(assistant, a)


def test_a_clause_that_introduces_a_list_brings_the_rest_of_its_paragraph(assistant):
    a = assistant.ask("浙江职业教育目前有哪些不适应的地方？")
    quoted = [c.quote for c in a.citations]
    assert "主要表现为" in quoted[0]
    # The list's next sentence follows in the document, so the same quote holds it (200 characters at most).
    assert quoted[0].endswith("存在技术技能培养弱化倾向。中职学生高质量深造的通道还不够宽，家长学生主动就读意愿不强。")
    assert quoted[1].startswith("行业、企业深度参与职业教育产教融合、校企合作的积极性不高")
    verbatim(assistant, a)


def test_a_section_named_in_a_list_question_is_answered_with_its_subsections(assistant):
    a = assistant.ask("保障措施分为哪几部分？")
    assert a.answer == (
        "“四、保障措施”[1]包括以下方面：（一）加强领导和组织保证[2]；（二）加大投入和政策支持力度[3]；"
        "（三）强化统筹协同[4]；（四）营造发展良好氛围[5]。"
    )
    assert a.citations[0].quote == "四、保障措施"
    assert [c.section[:2] for c in a.citations[1:]] == [("四、保障措施", c.quote) for c in a.citations[1:]]
    verbatim(assistant, a)


def test_a_narrower_question_about_a_section_is_not_answered_with_its_outline(assistant):
    a = assistant.ask("主要任务里有哪些关于教师的举措？")
    assert "包括以下方面" not in a.answer
    assert all("教师" in c.quote for c in a.citations[:2])


def test_a_column_named_by_its_title_is_quoted_instead_of_the_table(assistant):
    a = assistant.ask("智慧校园提升行动有哪些量化目标？")
    assert all(c.kind == "text" and c.section[-1] == "专栏 9：智慧校园提升行动" for c in a.citations)
    assert "培育建设 100 所省级职教信息化标杆学校" in a.answer
    verbatim(assistant, a)


def test_an_english_question_finds_its_indicator_row_through_the_glossary(assistant):
    a = assistant.ask("How many joint programs with renowned foreign colleges does the plan expect by 2025?")
    first = a.citations[0]
    assert first.kind == "indicator"
    assert first.display == "引进国际著名职业院校在浙合作办学项目（个） · 2020年 67 · 2025年 80"
    assert a.answer.startswith("引进国际著名职业院校在浙合作办学项目：2020年为67个，2025年目标为80个，需增加13个[1]。")
    verbatim(assistant, a)


def test_a_sentence_stating_a_rows_target_does_not_displace_the_row(assistant):
    a = assistant.ask("职业院校每年的培训规模，到2025年要达到多少万人次？")
    assert a.citations[0].kind == "indicator"
    assert a.answer.startswith("职业院校开展技能培训人数：2020年为120万人，2025年目标为150万人，需增加30万人[1]。")
    assert any(c.kind == "text" and "150 万人次" in c.quote for c in a.citations)
    verbatim(assistant, a)


def test_followup_switches_level_of_an_indicator_named_for_a_level(assistant):
    first = assistant.ask("中专在校生到2025年要有多少万人？")
    assert first.answer.startswith("中职学校在校生人数：")
    second = assistant.ask("那大专呢？", [Turn(first.question, first.answer, first.citations)])
    assert second.answer.startswith("高职（高专）在校生人数：2020年为48.7万人，2025年目标为54万人，需增加5.3万人[1]。")


def test_a_followup_that_names_its_own_column_leaves_the_last_one(assistant):
    first = assistant.ask("智慧校园提升行动专栏有哪些内容？")
    history = [Turn(first.question, first.answer, first.citations)]
    a = assistant.ask("那云上三名那个专栏，名师金课打算做多少门？", history)
    assert a.found
    assert a.citations[0].section[-1] == "专栏 10：云上“三名”行动计划"
    assert "100 门云上“名师金课”" in a.citations[0].quote
    verbatim(assistant, a)


def test_a_vague_follow_up_inside_a_column_quotes_its_measures_not_the_table(assistant):
    first = assistant.ask("专栏9智慧校园提升行动要培育多少信息化标杆学校")
    a = assistant.ask("具体还有哪些措施", [Turn(first.question, first.answer, first.citations)])
    assert a.citations and all(c.kind == "text" and c.section[-1] == "专栏 9：智慧校园提升行动" for c in a.citations)
    assert any("50 个示范性智慧实训教室" in c.quote for c in a.citations)
    verbatim(assistant, a)


def test_a_further_question_beside_an_indicator_gets_its_own_clause(assistant):
    a = assistant.ask("中职在校生要达到多少万人？另外中职学校的办学条件什么时候全面达标？")
    assert a.answer.startswith("中职学校在校生人数：2020年为74.3万人，2025年目标为76万人，需增加1.7万人[1]。")
    assert a.citations[1].quote == "持续改善中职学校办学条件，2025 年前实现全面达标，建设好高水平中职学校和高水平专业（群）。"
    # The other question's words do not take the row away.
    b = assistant.ask("高职双师型教师比例要达到多少？另外教师的全员轮训制度是怎么规定的？")
    assert b.citations[0].kind == "indicator"
    assert any("5 年一周期的全员轮训制度" in c.quote for c in b.citations)
    verbatim(assistant, a)
    verbatim(assistant, b)


def test_what_a_term_covers_is_answered_where_the_plan_defines_it(assistant):
    a = assistant.ask("我家孩子在技校读书，规划里讲的职业院校包不包括技校的？")
    assert a.citations[0].quote.startswith("职业院校(含技工院校，下同)")
    verbatim(assistant, a)


def test_asking_for_the_column_of_the_previous_topic(assistant):
    history = [Turn("温台职业教育创新高地是怎么回事？", "规划提出推进部省共建温台职业教育创新高地建设。")]
    a = assistant.ask("有没有专门的专栏？讲了什么", history)
    assert a.found
    assert all(c.section[-1] == "专栏 11：温台职业教育创新高地建设" for c in a.citations)
    verbatim(assistant, a)


def test_asking_how_many_columns_lists_them(assistant):
    a = assistant.ask("规划总共有几个专栏？")
    assert a.answer.startswith("规划设有以下专栏：专栏 1：职业院校“三全育人”行动计划[1]；")
    assert len(a.citations) == 11
    assert a.citations[-1].quote == "专栏 11：温台职业教育创新高地建设"
    verbatim(assistant, a)


def test_a_question_inside_one_column_is_not_answered_with_the_column_list(assistant):
    a = assistant.ask("双高专栏里要建多少个高水平专业群？")
    assert "规划设有以下专栏" not in a.answer
    assert "高水平专业群 30 个" in a.answer


def test_asking_for_the_clause_quotes_the_paragraphs_lead_first(assistant):
    a = assistant.ask("请给出规划里关于混合所有制的条款原文")
    # The lead and the sentence after it follow one another: one quote, each sentence marked.
    assert a.citations[0].quote == (
        "推进多元办学改革。"
        "引导支持行业企业、社会力量兴办职业教育，积极探索股份制、混合所有制办学，鼓励支持行业龙头企业积极参与职业教育。"
    )
    assert a.answer.startswith("推进多元办学改革。[1]引导支持行业企业")
    verbatim(assistant, a)


def test_a_ratio_in_the_scene_setting_does_not_make_it_an_indicator_question(assistant):
    a = assistant.ask("为了提高双师型教师比例，规划对招聘专业教师有什么要求？")
    assert a.citations[0].kind == "text"
    assert "3 年以上企业工作经历" in a.citations[0].quote


def test_level_words_are_switched_only_as_whole_words():
    from assistant.answer.context import _switch_level

    assert _switch_level("中专在校生到2025年要有多少万人？", "那大专呢？").startswith("高职在校生")
    assert _switch_level("中职双师型比例多少", "那提高专业水平呢？") == "中职双师型比例多少"


def test_values_asked_for_two_levels_are_not_a_request_for_names(assistant):
    a = assistant.ask("2025年中职和高职双师型教师比例目标分别是什么？")
    assert a.found
    assert [c.kind for c in a.citations[:2]] == ["indicator", "indicator"]


def test_a_rare_word_finds_its_sentence_in_a_low_ranked_chunk(assistant):
    a = assistant.ask("高职有没有四年学制的？")
    assert a.found
    assert any("四年制高职" in c.quote for c in a.citations)
    verbatim(assistant, a)


def test_a_count_of_people_is_not_answered_with_a_share(assistant):
    a = assistant.ask("2020年全省职业院校一共输送了多少毕业生？")
    assert a.found and "33.77" in a.answer
    assert all(c.kind == "text" for c in a.citations)


def test_a_salary_amount_is_not_answered_with_a_teacher_share(assistant):
    a = assistant.ask("“双师型”老师一个月工资大概多少？")
    assert not a.found and not a.citations
    assert "没有给出具体金额" in a.answer


def test_the_distance_from_a_figure_the_user_gives(assistant):
    a = assistant.ask("我们学校是高职，双师型教师比例目前68.5%，到2025年还差多少？")
    assert a.found
    assert "按您给出的68.5%计算，距2025年目标80%还差11.5个百分点[1]。" in a.answer
    assert a.citations[0].kind == "indicator"
    verbatim(assistant, a)


def test_an_english_question_about_something_the_plan_never_mentions_is_refused(assistant):
    a = assistant.ask("How much tuition does a secondary vocational school charge?")
    assert not a.found and not a.citations
    assert "学费" in a.answer
    b = assistant.ask("What is the monthly salary of a double-qualified teacher?")
    assert not b.found
    # English questions the plan does answer still are.
    c = assistant.ask("What is the 2025 target for the smart campus compliance rate?")
    assert c.found and c.citations[0].kind == "indicator" and "100%" in c.answer


def test_a_two_part_question_is_answered_for_both_parts(assistant):
    a = assistant.ask("规划对双师型教师认定和教师全员轮训分别怎么规定？")
    assert "全员轮训" in quotes(a) and "“双师型”教师认定" in quotes(a)
    b = assistant.ask("高职扩招和学分银行分别怎么说？")
    assert "落实高职扩招工作举措" in quotes(b) and "学分银行" in quotes(b)
    verbatim(assistant, a)


def test_the_plans_own_title_in_the_question_does_not_steer_the_answer(assistant):
    a = assistant.ask("请问《浙江省职业教育“十四五”发展规划》中关于中职学校办学条件达标是怎么规定的？")
    assert a.found
    assert any("2025 年前实现全面达标" in c.quote for c in a.citations)
    verbatim(assistant, a)


def test_a_measure_named_by_its_lead_is_answered_with_its_paragraph(assistant):
    a = assistant.ask("推进人才培养模式改革具体有哪些做法？")
    assert a.found
    assert a.answer.startswith("推进人才培养模式改革。[1]")
    assert "学分银行" in quotes(a) and "现代学徒制" in quotes(a)
    # All from that one paragraph, not the section's other measures.
    assert "推进多元办学改革" not in a.answer
    verbatim(assistant, a)


def test_a_section_named_by_its_leads_still_lists_them(assistant):
    a = assistant.ask("规划的基本原则有哪些？")
    assert a.found
    assert [c.quote[:10] for c in a.citations] == ["立德树人，德技并修。", "聚焦产业，服务大局。", "统筹布局，优化结构。", "育训并举，突破发展。"]


def test_a_tables_note_is_a_sentence_that_answers(assistant):
    a = assistant.ask("发展目标表里的指标属于约束性指标吗？")
    assert a.found
    assert a.answer.startswith("注：以上指标均为预期性指标。[1]")
    first = a.citations[0]
    assert first.kind == "text" and first.section == TABLE and first.quote == "注：以上指标均为预期性指标"
    verbatim(assistant, a)


def test_how_many_leads_with_the_sentence_that_states_the_number(assistant):
    # 加强职业体验中心建设 names the thing; the 专栏 sentence gives its count.
    a = assistant.ask("全省打算建设多少个职业体验中心？")
    assert a.found
    first = a.answer.split("[1]")[0]
    assert "建设 100 个职业体验中心" in first
    verbatim(assistant, a)


def test_the_clause_that_asks_weighs_more_than_the_one_setting_the_scene(assistant):
    # "我们是一所中职学校" sets the scene; "教材方面有什么新要求" is what is asked.
    a = assistant.ask("我们是一所中职学校，想问教材方面有什么新要求？")
    assert a.found and "教材" in a.citations[0].quote


def test_each_question_of_a_message_gets_its_sentence(assistant):
    a = assistant.ask("孩子在技校读书，技校算不算规划里说的职业院校？技师学院以后能算大学吗")
    text = quotes(a)
    assert "职业院校(含技工院校，下同)" in text  # the first question: what the term covers
    assert "将符合条件的技师学院纳入高等学校序列" in text  # the second
    verbatim(assistant, a)


def test_a_figure_said_in_words_is_the_users_own(assistant):
    a = assistant.ask("中职生均仪器设备值规划要达到多少元？我们现在一万一左右，差多少")
    assert "按您给出的11000元计算，距2025年目标13000元还差2000元" in a.answer


def test_a_statement_after_the_question_is_no_question_of_its_own(assistant):
    a = assistant.ask("高职双师型比例规划目标是多少？我们学校目前75%左右")
    assert "按您给出的75%计算，距2025年目标80%还差5个百分点" in a.answer
    # "我们学校目前75%左右" asks nothing: no clause is brought in for its 左右 ("培训 500 名左右德育骨干").
    assert not any("左右" in c.quote for c in a.citations)
    assert all("双师型" in c.quote or "双师型" in c.display for c in a.citations)


def test_each_of_two_coordinated_parties_gets_its_clause(assistant):
    a = assistant.ask("省里和设区市在职业教育统筹上怎么分工？")
    quotes = [c.quote for c in a.citations]
    assert any(q.startswith("省级强化高等职业教育学校布局和专业结构统筹") for q in quotes)
    assert any("设区市强化对中职教育发展的区域统筹" in q for q in quotes)


def test_a_row_and_a_column_asked_together_are_both_answered(assistant):
    a = assistant.ask("中高职一体化人才培养方案专业覆盖率目标多少？专栏里要推进几个专业的一体化课程？")
    kinds = [c.kind for c in a.citations]
    assert kinds[0] == "indicator" and "2025年 50" in a.citations[0].display
    # 几个 is the 专栏's question: the row in % is not dropped for it, and the 专栏 clause answers it.
    assert any(c.kind == "text" and "24 个专业一体化课程建设" in c.quote for c in a.citations)


def test_a_sum_in_yi_is_a_sum_the_plan_does_not_give():
    from assistant.answer.scope import missing_specifics

    assert missing_specifics("十四五期间省财政给职业教育投多少亿？", ["“十四五”期间，浙江职业教育发展面临新的机遇和挑战。"]) == (
        "文件提到了相关内容，但没有给出以“亿”计的具体数字"
    )


def test_single_everyday_words_of_listed_compounds_find_the_plans_terms(assistant):
    # 文化课 → 公共基础课, 手艺 → 技能: the single words of 文化课考试 and 学手艺.
    a = assistant.ask("读中职还要上文化课吗？")
    assert a.found and any("公共基础课" in c.quote for c in a.citations)
    a = assistant.ask("高中毕业没考上大学，能去职业学校学门手艺吗")
    assert a.found and any("两后生" in c.quote for c in a.citations)


def test_leaving_school_in_spoken_words_finds_the_two_groups_not_in_school(assistant):
    a = assistant.ask("孩子高中毕业就不想读书了，有什么职业培训能参加吗")
    assert a.found and any("两后生" in c.quote for c in a.citations)


def test_a_cap_and_cutting_majors_in_everyday_words(assistant):
    a = assistant.ask("老师搞社会培训多拿的绩效有没有上限？")
    assert a.found and any("最高可上浮 50%" in c.quote for c in a.citations)
    a = assistant.ask("招不到学生的专业会被砍掉吗？")
    assert a.found and any("裁撤" in c.quote for c in a.citations)


def test_sentences_that_follow_one_another_are_one_quote(assistant):
    a = assistant.ask("省里和设区市在职业教育统筹上怎么分工")
    first = a.citations[0]
    assert first.section == ("四、保障措施", "（三）强化统筹协同")
    assert first.quote.startswith("省级强化高等职业教育学校布局和专业结构统筹，加强顶层设计和政策供给。设区市强化对中职教育发展的区域统筹")
    # Each sentence of the quote carries its marker, so verification keeps every one of them.
    assert a.answer.startswith("省级强化高等职业教育学校布局和专业结构统筹，加强顶层设计和政策供给。[1]设区市强化对中职教育发展的区域统筹")
    verbatim(assistant, a)


def test_a_headline_is_cited_with_the_sentence_that_states_it(assistant):
    a = assistant.ask("基本原则里育训并举那一条原文怎么写的")
    assert a.answer == (
        "育训并举，突破发展。[1]落实学历教育与社会培训并重并举的法定职责，统筹资源，创新机制，"
        "突破路径，提升培训工作效能，激发办学活力，拓展办学空间。[1]"
    )
    assert [c.section for c in a.citations] == [("二、总体思路", "（二）基本原则")]
    verbatim(assistant, a)
