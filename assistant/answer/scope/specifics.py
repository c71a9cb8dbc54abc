"""Can the evidence hold the specific thing a question asks for: a figure, names, a date or conditions?"""

from __future__ import annotations

import re
from typing import Sequence

from ...normalize import normalize
from .clauses import asked_clauses
from .criteria import _ASKS_CRITERIA, _act_only_promised, condition_for, only_promised
from .figures import (
    _ASKED_UNIT,
    _ASKS_CHANGE,
    _ASKS_DURATION,
    _ASKS_LEVEL,
    _ASKS_SHARE,
    _ASKS_STOCK,
    _ASKS_TIME,
    _ASKS_VALUE,
    _DURATION,
    _FIGURE,
    _INSTITUTION_UNITS,
    _LOOSE_UNITS,
    _PERCENT,
    _YEAR_OR_DATE,
    _dated_figure,
    _figure_about,
    _states_money,
    asks_money,
)
from .names import _ASKS_NAMES, missing_names


def asks_specific(question: str) -> bool:
    """The question wants a number, a list of names or a date, not a description."""
    norm = normalize(question)
    return bool(_ASKS_VALUE.search(norm) or _ASKS_NAMES.search(norm) or _ASKS_TIME.search(norm))


# A waiver (免学费、免试、减免) is stated or it is not. 免费师范生 or 任免 name no waiver asked for.
_WAIVER = re.compile(r"减免|豁免|免除|免(?:学费|学杂费|试|考|收|交|缴|文化课|笔试|面试)")


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
