"""Questions for the conditions or standards of a rule, and sentences that state them or only promise them."""

from __future__ import annotations

import re
from typing import Sequence

from ...normalize import normalize
from .clauses import _distinctive_words


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


def asks_criteria(question: str) -> bool:
    return bool(_ASKS_CRITERIA.search(normalize(question)))


def condition_for(question: str, sentence: str, lead: str) -> bool:
    """"面向具有3年以上企业工作经历……的人员" sets a condition, and for what the question asks about:
    it holds each distinctive word of the question that the best sentence ``lead`` holds (so
    招聘's condition does not answer "双师型认定的条件")."""
    norm = normalize(sentence)
    lead_norm = normalize(lead)
    return bool(_CONDITION.search(norm)) and all(w in norm for w in _distinctive_words(question) if w in lead_norm)


def only_promised(sentence: str) -> bool:
    """The sentence commits to setting up a mechanism or standard ("健全…认定、聘用和考核机制")
    and states none of its content: no figure, no list."""
    text = normalize(sentence)
    return bool(_PROMISES.search(text)) and not re.search(r"\d|:|包括|即", text)  # NFKC makes ： a :


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
    # Of that act on what the question names before it ("双师型"教师认定, not 学习成果的认定).
    before = re.split(r"[，。？！；,?!;]", norm[: norm.find(act)])[-1]
    others = [w for w in _distinctive_words(before) if act not in w]
    about = [e for e in evidence if act in normalize(e) and (not others or any(w in normalize(e) for w in others))]
    return bool(about) and all(only_promised(e) for e in about)
