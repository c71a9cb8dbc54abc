"""The plan's measures that act on an indicator row.

A measure is a sentence of the parts that set out what is to be done (主要任务和工作举措,
保障措施, the 专栏), not of those that look back or set targets. It acts on a row when it
names what the row counts (its key term: 专升本, “双师型”), or when it stands in the row's
task area: the one task section whose heading names the row's topic. The topic comes from
the row's own words, its dimension in the table (开放合作), and the clause that leads the
goal sentence restating its target ("产教融合发展水平显著提升，……大中型企业比例达到 70%"
→ “深化产教融合校企合作” and its 专栏 4).
"""

from __future__ import annotations

import re
from typing import Sequence

from ..normalize import normalize
from ..types import Chunk, Hit, IndicatorRow
from .evidence import Scored, score_sentences, split_sentences, term_groups
from .indicators import LEVEL_SCHOOLS, LEVEL_SPELLINGS, QUANTITY_CUES, indicator_core
from .knowledge import Knowledge

ASKED_WORDS_BONUS = 0.3  # for a measure that also holds the question's words
MEASURES_ASKED = 3  # measures cited when the question asks for them
ROW_NAMED_SHARE = 0.5  # of a row's name (its character pairs) a goal clause must hold to restate it
MEASURE_MIN_COVERAGE = 0.35  # of the row's terms, for a retrieved sentence to count as about the row

_ASKS_MEASURES = re.compile(r"措施|举措|办法|做法|抓手|哪些(?:具体)?(?:项目|工程|行动)|怎么(?:提高|提升|实现|做到|达到|完成)|如何(?:提高|提升|实现|做到|达到|完成)|靠什么|靠啥")

# Headings of the parts that set out what is to be done: 主要任务和工作举措, 保障措施, 行动计划.
_MEASURE_PART = re.compile(r"任务|举措|措施|保障|行动|工程|计划")
_FIGURE = re.compile(r"\d")
_TASKS_PART = re.compile(r"任务")  # the part whose sections are the task areas


def asks_measures(question: str) -> bool:
    return _ASKS_MEASURES.search(normalize(question)) is not None


def is_measure(chunk: Chunk) -> bool:
    return any(_MEASURE_PART.search(h) for h in chunk.section)


def name_nouns(k: Knowledge, row: IndicatorRow) -> list[str]:
    """The nouns of an indicator's name that are neither a level nor a measure word, as the documents use them."""
    from ..retrieval.lexical import tag

    def only_levels(w: str) -> bool:  # 高职, 高职高专; not 中高职一体化
        return w in LEVEL_SCHOOLS or not re.sub("|".join(LEVEL_SPELLINGS), "", w)

    return [
        w for w, f in tag(indicator_core(row.indicator))
        # 大中型 is a distinguishing word (b); 深度, which jieba takes for a place (ns), is none, nor is a name (nr).
        if len(w) >= 2 and f.startswith(("n", "vn", "j", "x", "eng", "b")) and f not in ("ns", "nr") and not only_levels(w)
        and not any(w in cue or cue in w for cue in QUANTITY_CUES) and k.weights.known(w)
    ]


def key_term(k: Knowledge, row: IndicatorRow) -> str:
    """The rarest noun of an indicator's name: what it counts (专升本 in 高职（高专）毕业生专升本比例,
    培训 in 职业院校开展技能培训人数)."""
    return max(name_nouns(k, row), key=k.weights.idf, default="")


def restating_lead(k: Knowledge, row: IndicatorRow) -> str:
    """The first clause of the goal sentence that states the row's 2025 target, where the plan's text has one."""
    if row.target_2025 in ("-", "—"):
        return ""
    value = re.compile(rf"(?<![\d.]){re.escape(row.target_2025)}(?![\d.])\s*{re.escape(row.unit[:2])}")
    name = _bigrams(indicator_core(row.indicator))

    def names_row(clause: str) -> bool:  # most of the row's name as written, not one word of it (学生)
        return bool(name) and len(name & _bigrams(clause)) >= ROW_NAMED_SHARE * len(name)

    for chunk in k.chunks:
        if chunk.doc_id != row.doc_id or chunk.kind != "text" or is_measure(chunk):
            continue
        for sentence in split_sentences(chunk, 0):
            clauses = re.split(r"[，,；;：:]", sentence.text)
            # The clause that states the value names the row (not another row's 50%).
            if any(value.search(c) and names_row(c) for c in clauses):
                return clauses[0]
    return ""


def _bigrams(text: str) -> set[str]:
    chars = re.sub(r"[^\w+]", "", normalize(text))
    return {chars[i : i + 2] for i in range(len(chars) - 1)}


def task_areas(k: Knowledge, row: IndicatorRow) -> frozenset[tuple[str, tuple[str, ...]]]:
    """(doc_id, section path) of the task sections whose heading (or a 专栏 heading within) names the row's
    topic; a topic word named by more than one task section points at none."""
    from ..retrieval.lexical import tag

    cache = k.derived.setdefault("task_areas", {})
    key = (row.doc_id, row.start)
    if key in cache:
        return cache[key]
    # Task sections: the children of the part of 主要任务, each with its own headings and its 专栏's.
    areas: dict[tuple[str, tuple[str, ...]], str] = {}
    for doc_id, path, core in k.headings:
        if doc_id == row.doc_id and len(path) >= 2 and _TASKS_PART.search(path[0]):
            areas[(doc_id, path[:2])] = areas.get((doc_id, path[:2]), "") + "|" + core
    # The goal text's lead clause labels the row's topic and the key term names it; the table's dimension
    # labels it only as a whole (开放合作, 社会服务; not the 质量 of 发展质量).
    source = " ".join((key_term(k, row), restating_lead(k, row)))
    words = {w for w, f in tag(source) if len(w) >= 2 and f.startswith(("n", "vn", "j", "x", "eng")) and k.weights.known(w)}
    words.add(row.dimension)
    found: set[tuple[str, tuple[str, ...]]] = set()
    for word in words:
        naming = [area for area, headings in areas.items() if normalize(word) in headings]
        if len(naming) == 1:
            found.add(naming[0])
    cache[key] = frozenset(found)
    return cache[key]


def in_areas(chunk: Chunk, areas) -> bool:
    return (chunk.doc_id, tuple(chunk.section[:2])) in areas


def _as_hit(chunk: Chunk) -> Hit:
    return Hit(chunk, 0.0, "hybrid")


def related_measures(
    k: Knowledge,
    rows: Sequence[IndicatorRow],
    question: str,
    scored: Sequence[Scored],
    focus_groups,
    restates,
) -> list[Scored]:
    """At most one sentence restating a row's target (the plan's own wording of it), then the measures
    that act on the rows: those naming the key term or standing in the task area first."""
    key = key_term(k, rows[0])
    areas = task_areas(k, rows[0])
    # The retrieved chunks first, then every other chunk of the plan's tasks that names the key term or
    # stands in the task area ("适度增加专升本计划" acts on 专升本比例 wherever retrieval ranked it).
    chunks = list({id(s.sentence.chunk): s.sentence.chunk for s in scored}.values())
    held = {id(c) for c in chunks}
    chunks += [
        c for c in k.chunks
        if c.kind == "text" and id(c) not in held and is_measure(c) and ((key and key in normalize(c.text)) or in_areas(c, areas))
    ]
    hits = [_as_hit(c) for c in chunks]
    rescored = score_sentences(" ", hits, k.weights, focus_groups)
    # Those that also hold the question's own words come first ("名额会增加吗" → 增加专升本计划).
    asked = {
        (s.sentence.chunk.doc_id, s.sentence.start): s.coverage
        for s in score_sentences(" ", hits, k.weights, term_groups(question, k.weights))
    }
    rescored.sort(key=lambda s: -(s.score + ASKED_WORDS_BONUS * asked.get((s.sentence.chunk.doc_id, s.sentence.start), 0.0)))
    candidates = [s for s in rescored if s.coverage >= MEASURE_MIN_COVERAGE]
    restating = [s for s in candidates if restates(s)]
    keyed = [s for s in rescored if key and key in normalize(s.sentence.text)]
    in_area = [s for s in rescored if in_areas(s.sentence.chunk, areas)]

    def measures_of(ordered):
        return list({id(s): s for s in ordered if s not in restating and is_measure(s.sentence.chunk)}.values())

    acting = set(map(id, keyed + in_area))
    own = measures_of(
        [s for s in candidates if id(s) in acting] + [s for s in keyed if s not in candidates] + [s for s in in_area if s not in candidates]
    )
    # Asked for the measures themselves ("有啥具体办法提高这个比例"), more of them; and the task area's
    # 专栏, the plan's concrete programme there ("政校企共建 20 个产业学院"), among them.
    if not asks_measures(question):
        # Asked only the figure: no measure names what the row counts (研究生学历) and none stands in its
        # task area, so a clause that merely shares its words (思政课专任教师) is not added.
        return restating[:1] + own[: 2 - len(restating[:1])]
    measures = own or measures_of(candidates)
    chosen = measures[:MEASURES_ASKED]
    programme = next((s for s in in_area if s.sentence.chunk.column and s not in restating and _FIGURE.search(s.sentence.text)), None)
    if programme is not None and not any(s.sentence.chunk.column for s in chosen):
        chosen = chosen[: MEASURES_ASKED - 1] + [programme]
    return restating[:1] + chosen
