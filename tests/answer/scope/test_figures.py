"""Questions for a count, share, sum, date or period need one in the evidence."""

from __future__ import annotations

from assistant.answer.scope.specifics import missing_specifics


def test_an_amount_of_money_needs_a_sum_or_a_relative_figure():
    assert missing_specifics("省里投入了多少资金？", ["实施一批重点项目。"]) == "文件提到了相关内容，但没有给出具体金额"
    # An unrelated percentage is no amount of money; a share of a money figure is.
    assert missing_specifics("平均起薪是多少？", ["证书的比例达到 30%。"]) == "文件提到了相关内容，但没有给出具体金额"
    assert missing_specifics("奖金最多能多发多少？", ["绩效工资总量最高可上浮 50%"]) is None
    assert missing_specifics("生均经费要达到多少？", ["生均公用经费标准逐步达到普通高中的 2 倍以上"]) is None
    # A level asked for is not a change: "上浮 50%" says how much more, not what the pay is.
    assert missing_specifics("教师的平均工资要达到多少？", ["经批准后绩效工资总量最高可上浮 50%"]) == "文件提到了相关内容，但没有给出具体金额"


def test_counters_of_institutions_stand_for_one_another():
    assert missing_specifics("试点选了几家机构？", ["选择 3 所机构、1 个项目"]) is None
    assert missing_specifics("要建几家产业学院？", ["共建产业学院"]) == "文件提到了相关内容，但没有给出以“家”计的具体数字"
    # "哪几项" asks for items, which need not be names.
    assert missing_specifics("包括哪几项建设任务？", ["政校企共建 20 个产业学院"]) is None


def test_money_asked_with_a_word_in_between():
    assert missing_specifics("每个基地能拿到多少建设补助？", ["加强职业体验中心建设"]) == "文件提到了相关内容，但没有给出具体金额"


def test_which_day_asks_a_date():
    assert missing_specifics("职业教育法是哪一天开始施行的？", ["中职教育规模与当地产业发展需要相适应。"]) == "文件没有给出具体时间"
    assert missing_specifics("几号开始报名？", ["2025 年前实现全面达标。"]) is None


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


def test_a_tax_cut_needs_a_sum_or_a_share_stated_with_the_tax():
    evidence = ["落实产教融合校企合作的金融、财政、税收等各项激励政策。", "大中型企业比例达到 70%。"]
    assert missing_specifics("企业能减免多少税？", evidence) == "文件提到了相关内容，但没有给出具体金额"
    assert missing_specifics("税收减免比例是多少？", evidence) == "文件提到了相关内容，但没有给出具体金额"


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


def test_the_count_asked_for_must_be_in_the_leading_clause():
    lead = "深化并扩大本科职业教育试点，支持符合条件的高职院校升格为本科层次职业学校。"
    other = "在省级层面培育 30 所“三全育人”典型学校。"
    assert missing_specifics("要新增多少所职业本科学校？", [lead, other]) == "文件提到了相关内容，但没有给出以“所”计的具体数字"
    assert missing_specifics("要培育多少所三全育人典型学校？", [other, lead]) is None


def test_a_count_in_a_later_clause_about_the_asked_thing_counts():
    first = "深化网络空间应用，打造 50 所云上优质职业院校和 50 个云上优势特色专业。"
    second = "组织全省特级教师、正高级教师、技能大师和行业专家打造 100 门云上“名师金课”。"
    assert missing_specifics("名师金课要打造几门？", [first, second]) is None


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


def test_a_raise_in_pay_is_not_answered_by_a_share_of_teachers(assistant):
    a = assistant.ask("当上双师型教师以后工资能涨多少？")
    assert all(c.kind != "indicator" for c in a.citations)


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


def test_which_days_asks_for_a_date():
    week = "办好职业技能大赛、职业教育活动周，深入开展“大国工匠进校园”等活动。"
    assert missing_specifics("今年的职业教育活动周是哪几天？", [week]) == "文件没有给出具体时间"


def test_a_share_asked_for_needs_a_percentage():
    lead = "深入推进分类招生改革，健全“文化素质+职业技能”的职业教育考试招生办法。"
    assert missing_specifics("招生考试的录取率大概多少？", [lead]) == "文件提到了相关内容，但没有给出具体比例"
    goal = "深度参与职业教育人才培养的大中型企业比例达到 70%。"
    assert missing_specifics("大中型企业参与的比例要到多少？", [goal]) is None


def test_a_figure_in_the_sentence_the_lead_quote_joins_counts_only_on_the_leads_topic():
    # One quote may hold the lead and the sentence after it; 5 年一周期 is the 轮训's, not 认定's.
    run = "健全“双师型”教师认定、聘用和考核机制，发挥行业作用。加强教师企业实践考核评价，落实教师5 年一周期的全员轮训制度。"
    assert missing_specifics("双师型教师认定需要有几年企业工作经历？", [run]) == "文件提到了相关内容，但没有给出具体数字"
    # The sentence after the lead shares its topic (一体化课程): its count answers.
    column = "研制一体化人才培养方案，建设一批一体化专业课程。重点推进 24 个专业一体化课程建设，推动教学改革。"
    assert missing_specifics("中高职一体化行动计划重点推进多少个专业的一体化课程建设？", [column]) is None
