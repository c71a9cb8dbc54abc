"""Questions plainly outside a provincial development plan, refused before retrieval."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...normalize import normalize
from .areas import _PLACES, place_mentioned
from .specifics import asks_specific


PLAN_YEARS = range(2020, 2026)
# A figure "reached" in a given year: the plan has baselines and targets, not yearly results.
_ASKS_ACTUAL = re.compile(r"实际|达到了|完成了|已经|现在|目前|统计|多少|几")
_YEAR_RANGE = re.compile(r"20\d\d\s*年?\s*[—–\-~至到]+\s*20\d\d")
_YEAR_RE = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")


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


def _looks_like_name(prefix: str) -> bool:
    """"宁波甬江" can name a school; "听说" (a verb) cannot."""
    from ...retrieval.lexical import tag

    from ...retrieval.lexical import is_stopword

    # Time and place words ("以后技师学院", "现在职业技术学院") name no school either.
    return not is_stopword(prefix) and all(
        not flag.startswith(("v", "d", "p", "c", "u", "r", "m", "q", "y", "e", "f", "t")) for _, flag in tag(prefix)
    )


_ASKS_PROGRESS = re.compile(
    r"(?:已经|已)(?:完成|实现|达成|达标)|完成(?:情况|得怎么样|得如何|了多少|了没|了吗)|"
    r"(?:评估|考核|监测|督导)(?:的)?(?:结果|结论)|(?:实施|落实|执行)(?:的)?(?:效果|成效)|进展(?:如何|怎么样|咋样|到哪)"
)


_NUMBER = re.compile(r"\d")


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
