"""Nouns the documents never use, and when one means they do not answer the question."""

from __future__ import annotations

from assistant.answer.scope.unknown_words import frames_value, unknown_head_blocks, unknown_rate, unknown_topics


def test_an_unknown_word_in_the_asked_clause_still_refuses(assistant):
    a = assistant.ask("中职学校的宿舍是几人间？")
    assert not a.found and not a.citations
    assert "宿舍" in a.answer


def test_an_unknown_head_noun_refuses_even_a_yes_no_question(assistant):
    a = assistant.ask("退役军人读中职能免学费吗？")
    assert not a.found and not a.citations
    assert "学费" in a.answer


def test_words_about_the_text_are_not_unknown_topics(assistant):
    a = assistant.ask("规划里普职融通的原文是怎么写的？")
    assert a.found
    assert any("普职融通" in c.quote for c in a.citations)


def test_a_segmentation_guess_that_cuts_a_plan_word_is_not_unknown(assistant):
    k = assistant.knowledge
    # jieba reads 算学 (mathematics) in 算学分; the plan's 学分 wins.
    assert unknown_topics("网上学的课程能不能算学分？", k.corpus_norm, k.weights) == []
    assert unknown_topics("中职能免学费吗？", k.corpus_norm, k.weights) == [("学费", "n")]


def test_one_side_of_a_choice_may_be_a_word_the_plan_never_uses(assistant):
    k = assistant.knowledge
    assert unknown_topics("这些指标是约束性的还是预期性的？", k.corpus_norm, k.weights) == []


def test_the_plans_own_words_in_another_form_are_not_unknown(assistant):
    k = assistant.knowledge
    # Its people (本科 → 本科生) and one character changed (高等级 → 高级别).
    assert unknown_topics("以后高职院校可以招本科生吗？", k.corpus_norm, k.weights) == []
    assert unknown_topics("拿到高级别技能证书的比例呢？", k.corpus_norm, k.weights) == []
    assert k.weights.variant_of("高级别") == "高等级"
    assert k.weights.variant_of("学费") is None  # two characters are too few to tell


def test_a_question_word_fused_with_a_noun_is_not_a_topic(assistant):
    k = assistant.knowledge
    # jieba reads 哪些地方 as one word; what is left (地方) is about the asking.
    assert unknown_topics("职业体验中心会建在哪些地方？", k.corpus_norm, k.weights) == []


def test_a_place_word_after_one_character_is_a_location_not_a_topic(assistant):
    k = assistant.knowledge
    assert unknown_topics("规划表里高职在校生目标是多少？", k.corpus_norm, k.weights) == []


def test_a_compound_of_common_words_is_not_a_topic(assistant):
    k = assistant.knowledge
    # 平均 is common in general Chinese and 水平 is the plan's word.
    assert unknown_topics("生均拨款比平均水平高多少？", k.corpus_norm, k.weights) == []
    # 前提条件 is the plan's 前提 and 条件 written together; 教职 is no word of the plan, so 教职工 stays unknown.
    assert unknown_topics("有没有前提条件？", k.corpus_norm, k.weights) == []
    assert unknown_topics("教职工有补助吗？", k.corpus_norm, k.weights)[0] == ("教职工", "n")
    # 具体安排: 具体 and a word about the text (安排), written together.
    assert unknown_topics("中职教育下一步有什么具体安排？", k.corpus_norm, k.weights) == []


def test_asking_for_the_plans_stance_is_asking_what_it_says(assistant):
    a = assistant.ask("规划对高职院校升格办本科是什么态度？")
    assert a.found and any("本科" in c.quote for c in a.citations)


def test_a_counted_or_pointed_back_noun_is_no_new_topic(assistant):
    k = assistant.knowledge
    # "这两条路" points back at 中职 and 普高, both named before it.
    assert unknown_topics("读了中职想转普高，有没有打通这两条路的说法？", k.corpus_norm, k.weights) == []
    assert unknown_topics("中职和普高两条路能打通吗？", k.corpus_norm, k.weights) == []
    # A noun the plan never uses is still unknown when counted ("三间宿舍").
    assert unknown_topics("中职学校要建几间宿舍？", k.corpus_norm, k.weights) == [("宿舍", "n")]


def test_the_subject_of_a_choice_is_not_one_of_its_sides():
    from assistant.answer.scope.unknown_words import _other_choice_known

    norm = "学费是按年收还是按学期收"
    corpus = "每学期开展评估"
    # 学期 (the other side) is known, but 学费 is what is asked about, not a choice.
    assert not _other_choice_known(norm, norm.index("学费"), corpus)
    norm = "指标是约束性的还是预期性的"
    assert _other_choice_known(norm, norm.index("约束性"), "均为预期性指标")


def test_a_comparison_word_is_no_topic(assistant):
    k = assistant.knowledge
    assert unknown_topics("高职和中职的领导体制有区别吗？", k.corpus_norm, k.weights) == []
    assert unknown_topics("高职和中职的领导体制有什么差异？", k.corpus_norm, k.weights) == []


def test_a_segmenter_guess_that_cuts_an_everyday_word_is_no_topic(assistant):
    k = assistant.knowledge
    # jieba reads 那大 | 专升本 in "那大专升本"; 大专 is a word of the synonym table.
    assert unknown_topics("那大专升本的比例呢", k.corpus_norm, k.weights) == []


def test_an_unknown_word_in_a_yes_no_question_about_enough_else_does_not_block():
    # "普高和中职能互通吗": the rest names the topic (中职, 普通高中), the best sentence holds it.
    assert not unknown_head_blocks("上了职高还能和普高互通吗？", ["互通"], coverage=1.0, known_weight=4.2, corpus_norm="")
    # The same word blocks a question for a value, one about too little else, or one poorly matched.
    assert unknown_head_blocks("普职之间互通要多少年？", ["互通"], coverage=1.0, known_weight=4.2, corpus_norm="")
    assert unknown_head_blocks("能互通吗？", ["互通"], coverage=1.0, known_weight=0.0, corpus_norm="")
    assert unknown_head_blocks("上了职高还能和普高互通吗？", ["互通"], coverage=0.3, known_weight=4.2, corpus_norm="")


def test_money_criteria_and_an_unknown_act_keep_blocking(assistant):
    k = assistant.knowledge
    assert unknown_head_blocks("退役军人读高职有补贴吗？", ["补贴"], 1.0, 5.0, k.corpus_norm)
    assert unknown_head_blocks("老年大学报名有年龄限制吗？", ["年龄"], 1.0, 5.0, k.corpus_norm)
    # 报考 is no word of the plan: the act asked about is outside it, not only its object.
    assert unknown_head_blocks("技师学院毕业的能不能报考公务员？", ["公务员"], 1.0, 5.0, k.corpus_norm)
    # 能不能 is no act.
    assert not unknown_head_blocks("普职之间能不能互通？", ["互通"], 1.0, 5.0, k.corpus_norm)


def test_yes_no_questions_in_everyday_words_on_the_real_plan(assistant):
    a = assistant.ask("上了职高还能和普高互通吗？")
    assert a.found and a.citations[0].quote.startswith("深入推进普职融通，实现职业教育与普通教育双向互认、纵向流动")
    for question in ("职高要交学费吗？", "技师学院毕业的能不能报考公务员？", "高职有奖学金吗？", "职业院校办的老年大学报名有年龄限制吗？"):
        refused = assistant.ask(question)
        assert not refused.found and not refused.citations, question


def test_an_unknown_thing_asked_for_by_name_is_refused_words_about_the_text_are_not(assistant):
    a = assistant.ask("《职业教育法》对不参与校企合作的企业有什么处罚？")
    assert not a.found and "处罚" in a.answer
    # 条文, 对应 and 距离 are about the document or the gap, not topics of their own.
    a = assistant.ask("有群众问中职学校和技工院校能否合并办学，规划里对应的条款是什么？")
    assert a.found and any("双挂牌" in c.quote for c in a.citations)
    a = assistant.ask("起草答复时要引用师德在教师考核评聘中的地位，规划条文原话是什么？")
    assert a.found and any("首要要求" in c.quote for c in a.citations)
    a = assistant.ask("本校中职毕业生升入高一级学校的比例是45.5%，距离省里的目标还差多少？")
    assert "还差4.5个百分点" in a.answer


def test_the_users_name_for_the_plan_and_words_of_expecting_are_no_topic(assistant):
    k = assistant.knowledge
    # 教育规划 is 教育 + 规划, the document itself; 预计 is how the target is asked for.
    assert unknown_topics("技校算不算在这个职业教育规划里面？", k.corpus_norm, k.weights) == []
    assert unknown_topics("职教本科在校生人数2025年预计要到多少万人？", k.corpus_norm, k.weights) == []
    a = assistant.ask("職教本科在校生人數2025年預計要到多少萬人？")
    assert a.found and a.answer.startswith("职教本科在校生人数：2020年为0.48万人，2025年目标为3万人")
    # A word the documents never use, with no parts of theirs, still counts.
    assert unknown_topics("中职能免学费吗？", k.corpus_norm, k.weights) == [("学费", "n")]


def test_words_of_the_request_of_being_able_and_of_a_way_are_no_topic(assistant):
    k = assistant.knowledge
    # 整理/答复 and 要点 are the staff member's request; 借力 after 可以 is an act; 门路 is a way, like 办法.
    assert unknown_topics("帮我整理个答复要点：职校能和企业一起办产业学院吗", k.corpus_norm, k.weights) == []
    assert unknown_topics("规划里有哪些政策我们学校可以借力？", k.corpus_norm, k.weights) == []
    assert unknown_topics("初中毕业想学技术，有没有门路？", k.corpus_norm, k.weights) == []
    a = assistant.ask("帮我整理个答复要点：职校能和企业一起办产业学院吗")
    assert a.found and "产业学院" in a.citations[0].quote
    a = assistant.ask("退役以后想读高职，有没有门路？")
    assert a.found and any("退役军人" in c.quote for c in a.citations)


def test_a_clause_that_asks_a_value_beside_a_named_indicator_asks_that_rows_value(assistant):
    assert frames_value("职业院校开展技能培训人数到2025年是多少？基线是多少？", "基线")
    assert not frames_value("中职学校的宿舍床位有多少？", "宿舍")
    a = assistant.ask("职业院校开展技能培训人数，十四五末要到多少？基线是多少？")
    assert a.found and a.answer.startswith("职业院校开展技能培训人数：2020年为120万人，2025年目标为150万人，需增加30万人[1]")
    assert not assistant.ask("中职学校的宿舍床位有多少？").found


def test_a_word_asking_for_a_figure_is_no_unknown_topic(assistant):
    k = assistant.knowledge
    # 起点 is not in the plan, but it asks for the row's 2020 value; the row is named in part (1+X证书获取率).
    assert unknown_topics("1+X证书获取率，中职和高职的起点和2025年目标分别是多少？", k.corpus_norm, k.weights) == []
    a = assistant.ask("1+X证书获取率，中职和高职的起点和2025年目标分别是多少？")
    assert a.found and a.answer.startswith("毕业生 1+X 证书获取率（中职）：2020年为15%，2025年目标为30%")


def test_the_other_choice_may_be_a_term_of_the_user_dictionary(assistant):
    # "约束性还是预期性指标": 预期性指标 is a user-dictionary term (tagged x) and in the plan.
    a = assistant.ask("规划发展目标表中的各项指标属于约束性还是预期性指标？")
    assert a.found and "以上指标均为预期性指标" in a.citations[0].quote


def test_an_a_not_a_verb_is_no_part_of_the_noun_before_it(assistant):
    k = assistant.knowledge
    # jieba cuts "这条路通不通" as 路通 | 不通: 通 is the verb asked about, 路 alone names nothing.
    assert unknown_topics("中职和普高之间转学，这条路通不通？", k.corpus_norm, k.weights) == []
    a = assistant.ask("中职和普高之间转学，这条路通不通？")
    assert a.found and any("普职融通" in c.quote for c in a.citations)


def test_the_word_after_a_modal_is_an_act(assistant):
    k = assistant.knowledge
    # 算数 (tagged n) after 不能 is what one may do with the credits, not a topic of its own.
    assert unknown_topics("以前考的证书以后能不能算数？", k.corpus_norm, k.weights) == []
    # A noun after a modal's verb still counts.
    assert unknown_topics("中职能不能免学费？", k.corpus_norm, k.weights) == [("学费", "n")]


def test_a_word_asking_for_a_date_is_no_unknown_topic(assistant):
    a = assistant.ask("中职学校办学条件全面达标，有没有一个时间节点？")
    assert a.found
    assert "2025 年前实现全面达标" in a.citations[0].quote


def test_one_character_before_a_word_of_the_documents_is_the_users_way_of_saying_it(assistant):
    k = assistant.knowledge
    assert unknown_topics("这些数字指标是必须完成的硬指标吗？", k.corpus_norm, k.weights) == []
    assert [w for w, _ in unknown_topics("中职学校的分数线是多少？", k.corpus_norm, k.weights)] == ["分数线"]


def test_a_word_asking_what_things_are_called_is_no_topic(assistant):
    k = assistant.knowledge
    assert unknown_topics("数字化那部分提到了哪些平台名字？", k.corpus_norm, k.weights) == []
    a = assistant.ask("数字化那部分提到了哪些平台名字？")
    assert a.found and any("学在浙江" in c.quote for c in a.citations)


def test_colloquial_question_words_are_no_topic(assistant):
    k = assistant.knowledge
    # 干嘛, 为啥, 咋样 ask what for, why and how, as 什么 and 怎么 do.
    for question in ("丝路学院是干嘛用的？", "为啥要搞产教融合？", "中高职一体化办得咋样？"):
        assert unknown_topics(question, k.corpus_norm, k.weights) == [], question
    a = assistant.ask("听说学校在国外办了“丝路学院”，那是干嘛用的？")
    assert a.found
    assert any("丝路学院" in c.quote for c in a.citations)


def test_a_rate_the_documents_never_name_is_refused_a_rows_short_name_is_not(assistant):
    names = [r.indicator for r in assistant.knowledge.rows]
    assert unknown_rate(["就业率"], names) == "就业率"
    assert unknown_rate(["生师比"], names) == "生师比"
    assert unknown_rate(["参与率"], names) is None  # 大中型企业深度参与职业教育办学覆盖率
    assert unknown_rate(["宿舍"], names) is None
    a = assistant.ask("规划对中职毕业生就业率定了什么目标？")
    assert not a.found and not a.citations
    assert "就业率" in a.answer
    b = assistant.ask("企业深度参与率要到70%，规划里产教融合这块具体要建多少产业学院？")
    assert b.found and b.citations


def test_an_example_of_what_is_asked_is_no_topic(assistant):
    k = assistant.knowledge
    # 手工, 智能手机: examples ("之类的", "啥的") of the kind of thing asked about.
    assert unknown_topics("小学生能不能去职业学校体验做手工之类的？", k.corpus_norm, k.weights) == []
    assert unknown_topics("职业学校教不教老人用智能手机啥的", k.corpus_norm, k.weights) == []
    # Named on its own, the same word is still one the documents never use.
    assert unknown_topics("职业学校教不教老人用智能手机？", k.corpus_norm, k.weights) == [("智能手机", "n")]
