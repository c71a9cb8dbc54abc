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

PLAN_YEARS = range(2020, 2026)
_YEAR_RE = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")
# Provinces, municipalities and regions of China: a place the documents never
# mention means the question is about somewhere else.
_PLACES = (
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 "
    "四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门 深圳 广州 南京 苏州 武汉 成都 西安"
).split()
_INSTITUTION_RE = re.compile(r"([\u4e00-\u9fff]{2,10}?)(职业技术学院|职业学院|技师学院|职业技术大学|职业大学|大学|学院|中学|职业学校|职业高中|技工学校|中专)")
# Characters that make a "name" before 学院/大学 a description rather than a name.
_NOT_NAME_CHARS = set("哪些的什么个所这那能可我你他她读上考进去在是有和与及或各每该本其好几类种样里高中职专本省市县区")


@dataclass(frozen=True)
class ScopeCheck:
    reason: str | None  # set when the question is clearly outside the documents


def hard_out_of_scope(question: str, corpus_norm: str) -> ScopeCheck:
    norm = normalize(question)
    years = [int(y) for y in _YEAR_RE.findall(norm)]
    outside = [y for y in years if y not in PLAN_YEARS]
    if outside:
        return ScopeCheck(f"规划期为2021—2025年，文件没有{outside[0]}年的目标或数据")
    for place in _PLACES:
        if place in norm and place not in corpus_norm:
            return ScopeCheck(f"文件是浙江省的规划，没有关于{place}的内容")
    for m in _INSTITUTION_RE.finditer(norm):
        prefix = m.group(1)
        if any(ch in _NOT_NAME_CHARS for ch in prefix):
            continue
        name = m.group(0)
        if name not in corpus_norm:
            return ScopeCheck(f"文件没有关于“{name}”这所学校的具体信息")
    return ScopeCheck(None)


# Nouns this common in general Chinese (机会, 孩子, 问题…) carry no topic of their own.
_GENERIC_NOUN_FREQ = 8000
_NOUN_TAGS = ("n", "nr", "ns", "nt", "nz", "nrt", "vn", "j")


def unknown_topics(question: str, corpus_norm: str, known_term) -> list[str]:
    """Specific nouns of the question that the documents never mention (宿舍, 分数线, 学费…)."""
    from ..retrieval.lexical import is_stopword, synonym_sources, tokenize, word_frequency, tag

    translated = synonym_sources(question)
    out: list[str] = []
    for word, flag in tag(question):
        if len(word) < 2 or not flag.startswith(_NOUN_TAGS) or is_stopword(word) or word in translated:
            continue
        if any(word in t or t in word for t in translated):
            continue
        if word in corpus_norm or word_frequency(word) >= _GENERIC_NOUN_FREQ:
            continue
        parts = [p for p in tokenize(word) if p != word]
        if parts and all(known_term(p) for p in parts if len(p) >= 2) and any(len(p) >= 2 for p in parts):
            continue  # a compound of words the documents use (教师工资 → 教师 + 工资)
        out.append(word)
    return out


def evidence_sufficient(coverage: float, dense_top: float) -> bool:
    """Enough of the question's weight is found in the best sentence."""
    if coverage >= 0.34:
        return True
    return coverage >= 0.2 and dense_top >= 0.83

