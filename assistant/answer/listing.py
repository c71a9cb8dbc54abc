"""Answers shaped by the document's structure: lists, sections, and questions that ask for several things.

Policy documents state a section's measures as subsections, a paragraph's
points as short lead sentences followed by their explanation, and counted sets
("五个对接") by their size before spelling them out; each of those shapes has
its finder here, as has the section a question only names ("指导思想是什么").
The question shapes that call for them are recognised here too: lists (有哪些),
two parts (A和B各…) and their coordinated words, and the clause itself (原文).
"""

from __future__ import annotations

import re
from typing import Sequence

from ..normalize import normalize
from ..retrieval.lexical import is_stopword, synonyms, tag, tokenize
from ..types import Chunk
from .citations import MAX_QUOTE_CHARS, AnswerDraft, text_citation
from .evidence import Scored, split_sentences
from .knowledge import Knowledge


_ASKS_LIST = re.compile(r"哪些|有哪几|分别[指是有]|几块|几部分|几个部分|列一下|列出|列举|哪(?:[几两三四五六七八九十]|\d+)(?:[条项个点类种大所家门]|方面|部分)|包括哪些|包括什么|分别是|哪些方面|哪些原则|几条原则|(?:一共|共|总共|有)几(?:条|个方面|方面|部分)")


_TWO_PARTS = re.compile(r"[和与及、]|以及|还有|分别|各(?:要|培育|建|有|是|多少|几)|呢[，,]\S")  # "高职呢，职教本科呢"


_ASKS_CLAUSE = re.compile(r"条款|段落|原文|那段|这段|那一段|这一段|哪段|规定|表述|怎么写|提法")


_LEAD_MAX_CHARS = 40


LEAD_NAMED_SHARE = 0.7  # of a lead sentence's noun weight the question must hold to name that measure


def asks_list(question: str) -> bool:
    """The question asks for a list (有哪些、哪几条、列一下), not for figures ("有哪些具体数量")."""
    return bool(_ASKS_LIST.search(question)) and not asks_figures(question)


# "有量化目标吗", "有没有具体数字": whether there are figures asks for them too.
_ASKS_FIGURES = re.compile(r"(?:哪些|什么|啥|有没有|有)\S{0,3}(?:数量|数字|数据|数值|量化)")


def asks_figures(question: str) -> bool:
    """"思政课这块有哪些具体数量？", "有量化目标吗": the figures stated about something, whatever they count."""
    return bool(_ASKS_FIGURES.search(question))


_LIST_WORDS = frozenset("包括 包含 内容 方面 部分 分为 分成 几个 几条 几项 几块 列出 列举 条 项 个 点".split())


def only_about(question: str, subject: str) -> bool:
    """The question asks about ``subject`` as a whole: its other words only ask for a list or a count."""
    return all(
        t in subject or t in _LIST_WORDS or len(t) == 1 or t.startswith(("哪", "几"))
        for t in tokenize(question)
    )


def subsections(k: Knowledge, question: str) -> tuple[tuple[str, ...], list[tuple[Chunk, int, int]]] | None:
    """For "保障措施包括哪几个方面": the section the question names, and its subsections' headings.

    Returns the section path and, for each subsection, a chunk of it and the
    span of its heading in the document text. None unless it has two or more.
    """

    norm = normalize(question)
    best: tuple[str, ...] | None = None
    doc_id = best_core = ""
    for heading_doc, path, core in k.headings:
        names = [core, *(p for p in core.split("和") if len(p) >= 4)]
        if len(core) >= 4 and any(n in norm for n in names) and (best is None or len(path) > len(best)):
            best, doc_id, best_core = path, heading_doc, core
    if best is None:
        return None
    # Only when the section is all the question is about ("主要任务里关于教师的举措" is not).
    if not only_about(question, best_core):
        return None
    children: dict[str, tuple[Chunk, int, int]] = {}
    for chunk in k.chunks:
        if chunk.doc_id != doc_id or chunk.section[: len(best)] != best or len(chunk.section) <= len(best) or chunk.kind != "text":
            continue
        heading = chunk.section[len(best)]
        if heading in children:
            continue
        span = k.heading_span(chunk, heading, chunk.start + len(heading))
        if span:
            children[heading] = (chunk, *span)
    if len(children) < 2:
        return None
    return best, sorted(children.values(), key=lambda c: c[1])


def column_headings(k: Knowledge) -> list[tuple[Chunk, int, int]]:
    """Each 专栏's heading line: a chunk of it and the heading's span in the document text."""
    out = []
    for key in sorted(k.column_chunks):
        chunk = min(k.column_chunks[key], key=lambda c: c.start)
        span = k.heading_span(chunk, chunk.section[-1], chunk.start + len(chunk.section[-1]))
        if span:
            out.append((chunk, *span))
    return out


def answer_headings(k: Knowledge, draft: AnswerDraft, lead: str, children) -> None:
    """Answer with a lead and each child's heading line, cited one by one."""
    draft.parts.append(lead)
    for i, (chunk, start, end) in enumerate(children):
        n = len(draft.citations) + 1
        draft.citations.append(text_citation(n, chunk, start, end, k.sources[chunk.doc_id]))
        draft.parts.append(f"{'；' if i else ''}{draft.citations[-1].quote}[{n}]")
    draft.parts.append("。")


def is_lead(k: Knowledge, best: Scored) -> bool:
    """``best`` is a short sentence that opens its paragraph (a measure's name, "推进多元办学改革。")."""
    s = best.sentence
    return _starts_paragraph(k.sources[s.chunk.doc_id], s.start) and len(s.text) <= _LEAD_MAX_CHARS


def _starts_paragraph(text: str, start: int) -> bool:
    return start == 0 or text[start - 1] == "\n"


def question_holds_lead(k: Knowledge, question: str, best: Scored) -> bool:
    """The lead sentence's nouns are the question's words, all but the common ones (改革, 建设):
    the question names that measure."""
    norm = normalize(question)
    nouns = {w for w, f in tag(best.sentence.text) if f.startswith(("n", "m", "l", "j")) and len(w) >= 2 and not is_stopword(w)}
    total = sum(k.weights.idf(w) for w in nouns)
    held = sum(k.weights.idf(w) for w in nouns if w in norm or w in best.matched)
    return total > 0 and held >= LEAD_NAMED_SHARE * total


def paragraph_answers_more(k: Knowledge, best: Scored, groups: Sequence[Sequence[str]]) -> bool:
    """The question's words that the lead ``best`` lacks are found in its own paragraph more than
    in the section's other leads ("在扩大职业培训上，培训载体有哪些安排": the paragraph under
    "探索超常规扩大职业培训新路子。" holds them, the other measures do not)."""
    leads = section_leads(k, best)
    rest = paragraph_rest(k, best)
    if not leads or not rest:
        return False
    held = set(best.matched)
    wanted = [g for g in groups if not any(t in held for t in g)]

    def weight(sentences: Sequence[Scored]) -> float:
        text = normalize("".join(s.sentence.text for s in sentences))
        return sum(min(k.weights.phrase_idf(t) for t in g) for g in wanted if any(t in text for t in g))

    others = [run[0] for run in leads if run[0].sentence.start != best.sentence.start]
    return weight(rest) > weight(others)


def section_leads(k: Knowledge, best: Scored, max_chars: int = 0) -> list[list[Scored]] | None:
    """For "有哪几条" questions: the short lead sentences that open each paragraph of the best sentence's section.

    Policy documents state each principle or measure as a short lead ("立德树人，德技并修。")
    followed by its explanation; when the best match is such a lead and its section
    has several, the list of leads is the answer: one run of sentences per lead, each lead with
    its first explaining sentence when all of them fit in ``max_chars``.
    """
    chunk = best.sentence.chunk
    text = k.sources[chunk.doc_id]

    if not is_lead(k, best):
        return None
    sentences = sorted(
        (s for c in k.chunks if c.doc_id == chunk.doc_id and c.section == chunk.section and c.kind == "text"
         for s in split_sentences(c, 0)),
        key=lambda s: s.start,
    )
    leads = [s for s in sentences if _starts_paragraph(text, s.start) and len(s.text) <= _LEAD_MAX_CHARS][:8]
    if len(leads) < 3:
        return None
    runs = [[lead] for lead in leads]
    # Each lead with the sentence that begins to explain it ("立德树人，德技并修。培育和践行…"), one quote
    # for both, when all of them fit.
    following = [
        next((s for s in sentences if s.start >= lead.end and s.chunk.chunk_id == lead.chunk.chunk_id), None)
        for lead in leads
    ]
    explained = [
        [lead, after] for lead, after in zip(leads, following)
        if after is not None and not _starts_paragraph(text, after.start) and after.end - lead.start <= MAX_QUOTE_CHARS
    ]
    if len(explained) == len(leads) and sum(len(s.text) for run in explained for s in run) <= max_chars:
        runs = explained
    return [[Scored(s, best.score, best.coverage, best.matched) for s in run] for run in runs]


_LIST_INTRO = re.compile(r"[：:]|主要表现为|主要包括|包括以下|如下")


_COUNTED_SET = re.compile(r"([两二三四五六七八九十])个([\u4e00-\u9fff]{2,4}?)[”」]")


_NUMERALS = {c: i for i, c in enumerate("零一二三四五六七八九十", start=0)} | {"两": 2}


def counted_set_members(k: Knowledge, best: Scored, question: str) -> list[Scored]:
    """For a counted set the question asks about ("五个对接"), the sentence after it in its section that spells out its members.

    Policy documents name a set by its size and then list it, each member
    repeating the set's word ("专业与行业产业对接、课程与……对接").
    """
    m = _COUNTED_SET.search(best.sentence.text)
    if not m or normalize(m.group(0).rstrip("”」")) not in normalize(question):
        return []
    size, word = _NUMERALS[m.group(1)], m.group(2)
    s = best.sentence
    after: dict[int, Scored] = {}
    for c in k.chunks:
        if c.doc_id == s.chunk.doc_id and c.section == s.chunk.section and c.kind == "text":
            for sentence in split_sentences(c, s.rank):
                if sentence.start >= s.end and word in sentence.text:
                    after.setdefault(sentence.start, Scored(sentence, best.score, best.coverage, best.matched))
    # One sentence that repeats the set's word for (nearly) every member.
    for start in sorted(after):
        if after[start].sentence.text.count(word) >= max(2, size - 1):
            return [after[start]]
    return []


def paragraph_lead(k: Knowledge, best: Scored) -> Scored | None:
    """The short sentence that opens ``best``'s paragraph ("推进多元办学改革。"), if ``best`` is not it."""
    s = best.sentence
    text = k.sources[s.chunk.doc_id]
    start = text.rfind("\n", 0, s.start) + 1
    if start == s.start:
        return None
    chunk = k.chunk_at(s.chunk.doc_id, start)
    if chunk is None:
        return None
    for sentence in split_sentences(chunk, s.rank):
        if sentence.start == start and len(sentence.text) <= _LEAD_MAX_CHARS:
            return Scored(sentence, best.score, best.coverage, best.matched)
    return None


def introduces_list(best: Scored) -> bool:
    """The sentence introduces a list ("主要表现为：", "包括以下")."""
    return bool(_LIST_INTRO.search(best.sentence.text))


def paragraph_rest(k: Knowledge, best: Scored) -> list[Scored]:
    """The sentences after ``best`` in its paragraph, in reading order (they hold its list)."""
    s = best.sentence
    text = k.sources[s.chunk.doc_id]
    end = text.find("\n", s.end)
    end = len(text) if end == -1 else end
    rest: dict[int, Scored] = {}
    for c in k.chunks:
        if c.doc_id == s.chunk.doc_id and c.kind == "text" and c.start < end and c.end > s.end:
            for sentence in split_sentences(c, s.rank):
                if s.end <= sentence.start and sentence.end <= end:
                    rest.setdefault(sentence.start, Scored(sentence, best.score, best.coverage, best.matched))
    return [rest[start] for start in sorted(rest)]


def asks_two_parts(question: str) -> bool:
    """The question asks about two things at once ("A和B分别…", "各要…")."""
    return bool(_TWO_PARTS.search(question))


def asks_for_clause(question: str) -> bool:
    """Staff asking for the clause itself (条款、原文、怎么写) rather than its gist."""
    return bool(_ASKS_CLAUSE.search(question))


_CONJUNCTIONS = frozenset(("和", "与", "及", "、", "以及", "跟", "同"))


def coordinated_terms(question: str, weights) -> list[tuple[str, ...]]:
    """The words joined by 和/与/及/、 in the question ("省级和设区市" → 省级, 设区), each as the
    documents' words for it (an everyday word by its translations: 省里 → 省级): a two-part
    question is answered for each of them."""
    table = synonyms()
    tokens = [w for w, _ in tag(normalize(question)) if w.strip()]
    out: list[tuple[str, ...]] = []
    for i, t in enumerate(tokens[1:-1], start=1):
        if t not in _CONJUNCTIONS:
            continue
        for word in (tokens[i - 1], tokens[i + 1]):
            if len(word) < 2 or is_stopword(word):
                continue
            group = tuple(w for w in (word, *table.get(word, ())) if weights.known(w))
            if group and group not in out:
                out.append(group)
    return out


def named_section(k: Knowledge, question: str) -> tuple[str, tuple[str, ...]] | None:
    """"规划的主要目标是什么": the section whose heading holds every word of the question (发展目标),
    the shallowest if several do. None when the question says more than a heading does, or when
    several headings of that depth fit ("几个专栏" fits every 专栏)."""
    words = [t for t in tokenize(question) if len(t) >= 2 and t not in _LIST_WORDS]
    if not words:
        return None
    found = [(doc_id, path) for doc_id, path, core in k.headings if len(core) >= 4 and all(w in core for w in words)]
    if not found:
        return None
    depth = min(len(path) for _, path in found)
    shallowest = [f for f in found if len(f[1]) == depth]
    return shallowest[0] if len(shallowest) == 1 else None


def section_opening(k: Knowledge, doc_id: str, path: tuple[str, ...], rank: int = 0) -> list[Scored]:
    """The sentences of a section (its subsections included) in reading order, as evidence."""
    sentences = [
        s for c in k.chunks
        if c.doc_id == doc_id and c.kind == "text" and c.section[: len(path)] == path
        for s in split_sentences(c, rank)
    ]
    sentences.sort(key=lambda s: s.start)
    return [Scored(s, 1.0, 1.0, ()) for s in sentences]
