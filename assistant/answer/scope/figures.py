"""Questions for a figure (a count, share, sum, date or period) and whether the evidence states one."""

from __future__ import annotations

import re
from typing import Sequence

from ...normalize import normalize
from .clauses import _distinctive_words


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


_ASKS_TIME = re.compile(r"什么时候|啥时候|什么时间|何时|哪一年|哪年|几月|哪个月|哪[一几]?天|哪[一几]?日|几号|截止|时间表|when", re.I)


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


_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*[万亿]?\s*")
# "录取率大概多少", "占比是多少", "百分之多少": a share, which a percentage answers.
_ASKS_SHARE = re.compile(r"(?:率|比例|比重|占比)[^，。？?,；;]{0,6}?(?:多少|几成)|百分之(?:多少|几)|(?:多少|几)(?:个)?百分")
_PERCENT = re.compile(r"\d+(?:\.\d+)?\s*%")
_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def asks_duration(question: str) -> bool:
    """The question asks how long or how often ("多长时间一次", "多久")."""
    return bool(_ASKS_DURATION.search(normalize(question)))


def states_duration(sentence: str) -> bool:
    """The sentence states a period or length of time ("5年一周期", "3 年以上", "每年")."""
    return bool(_DURATION.search(normalize(sentence)))


_SENTENCE_END = re.compile(r"(?<=[。；;!?！？])")


def _figure_about(question: str, evidence: Sequence[str], figure: re.Pattern, one_topic: bool = False) -> bool:
    """Some clause of the evidence states a ``figure`` (a count, with its unit when one is asked) that answers the question.

    The figure stands in the clause the answer leads with, or in one that holds every distinctive
    word of the question that the evidence holds: "3 年以上企业工作经历" is 招聘's condition, not the
    双师型认定 the lead is about. A figure the user stated ("年培训150万人次，其中农民工…多少人次")
    is what they know, not an answer. ``one_topic``: the evidence is all about what is asked.
    """
    from ...retrieval.lexical import tokenize

    own = set(_DIGITS.findall(question))
    quotes = [normalize(e) for e in evidence]
    # Words, not substrings: 扩大专业 holds no 大专.
    words = [set(tokenize(q)) for q in quotes]
    held = [w for w in _distinctive_words(question) if any(w in ws for ws in words)]
    if quotes and not one_topic:
        # The lead quote may join the sentence after it ("…认定、聘用和考核机制…。加强教师企业实践考核评价，
        # 落实教师5 年一周期…"): that sentence's figure counts when it shares a word of the question with
        # the lead sentence (or the lead holds none either).
        first, *rest = _SENTENCE_END.split(quotes[0])
        lead_held = {w for w in held if w in set(tokenize(first))}
        kept = [s for s in rest if not lead_held or lead_held & set(tokenize(s))]
        quotes[0] = "".join([first, *kept])
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
