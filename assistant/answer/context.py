"""Follow-ups: use the conversation so far to complete a short or referring question."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, NamedTuple, Sequence

from ..errors import QuestionError
from ..types import Citation, Turn

_FOLLOWUP_START = re.compile(r"^(那|那么|还有|另外|此外|它|它们|其|这|该|上述|同样|然后|具体|and |what about |how about )", re.I)
# "还有别的措施吗": what the previous answer said is not what is asked for.
_ASKS_OTHER = re.compile(r"别的|其他|其它|另外|此外|以外|之外")
# "它" / "它们" anywhere, not inside a word (其它); a 专栏 named by neither number nor title ("专栏里…").
_POINTING = re.compile(r"(?<![其])它们?|^(?:在|那)?专栏(?:里|中|内|上)")
_REFERRING = re.compile(r"(这个|这一|该|上述|上面|刚才|那个|此)(专栏|指标|目标|计划|措施|举措|文件|规定|条款|部分|方面|项目|任务|问题|比例|比重|占比|数字|数据|数值|政策|做法|办法|内容)")
_COLUMN_RE = re.compile(r"专栏\s*(\d{1,3})")
# "下一个专栏", "前一个专栏": a 专栏 counted from the one just discussed.
_NEXT_COLUMN = re.compile(r"([下后上前])一个?专栏")


class ColumnRef(NamedTuple):
    """A 专栏: its number, and its document when known (each document numbers its own)."""

    doc_id: str | None
    n: int


@dataclass(frozen=True)
class Resolved:
    question: str  # what the user asked now
    search_text: str  # what retrieval should look for
    previous: str  # the previous question ("" if none)
    column: ColumnRef | None  # the 专栏 a referring question points to
    said: str = ""  # the previous answer, when the question asks for something else ("还有别的…吗")
    earlier: tuple[str, ...] = ()  # every earlier question, the latest first


_ASKS_SOURCE = re.compile(
    r"(哪个部分|哪一部分|哪部分|哪一节|哪个章节|哪一章|哪一条|哪条|第几页|哪一页|出处|原文|出自|哪里规定|在哪里写|写在哪|引用哪|怎么引用|依据是什么|根据是什么)"
)


def asks_for_source(question: str, history: Sequence[Turn]) -> bool:
    """"这段写在规划哪个部分？": the user wants the clauses behind the previous answer."""
    return bool(history) and bool(_ASKS_SOURCE.search(question)) and not _COLUMN_RE.search(question)


# Spoken fillers around a question ("嗯，那……", "……是多少来着"): they say nothing about what is asked.
_FILLERS = re.compile(r"^(?:嗯+|哦+|噢+|呃+|额|啊+|哈+|好的?|对了|ok|okay)[，,、。!！\s]*|(?:来着|呀|哈)(?=[？?。！!\s]*$)", re.I)
# Function words name no topic whatever the question's length: pronouns (一样), prepositions (跟), particles, interjections.
_FUNCTION_TAGS = ("r", "p", "y", "u", "e", "c", "zg")


def without_fillers(question: str) -> str:
    return _FILLERS.sub("", question.strip()).strip()


def is_followup(question: str) -> bool:
    q = without_fillers(question)
    if _FOLLOWUP_START.match(q) or _REFERRING.search(q) or (len(q) <= 8 and q.endswith(("呢", "呢？", "呢?"))):
        return True
    first = re.split(r"[，,。；;？?！!]", q, maxsplit=1)[0]
    if len(first) < len(q) and len(first) <= 8 and first.endswith("呢") and not has_own_topic(first):
        return True  # "高职的呢，还有职教本科？": a short "X呢" of the last topic opens it
    if _POINTING.search(q):
        return True  # "专栏里对它还有哪些安排": 它 is what was just discussed
    return not has_own_topic(q)


# Words about the document itself, not a topic: "有专门的专栏吗？里面讲了啥".
META_WORDS = frozenset("没有 专栏 专门 内容 部分 条款 原文 章节 讲 讲了 说了 写了 介绍".split())
# Words that ask for more of the same without naming anything: "具体怎么做？", "为什么要这么做？".
# Verbs and demonstratives only: a noun (意义、要求) can be a topic of its own ("规划的意义是什么？").
_VAGUE_WORDS = frozenset(
    "做 办 干 搞 弄 落实 实施 开展 推进 为什么 为何 原因 这么 那么 这样 那样 怎么样 详细 展开 说说 讲讲 一些 更多 "
    "举措 措施 做法 办法 方法 方式 途径 路径 手段 抓手".split()
)
# In a short question, a verb or adverb names no topic ("具体怎么推？", "靠啥做到？"): its subject is the last one.
# A place or time word (最后, 以后) and a bound morpheme (选) name none either.
# A time word names none either (以后, 当时; jieba reads 年才 in "2020年才多少" as one).
_NO_TOPIC_TAGS = ("v", "d", "r", "a", "y", "u", "p", "c", "f", "t", "zg")
# A part of the table pointed at, or its figures: "高职那栏2020年是多少", "高职的数据呢".
_TABLE_PART = re.compile(r"^(?:[这那一该此]个?)?(?:栏|列|项|行|格)$|^(?:数|数字|数据|数值)$")
_VAGUE_MAX_CHARS = 12  # a longer question says something of its own
# Nouns of time and state that name no subject: "2020年的时候是多少？", "那时的情况呢？".
_GENERAL_NOUNS = frozenset("时候 时间 时 那时 当时 情况 状况 样子".split())


def has_own_topic(question: str) -> bool:
    """Whether the question names a subject beyond levels, years and "how much / how far"."""
    from ..normalize import normalize
    from ..retrieval.lexical import tokenize
    from .evidence import without_exception
    from .indicators import LEVELS, QUANTITY_CUES

    # "除了标杆学校，还有别的吗": what the user already knows is no new topic.
    question = without_exception(normalize(without_fillers(question)))
    untopical = _untopical_words(question)
    for token in tokenize(question):
        # Search mode splits finer than tagging does: a token inside an untopical word is untopical.
        if token in untopical or any(token in word for word in untopical):
            continue
        if token in LEVELS or token.isdigit() or any(token in cue or cue in token for cue in QUANTITY_CUES):
            continue
        if token in ("年", "目标", "离", "比", "多", "还", "的", "点", "个点", "百分点", "个百分点") or token in META_WORDS or token in _VAGUE_WORDS or token in _GENERAL_NOUNS or _TABLE_PART.match(token):
            continue
        return True
    return False


def resolve(question: str, history: Sequence[Turn]) -> Resolved:
    named = _COLUMN_RE.search(question)
    if named:
        return Resolved(question, question, "", ColumnRef(None, int(named.group(1))))
    if not history or not is_followup(question):
        return Resolved(question, question, "", None)
    last = history[-1]
    column = _column_of(last)
    step = _NEXT_COLUMN.search(question)
    if step and column is not None:
        # "下一个专栏呢": the 专栏 numbered after (or before) the one just discussed.
        moved = ColumnRef(column.doc_id, column.n + (1 if step.group(1) in "下后" else -1))
        return Resolved(question, question, "", moved if moved.n >= 1 else column)
    previous = _asked_before(history)
    search = f"{_switch_term(_switch_level(previous, question), question)} {without_fillers(question)}"
    vague = only_vague(question)
    if vague:
        search = previous  # "具体怎么做？": its words (做) would only match 做好 elsewhere
    # "具体还有哪些措施？" after a question that named its 专栏, or an answer that introduced one
    # ("有，专栏7是……" → "具体怎么做？"), stays in that 专栏.
    keeps_column = _mentions_column(question) or (
        (vague or not has_own_topic(question)) and bool(_COLUMN_RE.search(last.question + " " + last.answer))
    )
    said = last.answer if _ASKS_OTHER.search(question) else ""
    earlier = tuple(t.question for t in reversed(history))
    return Resolved(question, search, previous, column if keeps_column else None, said, earlier)


def _asked_before(history: Sequence[Turn]) -> str:
    """The previous question, itself completed when it was a follow-up ("高职呢？" after "生均仪器设备值中职……")."""
    last = history[-1]
    if len(history) < 2 or not is_followup(last.question) or _COLUMN_RE.search(last.question):
        return last.question
    earlier = resolve(last.question, history[:-1])
    return earlier.search_text if earlier.previous else last.question


def only_vague(question: str) -> bool:
    """The question asks for more without naming anything ("具体怎么做？", "为什么？")."""
    from ..retrieval.lexical import tokenize

    question = without_fillers(question)
    tokens = tokenize(question)
    untopical = _untopical_words(question)
    return _length(question) <= _VAGUE_MAX_CHARS and bool(tokens) and all(t in _VAGUE_WORDS or t in untopical for t in tokens)


def _length(question: str) -> int:
    """How long a question reads: its words, not its figures or punctuation ("高职2020年的基数是多少")."""
    return len(re.sub(r"[\d\s\W_]", "", question))


def _untopical_words(question: str) -> set[str]:
    """The verbs, adverbs and pronouns of a short question, and the function words of any: words that name no topic of their own."""
    from ..retrieval.lexical import tag

    tags = _NO_TOPIC_TAGS if _length(question) <= _VAGUE_MAX_CHARS else _FUNCTION_TAGS
    return {w for w, f in tag(question) if f.startswith(tags) and not f.startswith(("vn", "an"))}


# Each level's words, the plan's own first; longer words before the words they contain.
_LEVEL_WORDS = {
    "中职": ("中职", "中等职业", "中专", "职高", "技校"),
    "高职": ("高职", "高专", "大专", "专科"),
    "职教本科": ("职教本科", "职业本科", "本科"),
}


def _switch_level(previous: str, question: str) -> str:
    """"那高职呢？" after a question about 中职: the previous question, asked about 高职.

    Level words are matched as whole words, so 提高专业 holds no 高专.
    """
    from ..retrieval.lexical import tag

    def level_of(word: str) -> str | None:
        return next((level for level, words in _LEVEL_WORDS.items() if any(word.startswith(w) for w in words)), None)

    asked = {level_of(w) for w, _ in tag(question)} - {None}
    if len(asked) != 1:
        return previous
    target = asked.pop()
    out = []
    for word, _ in tag(previous):
        level = level_of(word)
        if level and level != target:
            prefix = next(w for w in _LEVEL_WORDS[level] if word.startswith(w))
            word = target + word[len(prefix):]
        out.append(word)
    return "".join(out)


def _switch_term(previous: str, question: str) -> str:
    """"那四年制的呢？" after a question about 五年制: a word of the follow-up that differs from one of the
    previous question only in its first character (四年制 / 五年制, 本科 / 专科) takes that word's place."""
    from ..retrieval.lexical import tokenize

    words = [w for w in tokenize(question) if len(w) >= 2]
    for old in dict.fromkeys(w for w in tokenize(previous) if len(w) >= 2):
        new = next((w for w in words if w != old and len(w) == len(old) and w[1:] == old[1:]), None)
        if new is not None and new not in previous:
            return previous.replace(old, new)
    return previous


def _mentions_column(question: str) -> bool:
    return "专栏" in question or "這個專欄" in question or "专项" in question


def _column_of(turn: Turn) -> ColumnRef | None:
    for c in turn.citations:
        for heading in c.section:
            m = _COLUMN_RE.match(heading)
            if m:
                return ColumnRef(c.doc_id or None, int(m.group(1)))
    m = _COLUMN_RE.search(turn.question) or _COLUMN_RE.search(turn.answer)
    return ColumnRef(None, int(m.group(1))) if m else None


def parse_history(raw: Any) -> list[Turn]:
    """History items: [question, answer] pairs or earlier answer objects (with citations)."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise QuestionError(f"history must be a list of [question, answer] pairs or answer objects, got {type(raw).__name__}")
    turns: list[Turn] = []
    for i, item in enumerate(raw):
        if isinstance(item, (list, tuple)) and len(item) == 2 and all(isinstance(x, str) or x is None for x in item):
            turns.append(Turn(item[0] or "", item[1] or ""))
        elif isinstance(item, dict) and isinstance(item.get("question"), str):
            citations = []
            for c in item.get("citations") or []:
                if isinstance(c, dict):
                    citations.append(
                        Citation(
                            n=int(c.get("n", 0) or 0),
                            kind="indicator" if c.get("kind") == "indicator" else "text",
                            doc=str(c.get("doc", "")),
                            section=tuple(str(s) for s in (c.get("section") or [])),
                            page=c.get("page") if isinstance(c.get("page"), int) else None,
                            quote=str(c.get("quote", "")),
                            display=str(c.get("display", "")),
                        )
                    )
            turns.append(Turn(item["question"], str(item.get("answer", "")), tuple(citations)))
        else:
            raise QuestionError(f"history item {i} must be [question, answer] or an answer object, got {str(item)[:60]!r}")
    return turns


_BOOK_TITLE = re.compile(r"《([^》]{2,60})》")


def without_own_titles(text: str, titles: Sequence[str]) -> str:
    """``text`` without the names of the store's own documents ("根据《浙江省职业教育“十四五”发展规划》，……"):
    staff cite the title in full, and its words say nothing about what is asked."""
    from ..normalize import normalize

    own = [re.sub(r"[\s“”\"（）()—–\-0-9年]", "", normalize(t)) for t in titles]

    def strip(m: re.Match[str]) -> str:
        name = re.sub(r"[\s“”\"（）()—–\-0-9年]", "", normalize(m.group(1)))
        return "" if name and any(name in t or t in name for t in own) else m.group(0)

    stripped = _BOOK_TITLE.sub(strip, text)
    return stripped if stripped.strip() else text

