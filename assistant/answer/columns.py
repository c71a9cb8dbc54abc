"""Which 专栏 a question names: by its title, by the title's topic, or by the words just before 专栏."""

from __future__ import annotations

import re

from ..normalize import normalize
from ..types import Chunk
from .context import ColumnRef
from .knowledge import Knowledge

_TITLE_LEAD = re.compile(r"^(职业院校|职业教育)")
_TITLE_TAIL = re.compile(r"(行动计划|建设计划|计划|行动|项目|建设)$")


def in_column(column: ColumnRef | None, chunk: Chunk) -> bool:
    """The chunk is part of ``column``."""
    return column is not None and (chunk.doc_id, chunk.column) == column


def column_named(k: Knowledge, question: str, loose: bool = False) -> ColumnRef | None:
    """The 专栏 whose title the question names ("智慧校园提升行动…"), the longest match winning.

    ``loose``: the title without its "建设/行动计划" tail also counts, for a question
    that asks for a 专栏 by its topic ("温台职业教育创新高地…有专栏吗").
    """

    norm = normalize(question).replace("“", "").replace("”", "").replace('"', "")
    best: tuple[ColumnRef, int] | None = None
    for (doc_id, n), title in k.column_titles.items():
        short = _TITLE_TAIL.sub("", title)
        names = {title, _TITLE_LEAD.sub("", title)}
        # The title without its tail counts when loose, or where the question calls it a 专栏 ("云上三名那个专栏").
        if (loose and len(short) >= 6) or re.search(re.escape(short) + r"(?:那个|这个|的)?专栏", norm):
            names.add(short)
        for name in names:
            if len(name) >= 4 and name in norm and (best is None or len(name) > best[1]):
                best = (ColumnRef(doc_id, n), len(name))
    return best[0] if best else _column_called(k, norm)


_CALLED_COLUMN = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:那个|这个|那一个|的)?专栏")


def _column_called(k: Knowledge, norm: str) -> ColumnRef | None:
    """"温台那个专栏": the words just before 专栏 are part of exactly one 专栏's title."""
    for m in _CALLED_COLUMN.finditer(norm):
        words = m.group(1)
        for start in range(len(words) - 1):  # the longest tail of the words that a title holds
            tail = words[start:]
            owners = [ref for ref, title in k.column_titles.items() if tail in title]
            if len(owners) == 1:
                return ColumnRef(*owners[0])
            if owners:
                break  # several titles hold it: which one is meant is not said
    return None
