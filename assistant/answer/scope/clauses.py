"""Which clauses of a question ask, and which of their words are rare enough to name its topic."""

from __future__ import annotations

import re

from ...normalize import normalize
from ..evidence import COVERS_VERBS


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
    from ...retrieval.lexical import tokenize

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


DISTINCTIVE_FREQ = 5000  # a word this rare in general Chinese names the topic (名师, 本科), unlike 学校、专业


def _distinctive_words(question: str) -> list[str]:
    """Words of the asked clauses rare enough in general Chinese to name the topic."""
    from ...retrieval.lexical import is_stopword, tokenize, word_frequency

    return [
        t for t in tokenize(asked_clauses(question))
        if len(t) >= 2 and not is_stopword(t) and word_frequency(t) < DISTINCTIVE_FREQ
    ]
