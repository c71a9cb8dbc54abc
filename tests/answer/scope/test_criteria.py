"""Questions for conditions or standards need a clause that states them, not one that promises them."""

from __future__ import annotations

from assistant.answer.scope.specifics import missing_specifics


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


def test_a_condition_answers_criteria_only_for_what_the_question_is_about(assistant):
    from assistant.answer.scope.criteria import condition_for

    hiring = "面向具有3 年以上企业工作经历并具有高职以上学历的人员公开招聘专业教师。"
    lead = "健全“双师型”教师认定、聘用和考核机制，发挥行业作用，校企共建“双师型”教师培养培训基地和教师企业实践基地。"
    assert condition_for("企业工程师想来职校当专业老师，需要什么条件？", hiring, "建立健全职业院校自主聘任兼职教师的办法。")
    # 双师型 and 认定 are in the best sentence, not in the hiring condition: another act's condition.
    assert not condition_for("双师型教师认定要满足什么条件？", hiring, lead)
    a = assistant.ask("有企业工程师想来职校当专业老师，需要什么条件？")
    assert a.found and any("3 年以上企业工作经历" in c.quote for c in a.citations[:2])
    assert not assistant.ask("双师型教师认定具体标准是啥，要几个证书才算？").found


def test_a_threshold_in_everyday_words_is_the_plans_conditions(assistant):
    a = assistant.ask("我在企业做了五年技术员，大专毕业，想去职校当专业老师，规划里有门槛吗？")
    assert a.found
    assert "面向具有3 年以上企业工作经历并具有高职以上学历的人员公开招聘专业教师" in a.citations[0].quote


def test_the_act_asked_about_is_the_one_on_what_the_question_names():
    # 学习成果的认定 is another object's 认定: it does not state the 双师型教师认定's conditions.
    promise = "健全“双师型”教师认定、聘用和考核机制，发挥行业作用。"
    credits = "有序开展学历证书和职业技能等级证书所体现的学习成果的认定、积累和转换。"
    from assistant.answer.scope.criteria import _act_only_promised

    question = "“双师型”教师认定要满足哪些具体条件，比如要什么证书？"
    assert _act_only_promised(question, [promise, credits])
    assert missing_specifics(question, [promise, credits]) == "文件只提出要建立或健全相关机制，没有列出具体的条件或标准"
    # A clause stating that act's content on what is named is an answer.
    assert not _act_only_promised("学习成果认定的具体标准是什么？", [credits])
