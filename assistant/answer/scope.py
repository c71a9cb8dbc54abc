"""Does the corpus cover the question? Refuse plainly when it does not.

Three general checks: a year outside the plan period, a named place or
institution that never occurs in the documents, and weak evidence (the best
sentence holds too little of the question's weight, counting terms the
documents never use).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from ..normalize import normalize
from .evidence import COVERS_VERBS
from .indicators import QUANTITY_CUES

PLAN_YEARS = range(2020, 2026)
# A figure "reached" in a given year: the plan has baselines and targets, not yearly results.
_ASKS_ACTUAL = re.compile(r"实际|达到了|完成了|已经|现在|目前|统计|多少|几")
_YEAR_RANGE = re.compile(r"20\d\d\s*年?\s*[—–\-~至到]+\s*20\d\d")
_YEAR_RE = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")
# Provinces, municipalities and regions of China: a place the documents never
# mention means the question is about somewhere else.
_PLACES = (
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 "
    "四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门 深圳 广州 南京 苏州 武汉 成都 西安"
).split()
# The one-character names that joint names use ("浙港职业教育联盟", "沪苏浙皖"): a place so named is in the documents.
_PLACE_ABBREVIATIONS = {
    "北京": "京", "天津": "津", "上海": "沪", "重庆": "渝", "河北": "冀", "山西": "晋", "辽宁": "辽", "吉林": "吉",
    "黑龙江": "黑", "江苏": "苏", "安徽": "皖", "福建": "闽", "江西": "赣", "山东": "鲁", "河南": "豫", "湖北": "鄂",
    "湖南": "湘", "广东": "粤", "海南": "琼", "四川": "川", "贵州": "黔", "云南": "滇", "陕西": "陕", "甘肃": "甘",
    "青海": "青", "台湾": "台", "广西": "桂", "西藏": "藏", "宁夏": "宁", "新疆": "新", "香港": "港", "澳门": "澳",
}
_ZHEJIANG_CITIES = "杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水 义乌".split()
_INSTITUTION_RE = re.compile(r"([\u4e00-\u9fff]{2,10}?)(职业技术学院|职业学院|技师学院|职业技术大学|职业大学|大学|学院|中学|职业学校|职业高中|技工学校|中专)")
# Characters that make a "name" before 学院/大学 a description rather than a name.
_NOT_NAME_CHARS = set("哪些的什么个所这那能可我你他她读上考进去在是有和与及或各每该本其好几类种样里高中职专本省市县区")
# Words that describe a kind of school ("公办职业学校"), not name one.
_KIND_OF_SCHOOL = ("公办", "民办", "私立", "公立", "普通", "重点", "示范", "优质", "一般", "当地", "本地", "附近", "乡镇", "农村", "城里")


@dataclass(frozen=True)
class ScopeCheck:
    reason: str | None  # set when the question is clearly outside the documents


# "Which school is best", "recommend a major", "A or B, which is better": the plan ranks and recommends nothing.
_ASKS_RANKING = re.compile(
    r"哪[所家个些][^，。？?,]{0,8}(?:最好|最强|更好|好一些|排名|靠前)|哪[所家个种类](?:更|比较)?好(?![的处像])"
    r"|(?:学校|院校|专业|职高|中专|大专|技校)[^，。？?,]{0,4}(?:排名|排行)|(?:排名|排行)[^，。？?,]{0,4}(?:学校|院校|专业)"
    r"|推荐[^，。？?,]{0,6}(?:学校|院校|专业|职高|中专|大专|技校)"
    r"|推荐一下|帮[我忙]推荐|还是[^，。？?,]{1,8}(?:好|更好|合适|更合适)[吗呢]?(?:[，。？?,]|$)"
)


# "How / where do I apply": procedures a development plan does not describe (when it never names the act).
_ASKS_PROCEDURE = re.compile(
    r"(?:怎么|怎样|如何|在哪|去哪|哪里|到哪|需要哪些|要哪些|准备|(?:交|提交|提供|带|出具)(?:哪些|什么|啥))[^，。？?,]{0,6}?"
    r"(?P<act>报名|申请|办理|开户|开通|激活|下载|预约|缴费|注册|登录|查询|换算|填报|材料|手续)"
)


# "分管职业教育的副厅长是谁": people by name; a development plan names none.
_ROLE = r"(?:厅长|局长|校长|院长|主任|书记|部长|市长|省长|县长|负责人|领导|专家|教授)"
_ASKS_PERSON = re.compile(
    _ROLE + r"[^，。？?,]{0,4}(?:是谁|叫什么|姓什么|名字|是哪位)|(?:谁是|哪位是?)[^，。？?,]{0,10}" + _ROLE
)


# "我该找谁", "投诉电话是多少": whom to turn to with one's own matter; a development plan names no contact.
_ASKS_CONTACT = re.compile(
    r"找谁|问谁|联系谁|向谁(?:反映|投诉|求助|举报)|找哪个部门|找哪里|打什么电话|联系方式|(?:投诉|举报|咨询|联系)电话"
)


# "《职业院校数字校园规范》里具体有哪些要求": the content of another document the plan only names.
_INSIDE_NAMED_DOC = re.compile(r"《(?P<name>[^》]{2,40})》\s*(?:里|中|里面|当中|的内容|的要求|的规定|具体|规定|要求|讲了|说了|写了|有哪些|包括)")


def named_document_content(question: str, titles: Sequence[str]) -> str | None:
    """Why a question about what another document (named in 《》) says cannot be answered, or None.

    The documents cite other documents by name; their content is not in the store.
    A name that is (part of) one of the store's own titles is not another document.
    """
    norm = normalize(question)
    own = [normalize(t).replace(" ", "") for t in titles]
    for m in _INSIDE_NAMED_DOC.finditer(norm):
        name = m.group("name").replace(" ", "")
        if not any(name in t or t in name for t in own) and "规划" not in name:
            return f"文件只提到了《{m.group('name')}》的名称，没有收录它的具体内容"
    return None


# The country as a whole, however it is called ("国家层面定的目标", "教育部要求").
_NATIONAL = re.compile(r"全国|国家层面|国家(?:定|规定|要求)的?|教育部")


# A kind of school or a part of the province ("民办高职", "山区26县的中职"): the table's figures are the
# whole province's, split by level only.
# A city or county left unnamed ("分到我们市是多少", "本县") is such a part too.
_PART_OF_THE_WHOLE = re.compile(
    r"民办|公办|私立|公立|山区|海岛|农村|乡村|乡镇|城区|县域|县级|\d+\s*县|(?:我们|咱们|我|本|各|每个)(?:地市|市|县|区)(?![场民级])"
)


def part_of_the_whole(question: str, row_names: Sequence[str]) -> str | None:
    """A kind of school or part of the province the question narrows a figure to, which no row is named for."""
    for m in _PART_OF_THE_WHOLE.finditer(normalize(question)):
        if not any(m.group(0) in normalize(name) for name in row_names):
            return m.group(0)
    return None


def area_other_than_province(question: str) -> str | None:
    """An area other than the whole province that the question names (全国, 在杭州, 宁波市),
    for figures that the indicator table gives for the province only."""
    from ..retrieval.lexical import tag

    national = _NATIONAL.search(normalize(question))
    if national:
        return national.group(0)
    tagged = tag(question)
    named = {*_PLACES, *_ZHEJIANG_CITIES}
    for word, flag in tagged:
        # Whole words only: 浙江西部 holds no 江西.
        if word in named or word.rstrip("市省") in named:
            return word
        # jieba tags many words as places (深度, 中考); a county or city is named with its suffix.
        if flag == "ns" and len(word) >= 3 and word.endswith(("市", "县", "区")) and not word.startswith("浙江"):
            return word
    return None


def _looks_like_name(prefix: str) -> bool:
    """"宁波甬江" can name a school; "听说" (a verb) cannot."""
    from ..retrieval.lexical import tag

    from ..retrieval.lexical import is_stopword

    # Time and place words ("以后技师学院", "现在职业技术学院") name no school either.
    return not is_stopword(prefix) and all(
        not flag.startswith(("v", "d", "p", "c", "u", "r", "m", "q", "y", "e", "f", "t")) for _, flag in tag(prefix)
    )


_ASKS_PROGRESS = re.compile(
    r"(?:已经|已)(?:完成|实现|达成|达标)|完成(?:情况|得怎么样|得如何|了多少|了没|了吗)|"
    r"(?:评估|考核|监测|督导)(?:的)?(?:结果|结论)|(?:实施|落实|执行)(?:的)?(?:效果|成效)|进展(?:如何|怎么样|咋样|到哪)"
)


def place_mentioned(place: str, corpus_norm: str) -> bool:
    """The documents name ``place``, in full or by its one-character name beside 浙's (浙港, 沪苏浙皖)."""
    short = _PLACE_ABBREVIATIONS.get(place)
    return place in corpus_norm or bool(short and re.search(f"浙{short}|{short}浙", corpus_norm))


def hard_out_of_scope(question: str, corpus_norm: str) -> ScopeCheck:
    norm = normalize(question)
    years = [int(y) for y in _YEAR_RE.findall(norm)]
    outside = [y for y in years if y not in PLAN_YEARS]
    if outside:
        return ScopeCheck(f"规划期为2021—2025年，文件没有{outside[0]}年的目标或数据")
    if _ASKS_RANKING.search(norm):
        return ScopeCheck("文件是全省的发展规划，不对具体学校或专业作排名和推荐")
    if _ASKS_PERSON.search(norm):
        return ScopeCheck("文件是发展规划，不涉及具体人员的姓名和任职")
    if _ASKS_CONTACT.search(norm):
        return ScopeCheck("文件是发展规划，不提供具体事务的联系人、受理部门或联系方式")
    for m in _ASKS_PROCEDURE.finditer(norm):
        if m.group("act") not in corpus_norm:
            return ScopeCheck(f"文件是发展规划，不涉及“{m.group('act')}”等具体办理事项")
    # Years of a range ("2021—2025年") name the period, not a year asked about.
    single = [int(y) for y in _YEAR_RE.findall(_YEAR_RANGE.sub(" ", norm))]
    between = [y for y in single if PLAN_YEARS[0] < y < PLAN_YEARS[-1] and f"{y}年" not in corpus_norm.replace(" ", "")]
    if between and asks_specific(question) and _ASKS_ACTUAL.search(norm):
        return ScopeCheck(
            f"规划只给出{PLAN_YEARS[0]}年基数和{PLAN_YEARS[-1]}年目标，没有{between[0]}年的实际数据"
        )
    # "中期评估结果咋样，哪些指标已经完成了": the plan sets targets; how far they are met is not in it.
    # A user's own figure ("我们已经达到85%，还差多少") asks the distance to the target, which it has.
    if _ASKS_PROGRESS.search(norm) and not _NUMBER.search(norm) and not re.search(r"差|距离|离目标", norm):
        return ScopeCheck("规划只提出到2025年的目标和任务，文件中没有实施进展、完成情况或评估结果")
    for period in re.findall(r"十[一二三四五六七八九]五", norm):
        if period not in corpus_norm:
            return ScopeCheck(f"文件是“十四五”（2021—2025年）规划，没有“{period}”时期的内容")
    for place in _PLACES:
        # "上海的兄弟单位问浙江…": the place is who asks, and 浙江 is what is asked about.
        asker = re.search(re.escape(place) + r"[^，。？?]{0,8}(?:问|咨询|来电|来函|来信|打听)[^，。？?]{0,4}浙江", norm)
        if place in norm and not place_mentioned(place, corpus_norm) and not asker:
            return ScopeCheck(f"文件是浙江省的规划，没有关于{place}的内容")
    for m in _INSTITUTION_RE.finditer(norm):
        prefix = m.group(1)
        if any(ch in _NOT_NAME_CHARS for ch in prefix) or prefix.endswith(_KIND_OF_SCHOOL) or not _looks_like_name(prefix):
            continue
        name = m.group(0)
        if name not in corpus_norm:
            return ScopeCheck(f"文件没有关于“{name}”这所学校的具体信息")
    return ScopeCheck(None)


# Nouns about the document or the asking, not a topic ("原文怎么写的", "是啥意思", "怎么个考法").
_ABOUT_THE_TEXT = frozenset(
    "原文 原话 原句 全文 意思 啥意思 含义 定义 解释 表述 说法 提法 写法 读法 考法 做法 办法 方法 "
    "细节 详情 具体内容 内容 要点 关键词 关键字 主题词 核心词 规定 要求 情况 问题 短板 不足 方面 部分 地方 依据 出处 章节 段落 条款 条文 对应 相应 "
    "态度 立场 看法 观点 定位 分量 地位 位置 安排 打算 预计 预估 估计 抓手 具体做法 "
    # How far a figure is from its target ("距离目标还差多少"): the gap is asked, not a topic.
    "距离 "
    # Everyday words for a way to do something, like 办法 and 途径 ("有没有门路", "有啥路子").
    "门路 法子 路子 路数 "
    # The asker's own people ("我侄子初中毕业……"): who is asking for whom, not a topic.
    "儿子 女儿 闺女 孩子 小孩 侄子 侄女 外甥 外甥女 孙子 孙女 弟弟 妹妹 哥哥 姐姐 表弟 表妹 堂弟 堂妹 "
    "老公 老婆 丈夫 妻子 爸爸 妈妈 父母 亲戚 邻居 朋友 同事 "
    # Words that compare what is asked about ("高职和中职有区别吗"), not a topic of their own.
    "区别 差别 差异 异同 不同 不同点".split()
)
# Nouns this common in general Chinese (机会, 孩子, 问题…) carry no topic of their own.
_GENERIC_NOUN_FREQ = 8000
_NOUN_TAGS = ("n", "nr", "ns", "nt", "nz", "nrt", "vn", "j")


# What kind of thing a question asks for; the evidence must be able to hold it.
# "几条/几个" asks for a number, "哪几条" for a list and "这几年" for none: the lookbehind keeps them apart.
# "十几年", "好几年", "考过几个证": a rough figure the user gives, not a question; nor is "有没有几个关键词".
_ASKS_VALUE = re.compile(r"多少|(?<![哪好这那近前十过了])(?<!没有)几[个所家项万元人次年岁名门本倍]|多大|多高|多长|数额|金额|具体数字|how many|how much", re.I)
# "多少人能拿到": a share of the people answers it, as well as a count.
_ASKED_UNIT = re.compile(r"(?:多少|(?<![哪好这那近前十过了])(?<!没有)几)\s*(个百分点|百分点|个点|亿元|亿|万元|元|钱|分|万人次|人次|万人|人(?!能|会|可|有机会)|所|个|家|项|本|门|名|倍|天|小时|篇|次|位|条|台|套)")
# An amount of money asked for ("投入了多少资金", "补贴多少") needs a sum in 元 in the evidence.
_MONEY = r"(?:钱|资金|经费|补助|补贴|奖励|奖金|费用|学费|工资|薪水|薪酬|起薪|投入|拨款|预算|税)"
# "能上浮多少 / 多发多少 / 要达到什么标准": a change, ratio or standard, which a relative figure answers;
# "工资多少" asks a sum.
# "要达到多少": a level, answered by a relative figure only where the clause states it as that level ("达到普通高中的 2 倍").
_ASKS_LEVEL = re.compile(r"达到|标准")
_ASKS_CHANGE = re.compile(r"上浮|浮动|增加|增长|提高|提升|多发|多拿|多给|放大|涨|倍|比例|比重|占比|百分之|翻")
_MONEY_EN = r"(?:salar|wage|pay\b|fee|cost|money|fund|subsid|allowance|tuition)"
_ASKS_MONEY = re.compile(
    rf"(?:多少|几)[^，。？?,]{{0,4}}{_MONEY}|{_MONEY}[^，。？?,]{{0,6}}(?:多少|几)"
    rf"|how much[^?.,]{{0,40}}{_MONEY_EN}|{_MONEY_EN}[^?.,]{{0,30}}how much",
    re.I,
)
# Units that any percentage or plain count in the evidence answers.
_LOOSE_UNITS = {"个百分点": "%", "百分点": "%", "个点": "%"}
# Counters of institutions stand for one another: "几家机构" is answered by "3所机构".
_INSTITUTION_UNITS = "所家个"
# "在哪些地方发力": 地方 before a verb of effort means "which respects", not places.
_EFFORT = r"(?!\S{0,2}(?:发力|着力|用力|努力|使劲|下功夫|下工夫|入手|着手|突破|改进|不足))"
# "报哪个部门批准": which body, by name.
# Within one clause: "哪些措施？教师企业实践基地…" asks for no enterprise by name.
_IN_CLAUSE = r"[^，,。？?！!；;：:\s]"
_WHICH_BODY = r"哪(?:个|一个|一级)(?:部门|单位|机构)"
# "哪所", "哪两所", "是哪个学校": one or more institutions, by name.
_WHICH_NAMED = r"哪(?:[一两三四五六七八九十]|\d+)?\s*[所家]|哪一?个(?:学校|院校|学院|大学|企业|公司)"
_ASKS_NAMES = re.compile(
    r"哪几[所家位门]|哪[一两三四五六七八九十]?门|哪\d+[个所家项门]|具体是哪|具体在哪|分别是哪|分别是什么|名单|" + _WHICH_NAMED + "|"
    r"哪(?:些|几个)" + _IN_CLAUSE + r"{0,6}(?:学校|院校|学院|企业|机构|城市|地方" + _EFFORT + r"|专业|单位|国家(?!级)|科目|县|省份|地区)|" + _WHICH_BODY
)
# "Which schools / companies / countries": names no count in the indicator table can give.
_ASKS_ORG_NAMES = re.compile(r"哪几[所家]|" + _WHICH_NAMED + r"|名单|哪(?:些|几)\S{0,4}(?:学校|院校|学院|企业|机构|单位|国家(?!级)|城市|地区)")
_ASKS_LIST_LIKE = re.compile(r"哪些|哪几|分别")
_ASKS_TIME = re.compile(r"什么时候|啥时候|什么时间|何时|哪一年|哪年|几月|哪个月|哪[一几]?天|哪[一几]?日|几号|截止|时间表|when", re.I)
_NUMBER = re.compile(r"\d")
# "多长时间一次、多久、几年一轮": a period, which a figure of time ("5年一周期", "每年") answers.
_ASKS_DURATION = re.compile(r"多长时间|多久|多长|几年一|多少年一|隔多久|每隔|几个月|多少天|how long|how often", re.I)
# A calendar year ("2025 年") is a date, not a length; 学制 is not the 学制 of 科学制订.
_DURATION = re.compile(
    r"(?<![\d.])(?!(?:19|20)\d\d)\d{1,3}(?:\.\d+)?\s*(?:年|个月|月|周|天|小时|学时)"
    r"|[一二两三四五六七八九十]+(?:年|个月|周|天)|每年|每学期|周期|(?<!科)学制"
)
# "现在一共有多少所", "2020年全省有多少": how many there are, which only a dated figure answers.
_ASKS_STOCK = re.compile(r"(?:现在|目前|现有|如今|眼下|2020\s*年)[^，。？?,]{0,8}?(?:一共|总共|共|总计)?有(?:多少|几)")
_NOW_FIGURE = re.compile(r"2020|十三五")
_YEAR_OR_DATE = re.compile(r"20\d\d|\d{1,2}\s*月|年底|年前")
_QUOTED_PLACE = re.compile(r"[“\"]([^”\"]{2,12})[”\"](?:国家(?!级)|地区|城市)")
_ASKS_WHERE = re.compile(r"哪(?:些|几个|个)?(?:地方" + _EFFORT + r"|地区|区域)")
# Places and organizations; jieba's person-name guesses (nr) are too noisy to count.
_PROPER_TAGS = ("ns", "nt")
# What kind of name is asked for: a place (ns) does not name a school, nor an organization (nt) a city.
_ASKS_ORGANIZATIONS = re.compile(r"哪几?[所家]|" + _WHICH_NAMED + r"|哪(?:些|几个?|一)" + _IN_CLAUSE + r"{0,8}(?:学校|院校|学院|大学|企业|机构|单位|公司)|" + _WHICH_BODY)
_ASKS_PLACES = re.compile(r"哪(?:些|几个?|个)" + _IN_CLAUSE + r"{0,8}(?:国家(?!级)|城市|地区|地方" + _EFFORT + r"|区域|省份|省|市|县)")
# jieba does not tag a school's name as one organization (宁波 | 职业 | 技术 | 学院): a place followed
# by an institution's word within a few characters is one ("宁波职业技术学院", "浙江省教育厅";
# not "高水平中职学校").
_INSTITUTION_TAIL = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:学院|大学|学校|公司|集团|厅|局|委员会)")
# "具体要满足哪些条件", "认定标准具体是什么": the content of a rule, not that there is one.
_ASKS_CRITERIA = re.compile(
    r"(?:有|有没有)\S{0,6}限制|限制(?:吗|么|是|有)|具体\S{0,6}(?:条件|标准|门槛|资格|细则)|(?:条件|标准|门槛|资格|细则)\S{0,3}具体|(?:满足|符合|具备)\S{0,4}(?:哪些|什么|啥)"
    r"|(?:需要|要|得|有)(?:什么|哪些|啥)(?:样的)?(?:条件|门槛|资格)"
    r"|(?:条件|标准|门槛|资格)(?:是|有)(?:什么|哪些|啥)"
)
# What states a condition: "具有3年以上企业工作经历", "符合条件的", "达到…标准".
# "符合条件的高职院校" says there are conditions and states none.
_CONDITION = re.compile(r"满足|以上|以下|不低于|不少于|不超过|必须|须|应当|达到\S{0,10}(?:标准|要求)")
_PROMISES = re.compile(r"(?:健全|完善|建立|制定|出台|探索)[^，。；]{0,24}(?:机制|制度|体系|标准|办法)")


def asks_specific(question: str) -> bool:
    """The question wants a number, a list of names or a date, not a description."""
    norm = normalize(question)
    return bool(_ASKS_VALUE.search(norm) or _ASKS_NAMES.search(norm) or _ASKS_TIME.search(norm))


def asks_criteria(question: str) -> bool:
    return bool(_ASKS_CRITERIA.search(normalize(question)))


def condition_for(question: str, sentence: str, lead: str) -> bool:
    """"面向具有3年以上企业工作经历……的人员" sets a condition, and for what the question asks about:
    it holds each distinctive word of the question that the best sentence ``lead`` holds (so
    招聘's condition does not answer "双师型认定的条件")."""
    norm = normalize(sentence)
    lead_norm = normalize(lead)
    return bool(_CONDITION.search(norm)) and all(w in norm for w in _distinctive_words(question) if w in lead_norm)


def asks_duration(question: str) -> bool:
    """The question asks how long or how often ("多长时间一次", "多久")."""
    return bool(_ASKS_DURATION.search(normalize(question)))


def states_duration(sentence: str) -> bool:
    """The sentence states a period or length of time ("5年一周期", "3 年以上", "每年")."""
    return bool(_DURATION.search(normalize(sentence)))


def only_promised(sentence: str) -> bool:
    """The sentence commits to setting up a mechanism or standard ("健全…认定、聘用和考核机制")
    and states none of its content: no figure, no list."""
    text = normalize(sentence)
    return bool(_PROMISES.search(text)) and not re.search(r"\d|:|包括|即", text)  # NFKC makes ： a :


# A waiver (免学费、免试、减免) is stated or it is not. 免费师范生 or 任免 name no waiver asked for.
_WAIVER = re.compile(r"减免|豁免|免除|免(?:学费|学杂费|试|考|收|交|缴|文化课|笔试|面试)")
_CRITERIA_OF = re.compile(r"([\u4e00-\u9fff]{2})的?(?:具体)?(?:条件|标准|门槛|细则)")
# "认定要满足哪些具体条件": the act is the word before 满足/符合/具备.
_ACT_MEETS = re.compile(r"([\u4e00-\u9fff]{2})(?:要|需要|需|得|应|必须)?(?:满足|符合|具备)")
_QUESTION_WORDS = frozenset("哪些 什么 哪个 哪几 多少 具体".split())


def _act_only_promised(norm: str, evidence: Sequence[str]) -> bool:
    """"认定的具体标准": the clauses that speak of that act (认定) only promise to set it up
    ("健全…认定、聘用和考核机制"); a figure elsewhere (招聘 needs 3 年企业经历) is another act's."""
    acts = [m.group(1) for pattern in (_CRITERIA_OF, _ACT_MEETS) for m in pattern.finditer(norm)]
    act = next((a for a in acts if a not in _QUESTION_WORDS), None)
    if act is None:
        return False
    about = [e for e in evidence if act in normalize(e)]
    return bool(about) and all(only_promised(e) for e in about)


DISTINCTIVE_FREQ = 5000  # a word this rare in general Chinese names the topic (名师, 本科), unlike 学校、专业


def _distinctive_words(question: str) -> list[str]:
    """Words of the asked clauses rare enough in general Chinese to name the topic."""
    from ..retrieval.lexical import is_stopword, tokenize, word_frequency

    return [
        t for t in tokenize(asked_clauses(question))
        if len(t) >= 2 and not is_stopword(t) and word_frequency(t) < DISTINCTIVE_FREQ
    ]


_ITEMS_OF_A_COUNT = re.compile(r"几[个项条种类门][^，,。？?]{0,12}?(?:是什么|是哪些|有哪些|分别|叫什么|是啥|都是)")


def missing_specifics(
    question: str, evidence: Sequence[str], own_names: str = "", one_topic: bool = False, listed: bool = False
) -> str | None:
    """Why the evidence cannot hold what the question asks for, or None if it can.

    ``listed``: the evidence is a section's list of items ("基本原则一共几条，分别是什么"), which
    is itself the count and the items asked for (not names of schools or companies).

    ``one_topic``: the evidence is all about what is asked (a 专栏 the user named), so a count
    asked for may stand in any of its clauses, not only the first.

    ``own_names``: text whose place names do not count as an answer to "which ones"
    (the documents' titles: 浙江 in 浙江经验 names no school).
    """
    norm = normalize(question)
    text = normalize("".join(evidence))
    # "点名的几个活动是什么": the items are asked for, and their number only says there are several.
    items = bool(_ITEMS_OF_A_COUNT.search(norm))
    unit = None if listed or items else _ASKED_UNIT.search(norm)
    units = ""
    level = _ASKS_LEVEL.search(norm)
    if not unit and asks_money(norm) and not _states_money(text, relative=bool(_ASKS_CHANGE.search(norm)), level=level.group(0) if level else ""):
        return "文件提到了相关内容，但没有给出具体金额"
    if unit:
        wanted = {"钱": "元", **_LOOSE_UNITS}.get(unit.group(1), unit.group(1))
        units = f"[{_INSTITUTION_UNITS}]" if wanted in _INSTITUTION_UNITS else re.escape(wanted)
        # The count asked for must be in the clause the answer leads with, or in one that shares a
        # distinctive word with the question ("名师金课…几门"): not only in a clause about something
        # else ("30 所‘三全育人’典型学校" for "新增多少所职业本科学校").
        if not _figure_about(norm, evidence, re.compile(_FIGURE.pattern + units), one_topic):
            return f"文件提到了相关内容，但没有给出以“{wanted}”计的具体数字"
    elif _ASKS_SHARE.search(norm) and not listed and not items and not _figure_about(norm, evidence, _PERCENT, one_topic):
        return "文件提到了相关内容，但没有给出具体比例"
    elif _ASKS_VALUE.search(norm) and not listed and not items and not _figure_about(norm, evidence, _FIGURE, one_topic):
        return "文件提到了相关内容，但没有给出具体数字"
    if _ASKS_STOCK.search(norm) and not _dated_figure(evidence, units if unit else ""):
        # The plan's other figures are what is to be built by 2025, not what there is.
        return "文件给出的是到2025年的建设目标，没有现有数量的统计"
    if _WAIVER.search(asked_clauses(norm)) and not _WAIVER.search(text):
        return "文件没有提到减免或免除的规定"
    # A list of items names no school or company ("有哪几所职业本科大学").
    names = missing_names(question, evidence, own_names, organizations_only=listed)
    if names:
        return names
    # The clause that states a condition may follow the one the answer leads with (see ``condition_for``).
    conditioned = bool(evidence) and any(condition_for(question, e, evidence[0]) for e in evidence[:2])
    if evidence and _ASKS_CRITERIA.search(norm) and (_act_only_promised(norm, evidence) or (not conditioned and only_promised(evidence[0]))):
        return "文件只提出要建立或健全相关机制，没有列出具体的条件或标准"
    if evidence and _ASKS_CRITERIA.search(norm) and not conditioned:
        return "文件没有列出具体的条件或标准"
    if _ASKS_TIME.search(norm) and not _YEAR_OR_DATE.search(text):
        return "文件没有给出具体时间"
    if _ASKS_DURATION.search(norm) and not _DURATION.search(text):
        return "文件没有给出具体的时间长度或周期"
    return None


# A comma between digits groups thousands ("10,000"): it ends no clause. A colon ends the
# clause that introduces what follows ("领导讲话要用基础数据：2020年……多少").
_CLAUSE_RE = re.compile(r"(?:[^，,。；;！!？?：:]|(?<=\d),(?=\d{3}(?!\d))|(?<=\d):(?=\d))+[，,。；;！!？?：:]?")
_ASKING = re.compile(
    r"多少|多大|多高|多长|多久|(?<![好过了])几|哪|什么|啥|吗|么|呢|是否|能否|可否|有没有|是不是|能不能|会不会|要不要|可不可以|如何|怎么|怎样|[?？]$"
    r"|([\u4e00-\u9fff])不\1"  # 贵不贵、好不好、难不难
    r"|\b(?:how|what|which|when|where|who|whether|is there|are there)\b"
)


def asks_something(text: str) -> bool:
    """The text holds a question word ("多少", "吗", "怎么"…): it asks, it does not only state."""
    return bool(_ASKING.search(normalize(text)))


# "X要达到多少？另外Y依托哪个平台？": the questions of one message.
_QUESTION_BREAK = re.compile(r"([？?])|另外|此外|同时")


def question_parts(question: str) -> list[str]:
    """The questions of a message; a statement among them ("……？我们学校目前75%左右") asks nothing."""
    pieces = _QUESTION_BREAK.split(normalize(question))  # text, mark ("？" or None), text, …
    parts = []
    for i in range(0, len(pieces), 2):
        part = pieces[i].strip("，,。 ")
        marked = i + 1 < len(pieces) and pieces[i + 1] is not None
        if len(part) >= 6 and (marked or asks_something(part)):
            parts.append(part)
    return parts


def asked_clauses(question: str) -> str:
    """The clauses that carry the question ("……，还有机会读大专吗？"), not the ones setting the scene.

    A word the documents never use in a scene-setting clause ("我在工厂打工") says
    nothing about whether they answer the question.
    """
    asked = _asking_clauses(question)
    return "".join(asked) if asked else normalize(question)


# "……，这种情况职业学校能管吗": the asked clause points at the scene the clauses before it set.
_POINTS_AT_SCENE = re.compile(r"(?:这种|这样的?|这类|像这样的?|像我这样的?|我们这种)(?:情况|孩子|人|学生|家庭|问题)")
_SELF_INTRODUCTION = re.compile(r"(?:我|我们|咱们|本人)是")
# "……，是真的吗？", "……，属实吗": a clause that only asks whether the one before it holds.
_CONFIRMS = frozenset("真的 属实 确实 没错 靠谱 对不对".split())


def _asking_clauses(question: str) -> list[str]:
    """The clauses of the question that ask; a clause of question words alone ("……乱收费，怎么办？")
    asks about the one before it, which therefore counts as asking too."""
    from ..retrieval.lexical import tokenize

    clauses = [c for c in _CLAUSE_RE.findall(normalize(question)) if c.strip()]
    asked: list[int] = []
    for i, c in enumerate(clauses):
        if not _ASKING.search(c):
            continue
        if all(t in COVERS_VERBS or t in _CONFIRMS for t in tokenize(c)) or _POINTS_AT_SCENE.search(c):
            # Every clause since the previous asking one ("乱收费，还强制实习，怎么办？").
            # The asker introducing themselves ("我们是一家制造业企业，听说……，具体是多少？") sets the scene only.
            since = asked[-1] + 1 if asked else 0
            asked.extend(j for j in range(since, i) if not _SELF_INTRODUCTION.match(clauses[j]))
        asked.append(i)
    return [clauses[i] for i in asked]


_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*[万亿]?\s*")
# "录取率大概多少", "占比是多少", "百分之多少": a share, which a percentage answers.
_ASKS_SHARE = re.compile(r"(?:率|比例|比重|占比)[^，。？?,；;]{0,6}?(?:多少|几成)|百分之(?:多少|几)|(?:多少|几)(?:个)?百分")
_PERCENT = re.compile(r"\d+(?:\.\d+)?\s*%")
_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def _figure_about(question: str, evidence: Sequence[str], figure: re.Pattern, one_topic: bool = False) -> bool:
    """Some clause of the evidence states a ``figure`` (a count, with its unit when one is asked) that answers the question.

    The figure stands in the clause the answer leads with, or in one that holds every distinctive
    word of the question that the evidence holds: "3 年以上企业工作经历" is 招聘's condition, not the
    双师型认定 the lead is about. A figure the user stated ("年培训150万人次，其中农民工…多少人次")
    is what they know, not an answer. ``one_topic``: the evidence is all about what is asked.
    """
    from ..retrieval.lexical import tokenize

    own = set(_DIGITS.findall(question))
    quotes = [normalize(e) for e in evidence]
    # Words, not substrings: 扩大专业 holds no 大专.
    words = [set(tokenize(q)) for q in quotes]
    held = [w for w in _distinctive_words(question) if any(w in ws for ws in words)]
    for i, quote in enumerate(quotes):
        if not (one_topic or i == 0 or all(w in words[i] for w in held)):
            continue
        for m in figure.finditer(quote):
            digits = _DIGITS.match(m.group(0))
            if digits is None or digits.group(0) not in own:
                return True
    return False


def _dated_figure(evidence: Sequence[str], units: str) -> bool:
    """A sentence of the evidence gives a figure (in ``units``, a pattern) for 2020 or the 十三五 period."""
    for quote in evidence:
        for sentence in re.split(r"[。；;]", normalize(quote)):
            if _NOW_FIGURE.search(sentence) and re.search(rf"\d(?:\.\d+)?\s*[万亿]?\s*{units}", sentence):
                return True
    return False


def asks_money(question: str) -> bool:
    """An amount of money is asked for ("工资多少", "投入了多少资金")."""
    return bool(_ASKS_MONEY.search(normalize(question)))


def _states_money(text: str, relative: bool = True, level: str = "") -> bool:
    """A sum in 元, or (``relative``: the question asks by how much it changes) one relative
    to another money figure (经费…2 倍, 绩效工资…上浮 50%); or (``level``: the question asks
    what it is to reach) one a clause states as that level (经费…达到…2 倍)."""
    if re.search(r"\d(?:\.\d+)?\s*[万亿]?\s*元", text):
        return True
    money = _MONEY.replace("钱|", "")
    return any(
        (relative or (level and level in sentence))
        and re.search(r"\d(?:\.\d+)?\s*(?:倍|%)", sentence) and re.search(money, sentence)
        for sentence in re.split(r"[。；;]", text)
    )


def missing_names(question: str, evidence: Sequence[str], own_names: str = "", organizations_only: bool = False) -> str | None:
    """A "which ones" question needs names (of places or organizations) in the evidence; a count is not a list.

    ``organizations_only``: only "which schools / companies" counts as asking for names
    (for the indicator table, whose rows answer "分别是什么" with values).
    """
    from ..retrieval.lexical import tag

    if not (_ASKS_ORG_NAMES if organizations_only else _ASKS_NAMES).search(normalize(question)):
        return None
    asked = set(w for w, _ in tag(question))
    norm = normalize(question)
    text = "".join(evidence)
    organizations, places = bool(_ASKS_ORGANIZATIONS.search(norm)), bool(_ASKS_PLACES.search(norm))
    kinds = ("nt",) if organizations and not places else ("ns",) if places and not organizations else _PROPER_TAGS
    tagged = tag(text)
    names = [
        w for w, f in tagged
        if f.startswith(kinds) and len(w) >= 2 and w not in asked and w not in own_names
    ]
    if organizations:
        names += _institution_names(text, tagged, asked, own_names)
    # "开在哪些地方" asks where, not for a list of names: the documents' named region
    # (到“一带一路”国家) answers it. "具体哪些国家" wants the countries themselves.
    if _ASKS_WHERE.search(norm) and not re.search(r"具体|分别|名单", norm):
        names += [q for q in _QUOTED_PLACE.findall(text) if normalize(q) not in norm]
    return None if names else "文件没有列出具体的名称或名单"


def _institution_names(text: str, tagged: Sequence[tuple[str, str]], asked: set[str], own_names: str) -> list[str]:
    """Places the text names an institution after ("宁波职业技术学院"), as that institution's name."""
    out = []
    at = 0
    for word, flag in tagged:
        start = text.find(word, at)
        if start == -1:
            continue
        at = start + len(word)
        if flag.startswith("ns") and len(word) >= 2 and word not in asked and word not in own_names:
            m = _INSTITUTION_TAIL.match(text, at)
            if m:
                out.append(word + m.group(0))
    return out


_WHAT = ("什么", "哪些", "啥", "哪种", "何种", "什么样")


# "学烘焙", "烘焙专业": a study verb before, or a word for a field after, a word that names a field.
_STUDY_VERBS = "学读修"
_FIELD_NOUNS = frozenset("专业 专业群 课 课程 方向 手艺 技术 技能".split())


def tag_asked(text: str) -> list[tuple[str, str]]:
    """The segmenter's (word, tag) pairs, with a verb that a question word asks for read as a noun:
    "有什么处罚" asks for a 处罚, as "有什么规定" asks for a 规定."""
    from ..retrieval.lexical import tag

    tagged = tag(text)

    def is_head(i: int) -> bool:
        # Not when a noun follows that it qualifies ("什么量化指标").
        after = next(((w, f) for w, f in tagged[i + 1:] if w not in ("的",) and w not in _ABOUT_THE_TEXT), ("", "x"))
        return not after[1].startswith(_NOUN_TAGS)

    def names_field(i: int) -> bool:
        # "学烘焙", "读护理", "有烘焙专业吗": what one studies is a field, whatever the segmenter tagged it.
        before = tagged[i - 1][0] if i > 0 else ""
        after = tagged[i + 1][0] if i + 1 < len(tagged) else ""
        return (before != "" and before[-1] in _STUDY_VERBS) or after in _FIELD_NOUNS

    return [
        (w, "vn") if f.startswith("v") and len(w) >= 2 and ((i > 0 and tagged[i - 1][0] in _WHAT and is_head(i)) or names_field(i)) else (w, f)
        for i, (w, f) in enumerate(tagged)
    ]


def _asked_for_by_name(question: str, word: str) -> bool:
    """``word`` comes right after a question word ("有什么处罚", "哪些补贴"): its content is what is asked."""
    tagged = [w for w, _ in tag_asked(question) if w != "的"]
    return any(w == word and i > 0 and tagged[i - 1] in _WHAT for i, w in enumerate(tagged))


# Adverbs that only come before what is said of something, never before a noun that names it.
_PREDICATE_ADVERBS = frozenset("还 也 都 不 很 太 挺 真 更 最 没".split())


def asked_heads(question: str) -> set[str]:
    """The last noun of each asked clause: what the question is about ("……可以免学费吗" → 学费)."""
    heads = set()
    for clause in _asking_clauses(question):
        # Words about the text (规定, 要求) are not what is asked about; a noun right
        # before the head qualifies it ("宿舍条件": 宿舍 is asked about too).
        tagged = [(w, f) for w, f in tag_asked(clause) if w not in _ABOUT_THE_TEXT]
        for i in range(len(tagged) - 1, -1, -1):
            word, flag = tagged[i]
            if i > 0 and tagged[i - 1][0] in _PREDICATE_ADVERBS:
                continue  # "还算数吗", "不靠谱": after such an adverb a word is said of the topic, not the topic
            if _base_verb(word) != word:
                continue  # "学学", "看看": a doubled verb, whatever the segmenter tagged it
            if flag.startswith(_NOUN_TAGS) and len(word) >= 2:
                heads.add(word)
                if i > 0 and tagged[i - 1][1].startswith(_NOUN_TAGS) and len(tagged[i - 1][0]) >= 2:
                    heads.add(tagged[i - 1][0])
                break
    return heads


def _straddled(norm: str, start: int, end: int, known_term) -> bool:
    """A word the documents use (a search token of theirs) overlaps this one's edge ("能不能算学分": 算学 | 学分):
    the segmenter's cut is a guess, and the documents' reading wins."""
    for a in range(max(0, start - 3), end):
        for b in range(max(a + 2, start + 1), min(len(norm), end + 3) + 1):
            crosses = (a < start < b) or (a < end < b)
            if crosses and b - a >= 2 and known_term(norm[a:b]) and not (start <= a and b <= end):
                return True
    return False


def _other_choice_known(norm: str, at: int, corpus_norm: str) -> bool:
    """"是约束性的还是预期性的": an unknown word on one side of 还是 is fine when the other side is in the documents."""
    from ..retrieval.lexical import tag

    for m in _CLAUSE_RE.finditer(norm):
        if m.start() <= at < m.end() and "还是" in m.group(0):
            left, _, right = m.group(0).partition("还是")
            # "X是A还是B": X is what is asked about, not one of the choices.
            subject = left.rpartition("是")[0] + "是" if "是" in left else ""
            if at < m.start() + len(subject):
                return False
            left = left[len(subject):]
            other = right if at < m.start() + len(subject) + len(left) else left
            # A term of the user dictionary (预期性指标) is tagged x.
            return any(len(w) >= 2 and w in corpus_norm for w, f in tag(other) if f.startswith(_NOUN_TAGS + ("a", "v", "x")))
    return False


# "哪些地方", "什么样": a question word fused with what it asks about; the rest is the topic.
# Question words and counts before a noun ("哪些学校", "两条路"): the noun alone is the topic.
_QUESTION_PREFIX = re.compile(r"^(?:哪些|哪个|哪几|哪|什么|啥|多少|[一二两三四五六七八九十几\d]+[个条种类项门所家位名件批])")
# "这两条路", "那所学校": a demonstrative points back at what the question already named.
_DEMONSTRATIVES = "这那此"
# "表里", "手里": a place word after one character or a known word is a location, not a topic.
_LOCATIVE_SUFFIXES = "里中内上"

# Suffixes that make a word for the people of something (本科生, 教育者, 管理员).
_PERSON_SUFFIXES = "生者员们"


def _rewords_known(word: str, vocabulary) -> bool:
    """The documents' own word in another form: its people (本科 → 本科生), or one character
    changed (高等级 → 高级别)."""
    if len(word) >= 3 and word[-1] in _PERSON_SUFFIXES and vocabulary.known(word[:-1]):
        return True
    return vocabulary.variant_of(word) is not None


# "可以借力", "能够兜底", "能不能算数": the word after these is an act.
_ABLE = frozenset("可以 能够 可否 能否 不能 能不能 可不可以 会不会".split())
# Words that ask when ("有没有给出时间节点"), as 多少 asks how much: no topic of their own.
_WHEN_CUES = frozenset("节点 时间节点 时间表 时限 期限 截止 截止时间 截止日期".split())
# "提到了哪些平台名字": a word that asks what things are called is no topic either.
_NAME_CUES = frozenset("名字 名称 叫法 全称 简称".split())


# "起点和终点分别是": a clause that asks for values by naming them.
_ASKS_VALUES = re.compile(_ASKS_VALUE.pattern + r"|分别是|分别为|是什么|是啥|是几", re.I)


def frames_value(question: str, word: str, unknown: Sequence[str] = ()) -> bool:
    """"起点是多少", "起点和终点分别是": ``word`` is, with other ``unknown`` words only, the noun of a clause
    that asks for values. Beside an indicator the question names, it says which of the row's values is
    asked (its 2020 or 2025 figure), not a topic."""
    from ..retrieval.lexical import is_stopword

    for clause in _CLAUSE_RE.findall(normalize(question)):
        if word not in clause or not _ASKS_VALUES.search(clause):
            continue
        others = [
            w for w, f in tag_asked(clause)
            if f.startswith(_NOUN_TAGS) and len(w) >= 2 and w != word and w not in unknown and not is_stopword(w)
        ]
        if not others:
            return True
    return False


def unknown_topics(question: str, corpus_norm: str, vocabulary) -> list[tuple[str, str]]:
    """(word, tag) of specific nouns of the question that the documents never mention (宿舍, 分数线, 学费…).

    ``vocabulary`` is the store's ``TermWeights`` (its ``known`` and ``variant_of``)."""
    from ..retrieval.lexical import is_stopword, synonym_sources, tokenize, word_frequency, tag

    translated = synonym_sources(question)
    norm = normalize(question)
    out: list[str] = []
    position = 0
    tagged = tag_asked(question)
    for i, (word, flag) in enumerate(tagged):
        at = norm.find(word, position)
        position = at + len(word) if at != -1 else position
        if at != -1 and norm[at + len(word) : at + len(word) + 2] == "不" + word[-1]:
            # "这条路通不通": the last character is the verb of an A-not-A question (通不通), not part of a noun.
            word = word[:-1]
        if len(word) < 2 or not flag.startswith(_NOUN_TAGS) or is_stopword(word) or word in translated or word in _ABOUT_THE_TEXT:
            continue
        if i > 0 and tagged[i - 1][0] in _ABLE:
            continue  # "举措可以借力": what one can do is a verb, whatever the segmenter tagged it
        if word in _REQUEST_VERBS or (_base_verb(word) != word and _base_verb(word) in corpus_norm):
            continue  # "帮我整理一下", "学学烘焙": the request, or a doubled verb of the documents, tagged as a noun
        if any(word in t or t in word for t in translated):
            continue
        if word in corpus_norm or word_frequency(word) >= _GENERIC_NOUN_FREQ:
            continue
        if word in QUANTITY_CUES or word in _WHEN_CUES or word in _NAME_CUES:
            continue  # "起点和目标分别是多少", "时间节点": a word that asks for a figure, a date or a name is no topic
        if at > 0 and norm[at - 1] in _DEMONSTRATIVES:
            continue
        rest = _QUESTION_PREFIX.sub("", word)
        if rest != word and (len(rest) < 2 or rest in _ABOUT_THE_TEXT or rest in corpus_norm or word_frequency(rest) >= _GENERIC_NOUN_FREQ):
            continue
        if word[-1] in _LOCATIVE_SUFFIXES and (len(word) == 2 or vocabulary.known(word[:-1])):
            continue
        if _rewords_known(word, vocabulary):
            continue
        # An everyday word of the synonym table counts as known here ("那大专升本": 那大 | 大专).
        if at != -1 and (_straddled(norm, at, at + len(word), lambda t: vocabulary.known(t) or t in translated) or _other_choice_known(norm, at, corpus_norm)):
            continue
        if word_frequency(word) == 0 and len(word) < 3:
            continue  # a fragment the segmenter guessed (中考后报普高 → 后报), not a topic
        if len(word) == 3 and vocabulary.known(word[1:]) and tag(word[0])[0][1] in ("a", "b"):
            continue  # an adjective before a word of the documents (硬指标: 指标), the user's way of asking about it
        if _joins_known_words(word, vocabulary):
            continue  # a compound of words the documents use (教师工资 → 教师 + 工资, 前提条件) or common ones (平均水平), unlike 就业率
        out.append((word, flag))
    return out


def _joins_known_words(word: str, vocabulary) -> bool:
    """``word`` is two or more words of two characters or more, each one the documents use
    or a common one, written together (前提 + 条件; not 教职 + 工, nor 就业 + 率)."""
    from ..retrieval.lexical import is_stopword, tokenize, word_frequency

    parts = {p for p in tokenize(word) if p != word and len(p) >= 2}
    # The segmenter may keep a compound whole and give only one of its words (教育规划 → 教育): halves count too.
    parts |= {half for i in range(2, len(word) - 1) for half in (word[:i], word[i:])}
    usable = {p for p in parts if vocabulary.known(p) or is_stopword(p) or word_frequency(p) >= _GENERIC_NOUN_FREQ}

    def covered(rest: str) -> bool:
        return rest == "" or any(rest.startswith(p) and covered(rest[len(p):]) for p in usable)

    return len(usable) >= 2 and covered(word)


# A yes/no question ("普高和中职能互通吗") is about what the rest of it names, when that is enough:
# an unknown word in it may be the user's own word for the plan's (互通 → 融通).
YES_NO_MIN_COVERAGE = 0.5
YES_NO_MIN_KNOWN_WEIGHT = 3.0  # about two distinctive words of the documents


def unknown_head_blocks(question: str, unknown: Sequence[str], coverage: float, known_weight: float, corpus_norm: str) -> bool:
    """Whether an unknown word that the question asks about (one of its ``asked_heads``) means the documents
    do not answer it. A question for a value, list, date or criteria is about that word; so is any question
    about money (学费, 补贴: the plan states no personal sums), and one whose other words are too few
    (``known_weight``) or poorly matched by the best sentence (``coverage``), or whose act on it the documents
    never name either ("能不能报考公务员"), or one that asks for that word's content ("有什么处罚")."""
    heads = asked_heads(question)
    asked = [w for w in unknown if w in heads]
    if not asked:
        return False
    norm = normalize(question)
    return (
        _act_unknown(question, asked, corpus_norm)
        or any(_asked_for_by_name(question, w) for w in asked)
        or asks_specific(question)
        or bool(_ASKS_LIST_LIKE.search(norm))
        or bool(_ASKS_CRITERIA.search(norm))
        or any(re.search(_MONEY, w) for w in asked)
        or coverage < YES_NO_MIN_COVERAGE
        or known_weight < YES_NO_MIN_KNOWN_WEIGHT
    )


# Words that say whether, or that one may, act: "有没有门路" asks whether a way exists, not about an act on it.
_MODALS = frozenset("不能 能否 可以 可否 不会 会不会 能不能 可不可以 需要 应该 想要 有没有 有没 没有".split())
# Verbs of the request itself (a member of staff asking for a reply): "拟个回复要点" acts on the answer, not on a topic.
_REQUEST_VERBS = frozenset("回复 答复 起草 草拟 拟写 撰写 整理 摘录 摘抄 归纳 概括 总结 列举 罗列".split())


def _base_verb(verb: str) -> str:
    """A reduplicated verb is its base verb ("做做" → 做, "了解了解" → 了解)."""
    half = len(verb) // 2
    if len(verb) % 2 == 0 and verb[:half] == verb[half:]:
        return verb[:half]
    return verb


def _act_unknown(question: str, words: Sequence[str], corpus_norm: str) -> bool:
    """A verb the documents never use acts on one of ``words`` ("报考公务员"): the whole act is outside them."""
    from ..retrieval.lexical import tag

    tagged = [(w, f) for w, f in tag(question) if w not in ("的", "了")]
    return any(
        w in words and i > 0 and tagged[i - 1][1].startswith("v") and len(tagged[i - 1][0]) >= 2
        and _base_verb(tagged[i - 1][0]) not in corpus_norm
        and tagged[i - 1][0] not in _MODALS and tagged[i - 1][0] not in _REQUEST_VERBS
        for i, (w, _) in enumerate(tagged)
    )


def is_place(tagged: tuple[str, str]) -> bool:
    return tagged[1] == "ns"


def evidence_sufficient(coverage: float, dense_top: float) -> bool:
    """Enough of the question's weight is found in the best sentence."""
    if coverage >= 0.34:
        return True
    return coverage >= 0.2 and dense_top >= 0.83

