"""Nouns of a question that the documents never use, and when one of them means they do not answer it."""

from __future__ import annotations

import re
from typing import Sequence

from ...normalize import normalize
from ..indicators import QUANTITY_CUES
from .clauses import _CLAUSE_RE
from .criteria import _ASKS_CRITERIA
from .figures import _ASKS_VALUE, _MONEY
from .heads import _ABOUT_THE_TEXT, _NOUN_TAGS, _asked_for_by_name, _base_verb, asked_heads, tag_asked
from .specifics import asks_specific


# Nouns this common in general Chinese (机会, 孩子, 问题…) carry no topic of their own.
_GENERIC_NOUN_FREQ = 8000


_ASKS_LIST_LIKE = re.compile(r"哪些|哪几|分别")


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
    from ...retrieval.lexical import tag

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
# "手工之类的", "智能手机啥的": the word before these is one example of a kind the question asks about.
_EXAMPLE_AFTER = re.compile(r"之类|啥的|什么的|等等|这类|这种|一类")
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
    from ...retrieval.lexical import is_stopword

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
    from ...retrieval.lexical import is_stopword, synonym_sources, tokenize, word_frequency, tag

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
        if at != -1 and _EXAMPLE_AFTER.match(norm, at + len(word)):
            continue  # "做做手工之类的", "智能手机啥的": an example of what is asked, not the topic itself
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
    """``word`` is two or more words of two characters or more, each one the documents use,
    a common one or one about the text, written together (前提 + 条件, 具体 + 安排; not 教职 + 工, nor 就业 + 率)."""
    from ...retrieval.lexical import is_stopword, tokenize, word_frequency

    parts = {p for p in tokenize(word) if p != word and len(p) >= 2}
    # The segmenter may keep a compound whole and give only one of its words (教育规划 → 教育): halves count too.
    parts |= {half for i in range(2, len(word) - 1) for half in (word[:i], word[i:])}
    usable = {
        p for p in parts
        if vocabulary.known(p) or is_stopword(p) or p in _ABOUT_THE_TEXT or word_frequency(p) >= _GENERIC_NOUN_FREQ
    }

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


def _act_unknown(question: str, words: Sequence[str], corpus_norm: str) -> bool:
    """A verb the documents never use acts on one of ``words`` ("报考公务员"): the whole act is outside them."""
    from ...retrieval.lexical import tag

    tagged = [(w, f) for w, f in tag(question) if w not in ("的", "了")]
    return any(
        w in words and i > 0 and tagged[i - 1][1].startswith("v") and len(tagged[i - 1][0]) >= 2
        and _base_verb(tagged[i - 1][0]) not in corpus_norm
        and tagged[i - 1][0] not in _MODALS and tagged[i - 1][0] not in _REQUEST_VERBS
        for i, (w, _) in enumerate(tagged)
    )


# A rate or ratio by its form (就业率, 生师比): the kind of figure the indicator table holds.
_RATE = re.compile(r"(?:率|比)$")


def unknown_rate(unknown: Sequence[str], row_names: Sequence[str]) -> str | None:
    """An unknown word that names a rate (就业率) whose stem (就业) no indicator row's name holds:
    a figure neither the table nor the text gives. A user's short name for a row's rate
    (企业深度参与率 → 大中型企业深度参与职业教育办学覆盖率) is that row's, not an unknown one."""
    names = normalize("".join(row_names))
    return next((w for w in unknown if len(w) >= 3 and _RATE.search(w) and w[:-1] not in names), None)
