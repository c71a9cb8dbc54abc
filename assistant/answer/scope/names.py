"""Questions for names (which schools, places or bodies) and whether the evidence gives names of that kind."""

from __future__ import annotations

import re
from typing import Sequence

from ...normalize import normalize


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


def missing_names(question: str, evidence: Sequence[str], own_names: str = "", organizations_only: bool = False) -> str | None:
    """A "which ones" question needs names (of places or organizations) in the evidence; a count is not a list.

    ``organizations_only``: only "which schools / companies" counts as asking for names
    (for the indicator table, whose rows answer "分别是什么" with values).
    """
    from ...retrieval.lexical import tag

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
