"""When the documents do not cover a question: scope checks, on their own and on the real plan."""

from __future__ import annotations

from assistant.answer.scope import (
    asked_clauses,
    asked_heads,
    asks_specific,
    hard_out_of_scope,
    missing_names,
    missing_specifics,
    named_document_content,
    unknown_head_blocks,
    unknown_topics,
)


def test_asked_clauses_drop_the_scene_setting():
    assert asked_clauses("我在餐馆打工好几年了，只有初中学历，还有机会读高职吗？") == "还有机会读高职吗?"
    assert asked_clauses("宿舍是几人间？有空调吗？") == "宿舍是几人间?有空调吗?"
    # Nothing asks: the whole question is the focus.
    assert asked_clauses("中职学校招生") == "中职学校招生"


def test_a_year_inside_the_plan_period_has_no_actual_figures():
    check = hard_out_of_scope("2022年中职学校在校生实际有多少万人？", "")
    assert check.reason == "规划只给出2020年基数和2025年目标，没有2022年的实际数据"
    # A date that is only context, not a figure asked for, is fine.
    assert hard_out_of_scope("规划是2021年开始实施的吗？", "").reason is None


def test_a_kind_of_school_is_not_a_school_name():
    assert hard_out_of_scope("民办职业学校能参与产业学院建设吗？", "").reason is None
    assert hard_out_of_scope("宁波甬江职业学校的学费是多少？", "").reason == "文件没有关于“宁波甬江职业学校”这所学校的具体信息"


def test_which_ones_needs_names_not_a_count():
    assert missing_names("丝路学院分别是哪几所？", ["高职（高专）丝路学院数量（所） 16 25"]) == "文件没有列出具体的名称或名单"
    assert missing_names("丝路学院有多少所？", ["高职（高专）丝路学院数量（所） 16 25"]) is None


def test_scene_setting_words_the_plan_never_uses_do_not_block_an_answer(assistant):
    a = assistant.ask("我在餐馆打工好几年了，还有机会读高职吗？")
    assert a.found
    assert any("高职扩招" in c.quote for c in a.citations)


def test_an_unknown_word_in_the_asked_clause_still_refuses(assistant):
    a = assistant.ask("中职学校的宿舍是几人间？")
    assert not a.found and not a.citations
    assert "宿舍" in a.answer


def test_a_count_row_does_not_answer_which_schools(assistant):
    a = assistant.ask("职教本科学校分别是哪几所？")
    assert not a.found
    assert "文件没有列出具体的名称或名单" in a.answer


def test_an_amount_of_money_needs_a_sum_or_a_relative_figure():
    assert missing_specifics("省里投入了多少资金？", ["实施一批重点项目。"]) == "文件提到了相关内容，但没有给出具体金额"
    # An unrelated percentage is no amount of money; a share of a money figure is.
    assert missing_specifics("平均起薪是多少？", ["证书的比例达到 30%。"]) == "文件提到了相关内容，但没有给出具体金额"
    assert missing_specifics("奖金最多能多发多少？", ["绩效工资总量最高可上浮 50%"]) is None
    assert missing_specifics("生均经费要达到多少？", ["生均公用经费标准逐步达到普通高中的 2 倍以上"]) is None
    # A level asked for is not a change: "上浮 50%" says how much more, not what the pay is.
    assert missing_specifics("教师的平均工资要达到多少？", ["经批准后绩效工资总量最高可上浮 50%"]) == "文件提到了相关内容，但没有给出具体金额"


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


def test_counters_of_institutions_stand_for_one_another():
    assert missing_specifics("试点选了几家机构？", ["选择 3 所机构、1 个项目"]) is None
    assert missing_specifics("要建几家产业学院？", ["共建产业学院"]) == "文件提到了相关内容，但没有给出以“家”计的具体数字"
    # "哪几项" asks for items, which need not be names.
    assert missing_specifics("包括哪几项建设任务？", ["政校企共建 20 个产业学院"]) is None


def test_the_head_noun_of_an_asked_clause_is_what_it_is_about():
    assert asked_heads("我家孩子读中职，是不是可以免学费？") == {"学费"}
    assert asked_heads("我在工厂打工，还有机会读高职吗？") == {"高职"}


def test_an_unknown_head_noun_refuses_even_a_yes_no_question(assistant):
    a = assistant.ask("退役军人读中职能免学费吗？")
    assert not a.found and not a.citations
    assert "学费" in a.answer


def test_words_about_the_text_are_not_unknown_topics(assistant):
    a = assistant.ask("规划里普职融通的原文是怎么写的？")
    assert a.found
    assert any("普职融通" in c.quote for c in a.citations)


def test_money_asked_with_a_word_in_between():
    assert missing_specifics("每个基地能拿到多少建设补助？", ["加强职业体验中心建设"]) == "文件提到了相关内容，但没有给出具体金额"


def test_a_segmentation_guess_that_cuts_a_plan_word_is_not_unknown(assistant):
    k = assistant.knowledge
    # jieba reads 算学 (mathematics) in 算学分; the plan's 学分 wins.
    assert unknown_topics("网上学的课程能不能算学分？", k.corpus_norm, k.weights) == []
    assert unknown_topics("中职能免学费吗？", k.corpus_norm, k.weights) == [("学费", "n")]
    # 前提条件 is the plan's 前提 and 条件 written together; 教职 is no word of the plan, so 教职工 stays unknown.
    assert unknown_topics("有没有前提条件？", k.corpus_norm, k.weights) == []
    assert unknown_topics("教职工有补助吗？", k.corpus_norm, k.weights)[0] == ("教职工", "n")


def test_which_day_asks_a_date():
    assert missing_specifics("职业教育法是哪一天开始施行的？", ["中职教育规模与当地产业发展需要相适应。"]) == "文件没有给出具体时间"
    assert missing_specifics("几号开始报名？", ["2025 年前实现全面达标。"]) is None


def test_one_side_of_a_choice_may_be_a_word_the_plan_never_uses(assistant):
    k = assistant.knowledge
    assert unknown_topics("这些指标是约束性的还是预期性的？", k.corpus_norm, k.weights) == []


def test_which_of_two_is_better_is_a_recommendation():
    assert hard_out_of_scope("中职学数控还是学电商好？", "").reason == "文件是全省的发展规划，不对具体学校或专业作排名和推荐"


def test_a_year_range_names_the_period_not_a_year_asked_about():
    assert hard_out_of_scope("规划期2021-2025年内要培育多少个名班主任工作室？", "").reason is None
    assert hard_out_of_scope("《规划（2021—2025年）》里高职双师型比例目标是多少？", "十四五").reason is None


def test_national_level_projects_are_not_a_list_of_countries():
    assert missing_names("规划里有哪些国家级项目？", ["培育国家级教学成果"]) is None
    assert missing_names("丝路学院开在哪些国家？", ["到一带一路国家设立丝路学院"]) is not None


def test_a_noun_qualifying_the_head_is_asked_about_too():
    assert asked_heads("中职学校宿舍条件有什么要求？") == {"宿舍", "条件"}
    assert asked_heads("学校食堂有哪些规定？") == {"学校食堂"}


def test_how_to_apply_is_a_procedure_the_plan_does_not_describe():
    corpus = "落实高职扩招工作举措。可追溯、可查询、可转换。"
    assert hard_out_of_scope("高职扩招怎么报名？", corpus).reason == "文件是发展规划，不涉及“报名”等具体办理事项"
    assert hard_out_of_scope("读中职要准备什么手续？", corpus).reason == "文件是发展规划，不涉及“手续”等具体办理事项"
    # An act the documents do name, or a "how" about policy, is not a procedure question.
    assert hard_out_of_scope("学习成果怎么查询？", corpus).reason is None
    assert hard_out_of_scope("规划怎么推进产教融合？", corpus).reason is None


def test_the_plans_own_words_in_another_form_are_not_unknown(assistant):
    k = assistant.knowledge
    # Its people (本科 → 本科生) and one character changed (高等级 → 高级别).
    assert unknown_topics("以后高职院校可以招本科生吗？", k.corpus_norm, k.weights) == []
    assert unknown_topics("拿到高级别技能证书的比例呢？", k.corpus_norm, k.weights) == []
    assert k.weights.variant_of("高级别") == "高等级"
    assert k.weights.variant_of("学费") is None  # two characters are too few to tell


def test_a_salary_is_a_sum_but_a_raise_may_be_a_share():
    share = ["经批准后绩效工资总量最高可上浮 50%"]
    assert missing_specifics("老师每个月工资有多少？", share) == "文件提到了相关内容，但没有给出具体金额"
    assert missing_specifics("绩效工资总量能多发多少？", share) is None


def test_how_many_there_are_now_needs_a_figure_for_2020():
    targets = ["重点建设省级高水平高职院校 15 所"]
    reason = "文件给出的是到2025年的建设目标，没有现有数量的统计"
    assert missing_specifics("目前全省总共有多少所高职院校？", targets) == reason
    assert missing_specifics("省里要重点建设多少所高水平高职院校？", targets) is None
    assert missing_specifics("2020年职业院校有多少人参加培训？", ["2020 年职业院校输送毕业生 33.77 万人，培训 120 万人次"]) is None


def test_these_few_years_asks_for_no_number():
    assert not asks_specific("这几年专升本的机会会多一些吗？")
    assert asks_specific("专升本要读几年？")


def test_a_tax_cut_needs_a_sum_or_a_share_stated_with_the_tax():
    evidence = ["落实产教融合校企合作的金融、财政、税收等各项激励政策。", "大中型企业比例达到 70%。"]
    assert missing_specifics("企业能减免多少税？", evidence) == "文件提到了相关内容，但没有给出具体金额"
    assert missing_specifics("税收减免比例是多少？", evidence) == "文件提到了相关内容，但没有给出具体金额"


def test_what_another_named_document_says_is_not_in_the_store():
    titles = ["浙江省职业教育“十四五”发展规划（2021—2025年）"]
    assert named_document_content("《职业院校数字校园规范》里具体有哪些要求？", titles) == (
        "文件只提到了《职业院校数字校园规范》的名称，没有收录它的具体内容"
    )
    assert named_document_content("《浙江省职业教育“十四五”发展规划》里关于教材怎么说？", titles) is None
    assert named_document_content("规划里提到《职业院校数字校园规范》了吗？", titles) is None


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
    assert unknown_topics("中职能免学费吗？", k.corpus_norm, k.weights) == [("学费", "n")]
    # 前提条件 is the plan's 前提 and 条件 written together; 教职 is no word of the plan, so 教职工 stays unknown.
    assert unknown_topics("有没有前提条件？", k.corpus_norm, k.weights) == []
    assert unknown_topics("教职工有补助吗？", k.corpus_norm, k.weights)[0] == ("教职工", "n")


def test_which_day_asks_a_date():
    assert missing_specifics("职业教育法是哪一天开始施行的？", ["中职教育规模与当地产业发展需要相适应。"]) == "文件没有给出具体时间"
    assert missing_specifics("几号开始报名？", ["2025 年前实现全面达标。"]) is None


def test_where_is_answered_by_a_named_region_but_which_countries_is_not():
    evidence = ["到“一带一路”国家设立“丝路学院”等办学机构"]
    assert missing_names("鲁班工坊打算开到哪些地方？", evidence) is None
    assert missing_names("鲁班工坊具体开在哪几个国家？", evidence) == "文件没有列出具体的名称或名单"
    # A quoted term that names no place is no answer to "which".
    assert missing_names("和德国合作的试点机构分别是哪几家？", ["借鉴德国“双元制”人才培养模式，选择3所机构"]) is not None


def test_the_content_of_a_rule_is_not_the_promise_to_make_one():
    promise = ["健全“双师型”教师认定、聘用和考核机制，发挥行业作用。"]
    reason = "文件只提出要建立或健全相关机制，没有列出具体的条件或标准"
    assert missing_specifics("评上名师具体要满足哪些条件？", promise) == reason
    assert missing_specifics("认定标准具体是什么？", promise) == reason
    # Asking what the plan does about it is answered by the promise itself.
    assert missing_specifics("规划对双师型教师认定有什么举措？", promise) is None
    # A rule whose content is stated answers the question.
    stated = ["面向具有3 年以上企业工作经历并具有高职以上学历的人员公开招聘专业教师。"]
    assert missing_specifics("招聘专业教师具体要满足哪些条件？", stated) is None


def test_english_clauses_ask_and_a_thousands_comma_ends_no_clause():
    q = "How many students were in 职教本科 in 2020, and what is the 2025 target (in 10,000s)?"
    assert asked_clauses(q).startswith("how many students")
    assert "10,000s" in asked_clauses(q)
    assert asked_clauses("我们学校在杭州，规划里有哪些要求？") == "规划里有哪些要求?"


def test_the_names_must_be_of_the_kind_asked_for():
    evidence = ["借鉴德国“双元制”人才培养模式，选择 3 所机构与德国合作，形成中国特色的模式。"]
    # A country is no school's name.
    assert missing_names("这个试点选的是哪几所学校？", evidence) == "文件没有列出具体的名称或名单"
    assert missing_names("和哪些国家合作办学？", ["与德国企业合作办学"]) is None
    # jieba cuts a school's name into its place and its words; it is still a name.
    assert missing_names("试点学校是哪几所？", ["试点学校为宁波职业技术学院和温州职业技术学院。"]) is None
    # Nor is a kind of school a name.
    assert missing_names("有哪些省级高水平学校？", ["重点建设省级高水平高职院校 15 所"]) == "文件没有列出具体的名称或名单"


def test_criteria_of_an_act_need_a_clause_about_that_act_that_states_them():
    recruit = "面向具有3 年以上企业工作经历并具有高职以上学历的人员公开招聘专业教师。"
    promise = "健全“双师型”教师认定、聘用和考核机制，发挥行业作用。"
    # The figure is the recruitment's; about 认定 the plan only promises a mechanism.
    assert missing_specifics("双师型教师认定的具体标准是什么？", [recruit, promise]) == (
        "文件只提出要建立或健全相关机制，没有列出具体的条件或标准"
    )
    assert missing_specifics("公开招聘专业教师的具体条件是什么？", [recruit, promise]) is None
    # The act may stand before 满足 ("认定要满足哪些具体条件"), not before 条件.
    assert missing_specifics("双师型教师认定要满足哪些具体条件？", [recruit, promise]) == (
        "文件只提出要建立或健全相关机制，没有列出具体的条件或标准"
    )


def test_recruitment_conditions_are_answered_on_the_real_plan(assistant):
    a = assistant.ask("职业院校公开招聘专业教师的具体条件是什么？")
    assert a.found and a.citations[0].quote.startswith("面向具有3 年以上企业工作经历")


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


def test_a_clause_of_question_words_alone_asks_about_the_one_before():
    assert asked_clauses("我想投诉我们学校乱收费，怎么办？") == "我想投诉我们学校乱收费,怎么办?"
    assert asked_clauses("孩子想读五年制，可以吗？") == "孩子想读五年制,可以吗?"
    assert asked_clauses("我们学校乱收费，还强制实习，怎么办？") == "我们学校乱收费,还强制实习,怎么办?"
    # A clause that asks something of its own does not bring the scene in.
    assert asked_clauses("我在餐馆打工好几年了，只有初中学历，还有机会读高职吗？") == "还有机会读高职吗?"


def test_a_complaint_about_fees_is_not_covered(assistant):
    a = assistant.ask("想投诉学校乱收费，怎么办？")
    assert not a.found and "乱收费" in a.answer


def test_how_long_or_how_often_needs_a_period_in_the_evidence():
    none = "文件没有给出具体的时间长度或周期"
    assert missing_specifics("中职要读多久？", ["在部分中职学校高水平专业开展人才培养试点。"]) == none
    # A calendar year is a date, and 科学制订 holds no 学制.
    assert missing_specifics("中职要读多久？", ["持续改善中职学校办学条件，2025 年前实现全面达标。"]) == none
    assert missing_specifics("五年制读完要多久？", ["科学制订实施五年一贯人才培养方案。"]) is None  # 五年
    assert missing_specifics("一体化培养要读多久？", ["科学制订实施人才培养方案。"]) == none
    assert missing_specifics("教师多久轮训一次？", ["落实教师5 年一周期的全员轮训制度。"]) is None


def test_the_sentence_that_states_the_period_follows_the_best_one(assistant):
    a = assistant.ask("老师们要定期参加培训吗？多久轮一次？")
    assert a.found and "5 年一周期" not in a.citations[0].quote
    assert "5 年一周期" in a.citations[1].quote


def test_conditions_asked_need_a_clause_that_states_some():
    targets = "重点建设省级高水平高职院校 15 所、高水平专业群 30 个，分层次打造一批办学条件优良的职业院校。"
    assert missing_specifics("申报高水平专业群需要什么条件？", [targets]) == "文件没有列出具体的条件或标准"
    recruit = "面向具有3 年以上企业工作经历并具有高职以上学历的人员公开招聘专业教师。"
    assert missing_specifics("企业人员到职校当专业教师要什么条件？", [recruit]) is None
    # "符合条件的" says there are conditions and states none.
    eligible = "支持符合条件的高职院校试办职业教育本科专业或升格为本科层次职业学校。"
    assert missing_specifics("高职院校升格为职业本科需要什么条件？", [eligible]) == "文件没有列出具体的条件或标准"
    # "X的标准是什么" asks for criteria too.
    promise = "健全“双师型”教师认定、聘用和考核机制。"
    assert missing_specifics("双师型教师的认定标准是什么？", [promise]) == (
        "文件只提出要建立或健全相关机制，没有列出具体的条件或标准"
    )


def test_which_is_better_and_a_not_a_questions(assistant):
    assert hard_out_of_scope("技校和职高哪个好？", "").reason == "文件是全省的发展规划，不对具体学校或专业作排名和推荐"
    assert hard_out_of_scope("浙江有哪个好的经验值得推广？", "").reason is None  # 好 as an adjective
    # 贵不贵 asks: its unknown head (学费) is what the question is about.
    a = assistant.ask("上职校学费贵不贵")
    assert not a.found and "学费" in a.answer


def test_the_count_asked_for_must_be_in_the_leading_clause():
    lead = "深化并扩大本科职业教育试点，支持符合条件的高职院校升格为本科层次职业学校。"
    other = "在省级层面培育 30 所“三全育人”典型学校。"
    assert missing_specifics("要新增多少所职业本科学校？", [lead, other]) == "文件提到了相关内容，但没有给出以“所”计的具体数字"
    assert missing_specifics("要培育多少所三全育人典型学校？", [other, lead]) is None


def test_a_count_in_a_later_clause_about_the_asked_thing_counts():
    first = "深化网络空间应用，打造 50 所云上优质职业院校和 50 个云上优势特色专业。"
    second = "组织全省特级教师、正高级教师、技能大师和行业专家打造 100 门云上“名师金课”。"
    assert missing_specifics("名师金课要打造几门？", [first, second]) is None


def test_a_time_word_before_a_college_names_no_school():
    assert hard_out_of_scope("以后技师学院能不能和高校一起统一招生？", "").reason is None
    assert hard_out_of_scope("宁波甬江职业技术学院学费多少？", "").reason == "文件没有关于“宁波甬江职业技术学院”这所学校的具体信息"


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
    from assistant.answer.scope import _other_choice_known

    norm = "学费是按年收还是按学期收"
    corpus = "每学期开展评估"
    # 学期 (the other side) is known, but 学费 is what is asked about, not a choice.
    assert not _other_choice_known(norm, norm.index("学费"), corpus)
    norm = "指标是约束性的还是预期性的"
    assert _other_choice_known(norm, norm.index("约束性"), "均为预期性指标")


def test_a_rough_figure_the_user_gives_asks_for_no_number():
    assert not asks_specific("我在厂里打工十几年了，能读大专吗？")
    assert asks_specific("要读几年才能毕业？")


def test_a_comparison_word_is_no_topic(assistant):
    k = assistant.knowledge
    assert unknown_topics("高职和中职的领导体制有区别吗？", k.corpus_norm, k.weights) == []
    assert unknown_topics("高职和中职的领导体制有什么差异？", k.corpus_norm, k.weights) == []


def test_a_segmenter_guess_that_cuts_an_everyday_word_is_no_topic(assistant):
    k = assistant.knowledge
    # jieba reads 那大 | 专升本 in "那大专升本"; 大专 is a word of the synonym table.
    assert unknown_topics("那大专升本的比例呢", k.corpus_norm, k.weights) == []


def test_which_body_asks_for_its_name():
    evidence = ["落实好“在确保国有净资产不减少的前提下，经批准后绩效工资总量最高可上浮 50%”的支持政策。"]
    assert missing_names("绩效工资上浮要报哪个部门批准？", evidence) == "文件没有列出具体的名称或名单"
    assert missing_names("这个由哪一级单位负责？", evidence) == "文件没有列出具体的名称或名单"
    assert missing_names("绩效工资上浮要报哪个部门批准？", ["报浙江省教育厅批准后实施。"]) is None


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


def test_which_respects_to_work_on_is_not_a_question_for_places():
    evidence = ["适度增加专升本计划，稳步扩大专业学位研究生培养规模。"]
    assert missing_names("为了把专升本比例做到25%，规划在哪些地方发力？", evidence) is None
    assert missing_names("产教融合实训基地建在哪些地方？", evidence) == "文件没有列出具体的名称或名单"


def test_which_year_asks_a_date():
    evidence = ["完善中职招生工作机制，有序扩大招生统筹范围，逐步建立以设区市为单位的中职学校和普通高中统一招生平台。"]
    assert missing_specifics("中职和普高统一招生平台哪年开始用？", evidence) == "文件没有给出具体时间"


def test_how_many_people_can_is_answered_by_a_share():
    evidence = ["人才培养质量显著提升，高职院校毕业生获得职业技能高等级证书的比例达到 30%。"]
    assert missing_specifics("读大专能拿到高级别的技能证书吗，大概多少人能拿到", evidence) is None
    # A count of people stays a count.
    assert missing_specifics("高职院校毕业生有多少人？", evidence) == "文件提到了相关内容，但没有给出以“人”计的具体数字"


def test_a_few_things_the_user_did_ask_no_figure():
    evidence = ["推进职业教育国家“学分银行”建设，探索建立职业教育个人学习账号，实现学习成果可追溯、可查询、可转换。"]
    assert missing_specifics("我考过几个技能证，也在网上学过课，以后再读书这些能不能折算学分", evidence) is None


def test_a_colon_ends_the_clause_that_introduces_the_question():
    assert asked_clauses("领导讲话要用基础数据：2020年职业院校输送毕业生多少、培训多少人次") == "2020年职业院校输送毕业生多少、培训多少人次"


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


def test_what_is_asked_for_by_a_verb_after_a_question_word():
    from assistant.answer.scope import tag_asked

    assert ("处罚", "vn") in tag_asked("对企业有什么处罚？")
    # A verb that qualifies the noun after it stays a verb: 指标 is what is asked for.
    assert ("量化", "vn") not in tag_asked("有什么量化指标？")
    assert "处罚" in asked_heads("《职业教育法》对不参与校企合作的企业有什么处罚？")


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


def test_a_word_after_a_predicate_adverb_is_said_of_the_topic_not_the_topic(assistant):
    # "还算数吗": 算数 says whether the credits count; 学分银行 is the topic.
    assert "算数" not in asked_heads("以后换学校还算数吗？")
    assert asked_heads("中职学生还有补贴吗？") == {"补贴"}
    a = assistant.ask("孩子在职校修的课拿的证，以后换学校还算数吗？听说有个学分银行")
    assert a.found and "学分银行" in a.citations[0].quote


def test_which_school_asks_for_a_name_the_plan_does_not_give(assistant):
    evidence = ["培育建设 100 所省级职教信息化标杆学校，提升校园环境与应用服务的智能化水平。"]
    assert missing_names("听说有个职校出了事，是哪个学校？", evidence) == "文件没有列出具体的名称或名单"
    assert missing_names("有两所高职要合并，是哪两所？", evidence) == "文件没有列出具体的名称或名单"
    a = assistant.ask("听说最近有个职校出了食品安全的事，是哪个学校？")
    assert not a.found and a.citations == ()


def test_a_condition_answers_criteria_only_for_what_the_question_is_about(assistant):
    from assistant.answer.scope import condition_for

    hiring = "面向具有3 年以上企业工作经历并具有高职以上学历的人员公开招聘专业教师。"
    lead = "健全“双师型”教师认定、聘用和考核机制，发挥行业作用，校企共建“双师型”教师培养培训基地和教师企业实践基地。"
    assert condition_for("企业工程师想来职校当专业老师，需要什么条件？", hiring, "建立健全职业院校自主聘任兼职教师的办法。")
    # 双师型 and 认定 are in the best sentence, not in the hiring condition: another act's condition.
    assert not condition_for("双师型教师认定要满足什么条件？", hiring, lead)
    a = assistant.ask("有企业工程师想来职校当专业老师，需要什么条件？")
    assert a.found and any("3 年以上企业工作经历" in c.quote for c in a.citations[:2])
    assert not assistant.ask("双师型教师认定具体标准是啥，要几个证书才算？").found


def test_how_far_the_plan_has_got_is_not_in_it():
    reason = "规划只提出到2025年的目标和任务，文件中没有实施进展、完成情况或评估结果"
    assert hard_out_of_scope("规划实施到现在，中期评估结果咋样，哪些指标已经完成了？", "").reason == reason
    assert hard_out_of_scope("产教融合的实施效果怎么样？", "").reason == reason
    # A user's own figure and the distance to the target are answered; so is how evaluation is arranged.
    assert hard_out_of_scope("我们已经达到85%了，离目标还差多少？", "").reason is None
    assert hard_out_of_scope("规划怎么开展年度监测和评估工作？", "").reason is None


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


def test_a_doubled_verb_is_its_base_verb_and_what_one_studies_is_a_field(assistant):
    from assistant.answer.scope import _base_verb, tag_asked

    assert (_base_verb("做做"), _base_verb("了解了解"), _base_verb("体验")) == ("做", "了解", "体验")
    k = assistant.knowledge
    # 烘焙 is tagged a verb; after 学 or before 专业 it names a field the documents never mention.
    assert ("烘焙", "vn") in tag_asked("职高有烘焙专业吗？")
    assert unknown_topics("能去职校学学烘焙吗？", k.corpus_norm, k.weights) == [("烘焙", "vn")]
    assert not assistant.ask("能去职校学烘焙吗？").found
    assert not assistant.ask("听说职高有烘焙专业，是真的吗？").found
    # The segmenter's first word is not after a study verb ("听说……").
    assert assistant.ask("听说有那种五年制的，初中毕业直接读五年，浙江有吗？").found


def test_a_clause_that_asks_a_value_beside_a_named_indicator_asks_that_rows_value(assistant):
    from assistant.answer.scope import frames_value

    assert frames_value("职业院校开展技能培训人数到2025年是多少？基线是多少？", "基线")
    assert not frames_value("中职学校的宿舍床位有多少？", "宿舍")
    a = assistant.ask("职业院校开展技能培训人数，十四五末要到多少？基线是多少？")
    assert a.found and a.answer.startswith("职业院校开展技能培训人数：2020年为120万人，2025年目标为150万人，需增加30万人[1]")
    assert not assistant.ask("中职学校的宿舍床位有多少？").found


def test_an_asked_clause_that_points_at_the_scene_asks_about_it(assistant):
    assert asked_clauses("我外甥高中毕业没读书也没工作，这种情况职业学校能帮上忙吗？") == "我外甥高中毕业没读书也没工作,这种情况职业学校能帮上忙吗?"
    # Without a pointer the scene is only setting.
    assert asked_clauses("我外甥高中毕业没读书，职业学校能帮上忙吗？") == "职业学校能帮上忙吗?"
    k = assistant.knowledge
    assert unknown_topics("我外甥高中毕业没读书，这种情况职业学校能帮上忙吗？", k.corpus_norm, k.weights) == []
    a = assistant.ask("我外甥高中毕业没读书也没工作，这种情况职业学校能帮上忙吗？")
    assert a.found and "两后生" in a.citations[0].quote


def test_whom_to_turn_to_with_ones_own_matter_is_not_in_a_plan():
    reason = "文件是发展规划，不提供具体事务的联系人、受理部门或联系方式"
    assert hard_out_of_scope("学校实习安排不合理，我应该向谁反映？", "").reason == reason
    assert hard_out_of_scope("职业技能培训的咨询电话是多少", "").reason == reason
    # Who leads the work is a question about the plan's safeguards, not a contact.
    assert hard_out_of_scope("职业教育工作由哪些部门统筹？", "").reason is None


def test_which_of_a_stated_count_asks_for_the_items_by_name(assistant):
    assert missing_names("那20个产业学院是哪20个", ["政校企共建 20 个产业学院。"]) == "文件没有列出具体的名称或名单"
    a = assistant.ask("专栏里说的那20个产业学院是哪20个？")
    assert not a.found and a.citations == ()
    # The plan's own list answers "哪四条".
    a = assistant.ask("基本原则是哪四条？")
    assert a.found and a.answer.startswith("立德树人，德技并修。[1]")


def test_the_items_of_a_count_are_asked_for_not_the_count(assistant):
    evidence = ["深入开展“大国工匠进校园”“劳模进校园”“优秀职校生校园分享”等活动。"]
    assert missing_specifics("规划里提到的几个进校园活动都是什么？", evidence) is None
    assert missing_specifics("进校园活动一共搞几个？", evidence) == "文件提到了相关内容，但没有给出以“个”计的具体数字"
    a = assistant.ask("规划里提到的几个进校园活动都是什么？")
    assert a.found and "大国工匠进校园" in a.citations[0].quote


def test_a_raise_in_pay_is_not_answered_by_a_share_of_teachers(assistant):
    a = assistant.ask("当上双师型教师以后工资能涨多少？")
    assert all(c.kind != "indicator" for c in a.citations)


def test_a_word_asking_for_a_figure_is_no_unknown_topic(assistant):
    from assistant.answer.scope import unknown_topics

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
    from assistant.answer.scope import unknown_topics

    k = assistant.knowledge
    # jieba cuts "这条路通不通" as 路通 | 不通: 通 is the verb asked about, 路 alone names nothing.
    assert unknown_topics("中职和普高之间转学，这条路通不通？", k.corpus_norm, k.weights) == []
    a = assistant.ask("中职和普高之间转学，这条路通不通？")
    assert a.found and any("普职融通" in c.quote for c in a.citations)


def test_the_word_after_a_modal_is_an_act(assistant):
    from assistant.answer.scope import unknown_topics

    k = assistant.knowledge
    # 算数 (tagged n) after 不能 is what one may do with the credits, not a topic of its own.
    assert unknown_topics("以前考的证书以后能不能算数？", k.corpus_norm, k.weights) == []
    # A noun after a modal's verb still counts.
    assert unknown_topics("中职能不能免学费？", k.corpus_norm, k.weights) == [("学费", "n")]


def test_a_word_asking_for_a_date_is_no_unknown_topic(assistant):
    a = assistant.ask("中职学校办学条件全面达标，有没有一个时间节点？")
    assert a.found
    assert "2025 年前实现全面达标" in a.citations[0].quote


def test_a_place_the_plan_names_by_its_one_character_name_is_covered(assistant):
    from assistant.answer.scope import place_mentioned

    k = assistant.knowledge
    # The plan names 香港 only in 浙港职业教育联盟.
    assert place_mentioned("香港", k.corpus_norm) and not place_mentioned("澳门", k.corpus_norm)
    a = assistant.ask("和香港那边有什么职业教育合作？")
    assert a.found and "建立浙港职业教育联盟" in a.citations[0].quote
    assert not assistant.ask("澳门的职业教育有什么合作？").found


def test_asking_for_names_stays_inside_one_clause(assistant):
    from assistant.answer.scope import missing_names

    # "哪些措施？教师企业实践基地…": 企业 belongs to the next question, which asks a count.
    question = "规划对“双师型”教师队伍有哪些措施？教师企业实践基地建多少个？"
    assert missing_names(question, ["健全“双师型”教师认定、聘用和考核机制。"]) is None
    a = assistant.ask(question)
    assert a.found and "100 个省级职业院校教师企业实践基地" in a.answer
    # Within one clause the names are still asked for.
    assert missing_names("有哪些合作企业？", ["校企共建“双师型”教师培养培训基地。"]) == "文件没有列出具体的名称或名单"


def test_a_figure_answers_only_in_a_clause_about_what_is_asked():
    # The lead is about 双师型认定; the 3 年 figure is the condition of 招聘, which holds neither word.
    lead = "健全“双师型”教师认定、聘用和考核机制，发挥行业作用，校企共建“双师型”教师培养培训基地和教师企业实践基地。"
    hiring = "面向具有3 年以上企业工作经历并具有高职以上学历的人员公开招聘专业教师。"
    assert missing_specifics("双师型教师认定需要有几年企业工作经历？", [lead, hiring]) == "文件提到了相关内容，但没有给出具体数字"
    # Words, not substrings: 扩大专业 holds no 大专, so the 25% clause still answers.
    pilot = "适度增加专升本计划，稳步扩大专业学位研究生培养规模。"
    goal = "高职（高专）毕业生专升本比例达到 25%。"
    assert missing_specifics("读大专以后能专升本吗？大概多少人能升上去？", [pilot, goal]) is None


def test_the_users_own_figure_is_no_answer_to_their_question():
    total = "全省年培训人数达到 150 万人次。"
    assert missing_specifics("规划说年培训150万人次，其中农民工要培训多少人次？", [total]) == (
        "文件提到了相关内容，但没有给出以“人次”计的具体数字"
    )
    assert missing_specifics("全省年培训人数要达到多少万人次？", [total]) is None


def test_how_many_schools_there_are_is_not_answered_by_a_target(assistant):
    a = assistant.ask("规划里全省中职学校一共有多少所？")
    assert not a.found and a.citations == ()


def test_the_country_is_named_in_more_ways_than_one():
    from assistant.answer.scope import area_other_than_province

    assert area_other_than_province("国家层面给高职双师型教师比例定的目标是多少？") == "国家层面"
    assert area_other_than_province("教育部要求的双师型比例是多少？") == "教育部"
    assert area_other_than_province("到2025年高职双师型教师比例要达到多少？") is None


def test_which_counties_asks_for_their_names():
    region = "支持山区 26 县做强职业教育中心，服务区域转型升级和乡村振兴。"
    assert missing_specifics("山区26县具体指哪些县？", [region]) == "文件没有列出具体的名称或名单"


def test_the_country_as_a_comparison_is_answered_from_the_text(assistant):
    a = assistant.ask("浙江的职高、大专这些职业教育，现在在全国算是什么水平啊？")
    assert a.found and any("走在全国前列" in c.quote for c in a.citations)
    b = assistant.ask("全国高职在校生2025年要达到多少万人？")
    assert not b.found and "全国" in b.answer


def test_which_days_asks_for_a_date():
    week = "办好职业技能大赛、职业教育活动周，深入开展“大国工匠进校园”等活动。"
    assert missing_specifics("今年的职业教育活动周是哪几天？", [week]) == "文件没有给出具体时间"


def test_the_papers_to_hand_in_are_a_procedure():
    assert hard_out_of_scope("认定“双师型”教师要交哪些材料？", "").reason is not None
    assert hard_out_of_scope("认定“双师型”教师有哪些要求？", "").reason is None


def test_a_few_of_something_is_no_count_asked():
    assert not asks_specific("有没有几个关键词？")
    assert asks_specific("有几个关键词？")


def test_one_character_before_a_word_of_the_documents_is_the_users_way_of_saying_it(assistant):
    k = assistant.knowledge
    assert unknown_topics("这些数字指标是必须完成的硬指标吗？", k.corpus_norm, k.weights) == []
    assert [w for w, _ in unknown_topics("中职学校的分数线是多少？", k.corpus_norm, k.weights)] == ["分数线"]


def test_a_share_asked_for_needs_a_percentage():
    lead = "深入推进分类招生改革，健全“文化素质+职业技能”的职业教育考试招生办法。"
    assert missing_specifics("招生考试的录取率大概多少？", [lead]) == "文件提到了相关内容，但没有给出具体比例"
    goal = "深度参与职业教育人才培养的大中型企业比例达到 70%。"
    assert missing_specifics("大中型企业参与的比例要到多少？", [goal]) is None


def test_a_figure_narrowed_to_a_kind_of_school_or_part_of_the_province_is_not_the_tables(assistant):
    a = assistant.ask("民办高职的双师型教师比例要达到多少？")
    assert not a.found and "民办" in a.answer
    b = assistant.ask("山区26县中职学生升学比例目标是多少")
    assert not b.found and "山区" in b.answer
    # Setting the scene narrows nothing: the province's row answers.
    c = assistant.ask("我是山区县一所中职的校长，中职双师型比例目标多少？")
    assert c.found and c.citations[0].kind == "indicator"


def test_the_asker_introducing_themselves_sets_the_scene_only(assistant):
    from assistant.answer.scope import asked_clauses

    question = "我们是一家制造业企业，听说规划对大中型企业参与职业教育有比例要求，具体是多少？"
    assert "制造业" not in asked_clauses(question)
    assert "大中型企业" in asked_clauses(question)
    a = assistant.ask(question)
    assert a.found and a.citations[0].display.startswith("大中型企业深度参与职业教育办学覆盖率")


def test_which_three_schools_by_figure_asks_for_schools_not_places():
    pilot = "借鉴德国“双元制”人才培养模式，选择 3 所机构、1 个项目与德国合作基础好的应用型本科院校和高职院校。"
    other = "努力形成具有中国特色、可推广、可复制的“双元制”人才培养模式。"
    assert missing_specifics("德国双元制试点是哪3所学校？", [pilot, other]) == "文件没有列出具体的名称或名单"


def test_a_word_asking_what_things_are_called_is_no_topic(assistant):
    k = assistant.knowledge
    assert unknown_topics("数字化那部分提到了哪些平台名字？", k.corpus_norm, k.weights) == []
    a = assistant.ask("数字化那部分提到了哪些平台名字？")
    assert a.found and any("学在浙江" in c.quote for c in a.citations)


def test_a_threshold_in_everyday_words_is_the_plans_conditions(assistant):
    a = assistant.ask("我在企业做了五年技术员，大专毕业，想去职校当专业老师，规划里有门槛吗？")
    assert a.found
    assert "面向具有3 年以上企业工作经历并具有高职以上学历的人员公开招聘专业教师" in a.citations[0].quote
