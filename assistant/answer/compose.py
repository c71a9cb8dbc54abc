"""The extractive answer: sentences taken from the retrieved clauses, each cited.

Short and direct first (the indicator values, or the clause that answers),
supporting clauses after; then every citation is verified.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, Mapping, Sequence

from ..normalize import normalize
from ..retrieval.lexical import is_stopword, tag, translate_english
from ..types import Answer, Chunk, Citation, Hit, IndicatorRow
from .citations import indicator_citation, quote_window, section_display, text_citation, verify
from .context import ColumnRef, Resolved
from .evidence import Scored, TermWeights, score_sentences, term_groups
from .indicators import (
    IndicatorMatcher,
    asked_unit,
    asks_baseline_only,
    asks_gap,
    asks_quantity,
    describe_distance,
    describe_row,
    given_value,
    has_baseline,
    mentioned_levels,
    select_rows,
    unit_compatible,
)
from .scope import (
    area_other_than_province,
    asked_clauses,
    asked_heads,
    asks_money,
    asks_specific,
    evidence_sufficient,
    hard_out_of_scope,
    is_place,
    missing_names,
    missing_specifics,
    named_document_content,
    unknown_topics,
)

MAX_SENTENCES = 4
_ENGLISH = re.compile(r"[A-Za-z]{3}")
OTHER_PART_MIN_IDF = 2.0  # what a sentence must add to answer the other part of a two-part question
_TWO_PARTS = re.compile(r"[和与及、]|以及|还有|分别|各(?:要|培育|建|有|是|多少|几)")
ASKED_WORDS_BONUS = 0.3  # for an indicator's related measures that hold the question's words
FIGURES_PENALTY = 0.15
_FIGURES = re.compile(r"\d+(?:\.\d+)?\s*%")
_ANY_FIGURE = re.compile(r"\d")
MAX_ANSWER_CHARS = 520
# A list question ("有哪些") is answered by more of the clauses that match it.
LIST_MAX_SENTENCES = 6
LIST_MAX_ANSWER_CHARS = 640
INDICATOR_NAMED_LEXICAL = 0.8  # of an indicator name's weight the question must hold to name it
LEAD_NAMED_SHARE = 0.7  # of a lead sentence's noun weight the question must hold to name that measure
_TABLE_NOTE = re.compile(r"(?m)^注\s*[:：].+$")
_NOW_CUES = ("现在", "目前", "现状", "进展", "差多少", "还差", "当前", "now", "current")


@dataclass
class Knowledge:
    """What composing needs from the store, loaded once."""

    sources: Mapping[str, str]  # doc_id → document text
    titles: Mapping[str, str]  # doc_id → title
    rows: Sequence[IndicatorRow]
    matcher: IndicatorMatcher
    weights: TermWeights
    corpus_norm: str  # all documents, normalized, for scope checks
    column_chunks: Mapping[tuple[str, int], Sequence[Chunk]] = field(default_factory=dict)  # (doc_id, 专栏 number) → its chunks
    sentences: Any = None  # retrieval.sentences.SentenceIndex, or None
    chunks: Sequence[Chunk] = ()

    @cached_property
    def headings(self) -> list[tuple[str, tuple[str, ...], str]]:
        """(doc_id, section path, its heading without numbering, normalized) for every section, once."""

        seen: dict[tuple[str, tuple[str, ...]], str] = {}
        for chunk in self.chunks:
            for depth, heading in enumerate(chunk.section):
                key = (chunk.doc_id, chunk.section[: depth + 1])
                if key not in seen:
                    seen[key] = normalize(_NUMBERING.sub("", heading))
        return [(doc_id, path, core) for (doc_id, path), core in seen.items()]

    @cached_property
    def column_titles(self) -> dict[tuple[str, int], str]:
        """(doc_id, 专栏 number) → its title, normalized, without quotation marks."""

        return {
            key: normalize(chunks[0].column_title or "").replace("“", "").replace("”", "")
            for key, chunks in self.column_chunks.items()
        }

    def pin_column(self, ref: ColumnRef | None, hits: Sequence[Hit]) -> ColumnRef | None:
        """The document of a 专栏 named by number only ("专栏5"): the best-ranked document that has one."""
        if ref is None or ref.doc_id is not None:
            return ref
        having = [doc_id for doc_id, n in self.column_chunks if n == ref.n]
        ranked = [h.chunk.doc_id for h in hits if h.chunk.doc_id in having]
        if having:  # the best-ranked document, else the first by name
            return ColumnRef((ranked or sorted(having))[0], ref.n)
        return ref

    @cached_property
    def table_notes(self) -> list[Chunk]:
        """A table's notes ("注：以上指标均为预期性指标") as text of their own: they are sentences, not rows."""
        notes = []
        for chunk in self.chunks:
            if chunk.kind != "table":
                continue
            for m in _TABLE_NOTE.finditer(chunk.text):
                notes.append(
                    replace(
                        chunk,
                        chunk_id=f"{chunk.chunk_id}#note{m.start()}",
                        start=chunk.start + m.start(),
                        end=chunk.start + m.end(),
                        text=m.group(0),
                        kind="text",
                    )
                )
        return notes

    def chunk_at(self, doc_id: str, offset: int) -> Chunk | None:
        for chunk in self.chunks:
            if chunk.doc_id == doc_id and chunk.start <= offset < chunk.end:
                return chunk
        return None
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Draft:
    parts: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    rows: dict[int, IndicatorRow] = field(default_factory=dict)
    given: list[str] = field(default_factory=list)  # figures the user stated ("我们现在75%")

    def cite_text(self, k: Knowledge, scored: Scored, terms: Sequence[str]) -> int:
        s = scored.sentence
        text = k.sources[s.chunk.doc_id]
        start, end = quote_window(text, s.start, s.end, scored.matched or terms)
        for c in self.citations:
            if c.kind == "text" and c.doc_id == s.chunk.doc_id and c.start == start and c.end == end:
                return c.n
        n = len(self.citations) + 1
        self.citations.append(text_citation(n, s.chunk, start, end, text))
        return n

    def cite_row(self, k: Knowledge, row: IndicatorRow) -> int:
        for c in self.citations:
            if c.kind == "indicator" and c.doc_id == row.doc_id and c.start == row.start:
                return c.n
        n = len(self.citations) + 1
        self.citations.append(indicator_citation(n, row, k.titles.get(row.doc_id, "")))
        self.rows[n] = row
        return n


def compose(
    k: Knowledge,
    resolved: Resolved,
    hits: Sequence[Hit],
    query_vector: Sequence[float] | None,
    dense_top: float,
) -> Answer:
    """Build, verify and return the extractive answer (or a refusal)."""
    question = resolved.question
    search = resolved.search_text
    scope = hard_out_of_scope(question, k.corpus_norm)
    if scope.reason:
        return refusal(question, scope.reason, hits)
    other_document = named_document_content(question, list(k.titles.values()))
    if other_document:
        return refusal(question, other_document, hits)

    groups = term_groups(search, k.weights)
    terms = [t for g in groups for t in g]
    named_column = resolved.column is None and (
        _column_named(k, question)
        # "有专门的专栏吗？" after a question about a topic: the 专栏 that topic names.
        or (resolved.previous and "专栏" in question and _column_named(k, resolved.search_text, loose=True))
    )
    if named_column:
        resolved = replace(resolved, column=named_column)
    column = k.pin_column(resolved.column, hits)
    resolved = replace(resolved, column=column)

    def in_column(chunk: Chunk) -> bool:
        return column is not None and (chunk.doc_id, chunk.column) == column

    dense: dict[tuple[str, int], float] = {}
    text_hits = [h for h in hits if h.chunk.kind != "table"]
    if k.sentences is not None and query_vector is not None:
        sims = k.sentences.similarities(query_vector)
        dense = {key: float(v) for key, v in zip(k.sentences.keys, sims)}
        # Chunks holding the best-matching sentences join the candidates.
        present = {h.chunk.chunk_id for h in text_hits}
        for (doc_id, start), _ in k.sentences.top(query_vector, 4):
            chunk = k.chunk_at(doc_id, start)
            if chunk is not None and chunk.chunk_id not in present:
                text_hits.append(Hit(chunk, 0.0, "dense-sentence"))
                present.add(chunk.chunk_id)
    # Every other text chunk follows, ranked last: a rare word of the question found
    # in a single sentence ("读四年" → 四年制高职) is evidence even when the chunk ranks low.
    present = {h.chunk.chunk_id for h in text_hits}
    text_hits += [Hit(c, 0.0, "rest") for c in k.chunks if c.kind != "table" and c.chunk_id not in present]
    text_hits += [Hit(c, 0.0, "rest") for c in k.table_notes]
    if column is not None:
        column_hits = [Hit(c, 1.0, "column") for c in k.column_chunks.get(column, ())]
        text_hits = column_hits + [h for h in text_hits if not in_column(h.chunk)]
    scored = score_sentences(search, text_hits, k.weights, groups, dense)
    if not asks_quantity(asked_clauses(question)):
        # A sentence of targets and figures answers "how much"; "can I / is there" wants the measure.
        scored = sorted(
            (replace(s, score=s.score - FIGURES_PENALTY) if _FIGURES.search(s.sentence.text) else s for s in scored),
            key=lambda s: -s.score,
        )
    elif asked_unit(question):
        # And "how many (个/所/万人)" wants the sentence that states a number before the one that only names the thing.
        scored = sorted(
            (s if _ANY_FIGURE.search(s.sentence.text) else replace(s, score=s.score - FIGURES_PENALTY) for s in scored),
            key=lambda s: -s.score,
        )
    if column is not None:
        scored.sort(key=lambda s: -(s.score + (0.5 if in_column(s.sentence.chunk) else 0.0)))

    # Words the documents never use block an answer when they carry the question:
    # when it asks for a specific value, list or date, when little else of it is found,
    # or when the word is what an asked clause is about ("……可以免学费吗").
    unknown = unknown_topics(asked_clauses(question), k.corpus_norm, k.weights)
    # An English question's words, in Chinese, that the documents never use: what it asks about.
    english = unknown_topics(translate_english(normalize(question)), k.corpus_norm, k.weights) if _ENGLISH.search(question) else []
    best_coverage = scored[0].coverage if scored else 0.0
    if english and resolved.column is None:
        return refusal(question, "文件没有提到" + "、".join(f"“{w}”" for w, _ in english[:3]), hits)
    if unknown and resolved.column is None and (
        any(is_place(u) for u in unknown)
        or any(w in asked_heads(question) for w, _ in unknown)
        or ((asks_specific(question) or best_coverage < 0.5) and not _names_indicator(k, resolved, query_vector))
    ):
        return refusal(question, "文件没有提到" + "、".join(f"“{w}”" for w, _ in unknown[:3]), hits)

    draft = _Draft()
    if k.rows and _asks_dimensions(question):
        # "发展目标表分成哪几个维度": the table's first column, each dimension cited by its first row.
        _answer_dimensions(k, draft)
        return _finish(k, draft, question, hits)
    # A 专栏 named by its title is what the user wants quoted, not the indicator table.
    rows = [] if named_column else _indicator_rows(k, resolved, query_vector, hits)
    if rows and scored and not asks_gap(search) and not _states_row_value(rows, scored[0]) and _text_explains_better(k, rows, scored[0], terms):
        rows = []  # e.g. "高水平中职学校建多少所" is a 专栏 figure, not the 中职在校生 row
    area = area_other_than_province(question) if rows else None
    if area and not any(area in " ".join(r.section) for r in rows):
        # The table holds the province's figures; a national or a city's figure is not in it.
        return refusal(question, f"发展目标表给出的是浙江省全省的指标，文件没有{area}的数据", hits)
    if rows and asks_baseline_only(question) and not any(has_baseline(r) for r in rows):
        return refusal(question, "发展目标表没有给出这项指标2020年的数值（表中为“-”），只有2025年目标", hits)
    if rows:
        # The table gives counts and shares; "which schools" is not among them.
        names = missing_names(question, [], " ".join(k.titles.values()), organizations_only=True)
        if names:
            return refusal(question, names, hits)
        _answer_indicators(k, draft, rows, question, scored, terms)
    elif column is not None and any(in_column(s.sentence.chunk) for s in scored):
        # The user named a 专栏 (or referred to the one just discussed): it is the evidence.
        from_column = [s for s in scored if in_column(s.sentence.chunk)]
        if from_column[0].coverage < 0.34:
            from_column.sort(key=lambda s: s.sentence.start)  # "what does it say": in reading order
        _answer_text(k, draft, from_column, terms, strict=False)
        missing = missing_specifics(question, [c.quote for c in draft.citations], " ".join(k.titles.values()))
        if missing:
            return refusal(question, missing, hits)
    else:
        best = scored[0] if scored else None
        if best is None or not evidence_sufficient(best.coverage, dense_top):
            return refusal(question, "文件中没有找到能回答这个问题的条款", hits)
        listing = asks_list(question)
        parts = _subsections(k, question) if listing else None
        if parts:
            path, children = parts
            first = children[0][0]
            parent = _heading_span(k, first, path[-1], children[0][1])
            if parent:
                owner = k.chunk_at(first.doc_id, parent[0]) or first
                draft.citations.append(text_citation(1, owner, *parent, k.sources[first.doc_id]))
                _answer_headings(k, draft, f"“{path[-1]}”[1]包括以下方面：", children)
            else:
                _answer_headings(k, draft, f"“{_NUMBERING.sub('', path[-1])}”包括以下方面：", children)
            return _finish(k, draft, question, hits)
        if "专栏" in question and (listing or asks_quantity(question)) and _only_about(question, "专栏"):
            # "规划里有哪些专栏 / 一共几个专栏": the columns themselves.
            columns = _column_headings(k)
            if len(columns) >= 2:
                _answer_headings(k, draft, "规划设有以下专栏：", columns)
                return _finish(k, draft, question, hits)
        # "评价改革方面有哪些做法": the question names one measure's lead ("推进职业教育评价改革。"),
        # so its paragraph is the list, not the section's other leads.
        named_lead = listing and _is_lead(k, best) and _question_holds_lead(k, question, best)
        listed = _section_leads(k, best) if listing and not named_lead else None
        # A clause that introduces a list ("主要表现为：") or names a counted set ("五个对接")
        # is answered together with the sentences that spell the list out.
        members = _counted_set_members(k, best, question) or (
            _paragraph_rest(k, best) if named_lead or _introduces_list(best) else []
        )
        if listed:
            _answer_text(k, draft, listed, terms, strict=False, limit=len(listed))
        elif listing or members:
            ordered = [best, *members, *scored[1:]]
            limit = max(LIST_MAX_SENTENCES, 1 + len(members)) if named_lead else LIST_MAX_SENTENCES
            _answer_text(k, draft, ordered, terms, limit=limit, max_chars=LIST_MAX_ANSWER_CHARS, keep=1 + len(members))
        elif _ASKS_CLAUSE.search(question) and _paragraph_lead(k, best):
            # Staff asking for "the clause": the paragraph's lead sentence names the measure the sentence belongs to.
            _answer_text(k, draft, [_paragraph_lead(k, best), best, *scored[1:]], terms, keep=2)
        else:
            _answer_text(k, draft, scored, terms, parts_asked=bool(_TWO_PARTS.search(question)))
        missing = missing_specifics(question, [c.quote for c in draft.citations], " ".join(k.titles.values()))
        if missing:
            return refusal(question, missing, hits)

    return _finish(k, draft, question, hits)


def _finish(k: Knowledge, draft: _Draft, question: str, hits: Sequence[Hit]) -> Answer:
    """Verify every quote and number of the draft; refuse if nothing survives."""
    verified = verify("".join(draft.parts), draft.citations, k.sources, draft.rows, draft.given)
    if not verified.citations:
        return refusal(question, "找到的条款未能通过引文核对", hits)
    return Answer(
        question=question,
        answer=verified.answer,
        found=True,
        mode="extractive",
        citations=verified.citations,
        warnings=tuple(k.warnings) + verified.dropped,
    )


_TITLE_LEAD = re.compile(r"^(职业院校|职业教育)")
_TITLE_TAIL = re.compile(r"(行动计划|建设计划|计划|行动|项目|建设)$")


def _column_named(k: Knowledge, question: str, loose: bool = False) -> ColumnRef | None:
    """The 专栏 whose title the question names ("智慧校园提升行动…"), the longest match winning.

    ``loose``: the title without its "建设/行动计划" tail also counts, for a question
    that asks for a 专栏 by its topic ("温台职业教育创新高地…有专栏吗").
    """

    norm = normalize(question).replace("“", "").replace("”", "").replace('"', "")
    best: tuple[ColumnRef, int] | None = None
    for (doc_id, n), title in k.column_titles.items():
        short = _TITLE_TAIL.sub("", title)
        for name in {title, _TITLE_LEAD.sub("", title), short if loose and len(short) >= 6 else title}:
            if len(name) >= 4 and name in norm and (best is None or len(name) > best[1]):
                best = (ColumnRef(doc_id, n), len(name))
    return best[0] if best else None


# "多少毕业生", "几所学校": a count of things (a noun right after 多少/几), not a share.
_COUNT_OF = re.compile(r"(?:多少|(?<![哪好这那近前])几)(?!个?百分点|个?点|比例|比重|倍|成|[呢吗啊呀了的是])[\u4e00-\u9fff]")
_RATIO_WORDS = re.compile(r"比例|比重|占比|比率|率|百分|覆盖|%|多大")


def _names_indicator(k: Knowledge, resolved: Resolved, query_vector) -> bool:
    """The question spells out an indicator's name ("1+X证书获取率的起点和目标"): a value asked
    for is that row's, and another word of the question ("起点") only frames the asking."""
    if not k.rows:
        return False
    matches = k.matcher.match(resolved.search_text, query_vector)
    return max((m.lexical for m in matches), default=0.0) >= INDICATOR_NAMED_LEXICAL


def _indicator_rows(k: Knowledge, resolved: Resolved, query_vector, hits: Sequence[Hit]) -> list[IndicatorRow]:
    if not k.rows:
        return []
    asked = resolved.question if not resolved.previous else resolved.search_text
    if not asks_quantity(asked_clauses(asked)):
        return []  # "为了提高双师型比例，招聘上提了什么条件？" asks for conditions, not the ratio
    from ..retrieval.lexical import expand_query

    expanded = expand_query(resolved.search_text)
    matches = k.matcher.match(resolved.search_text, query_vector, expanded)
    # The question's own level wins over the one in the previous turn ("那高职呢？").
    levels = mentioned_levels(resolved.question, expand_query(resolved.question)) or mentioned_levels(
        resolved.search_text, expanded
    )
    table_ranked = any(h.chunk.kind == "table" for h in hits[:3])
    rows = select_rows(matches, levels, min_score=0.42 if table_ranked else 0.55, parts_asked=bool(_TWO_PARTS.search(asked)))
    # A count asked in one unit is not answered by a row in another (几所 ≠ 万人).
    asked = asked_unit(resolved.question)
    if asked:
        rows = [r for r in rows if unit_compatible(asked, r.unit)]
    if _COUNT_OF.search(normalize(resolved.question)) and not _RATIO_WORDS.search(normalize(resolved.question)):
        rows = [r for r in rows if r.unit != "%"]  # "送出去多少毕业生" counts people, it asks no share
    if asks_money(asked_clauses(resolved.question)) and not asks_gap(resolved.question):
        rows = [r for r in rows if r.unit.endswith("元")]  # "平均工资多少" is not a share of teachers
    return rows


def _states_row_value(rows: Sequence[IndicatorRow], best: Scored) -> bool:
    """The best sentence states a row's 2025 target ("年培训人数达到 150 万人次"): the row is the same fact, as data."""
    text = best.sentence.text
    return any(
        re.search(rf"(?<![\d.]){re.escape(r.target_2025)}(?![\d.])\s*(?:{re.escape(r.unit)}|万|%|个|所)", text)
        for r in rows
        if r.target_2025 not in ("-", "—")
    )


def _text_explains_better(k: Knowledge, rows: Sequence[IndicatorRow], best: Scored, terms: Sequence[str]) -> bool:
    """Compare how much of the question the rows hold with how much the best sentence holds."""
    from .indicators import LEVELS, QUANTITY_CUES

    # Levels are settled by row selection (and may come from the previous turn).
    content = [t for t in terms if t not in LEVELS and not any(t in cue or cue in t for cue in QUANTITY_CUES)]
    if not content:
        return False
    weight = {t: k.weights.idf(t) for t in content}
    total = sum(weight.values()) or 1.0
    # A row's headings (the table's title, "…“十四五”发展目标") are its context, as a sentence's are.
    row_text = normalize(" ".join(f"{' '.join(r.section)} {r.dimension} {r.indicator} {r.level or ''}" for r in rows))
    sentence = normalize(best.sentence.text + " " + " ".join(best.sentence.chunk.section))
    row_cov = sum(w for t, w in weight.items() if t in row_text) / total
    text_cov = sum(w for t, w in weight.items() if t in sentence) / total
    return row_cov < 0.5 and text_cov > row_cov + 0.15


def _answer_indicators(k: Knowledge, draft: _Draft, rows: Sequence[IndicatorRow], question: str, scored, terms) -> None:
    for row in rows[:4]:
        n = draft.cite_row(k, row)
        draft.parts.append(f"{describe_row(row)}[{n}]。")
    # "我们现在75%，还差几个点": the distance from the user's own figure, for a single row.
    given = given_value(question, rows[0]) if len(rows) == 1 else None
    distance = describe_distance(rows[0], given) if given else None
    if distance:
        draft.given.append(given)
        draft.parts.append(f"{distance}[{draft.cite_row(k, rows[0])}]。")
    notes = {r.note for r in rows if r.note}
    if notes:
        n = draft.cite_row(k, rows[0])
        draft.parts.append(f"{'；'.join(sorted(notes))}[{n}]。")
    if any(cue in question for cue in _NOW_CUES):
        draft.parts.append("规划期为2021—2025年，表中给出的是2020年基数和2025年目标，没有逐年的实际进展数据。")
    # The plan's measures that act on this indicator: sentences that hold the
    # indicator's own distinctive terms, not just the question's wording.
    from .indicators import indicator_core

    focus_groups = term_groups(" ".join(indicator_core(r.indicator) for r in rows))
    focus = [t for g in focus_groups for t in g]
    hits = list({id(s.sentence.chunk): s.sentence.chunk for s in scored}.values())
    rescored = score_sentences(" ", [_as_hit(c) for c in hits], k.weights, focus_groups) if focus else []
    # Among them, those that also hold the question's own words come first ("名额会增加吗" → 增加专升本计划).
    asked = {
        (s.sentence.chunk.doc_id, s.sentence.start): s.coverage
        for s in score_sentences(" ", [_as_hit(c) for c in hits], k.weights, term_groups(question, k.weights))
    }
    rescored.sort(key=lambda s: -(s.score + ASKED_WORDS_BONUS * asked.get((s.sentence.chunk.doc_id, s.sentence.start), 0.0)))
    # At most one sentence that restates a row's target (the plan's own wording of it);
    # the rest are measures.
    candidates = [s for s in rescored if s.coverage >= 0.35]
    restating = [s for s in candidates if _states_row_value(rows, s)]
    related = sorted(restating[:1] + [s for s in candidates if s not in restating][: 2 - len(restating[:1])],
                     key=candidates.index)
    if related:
        draft.parts.append("\n规划中相关的举措：")
        for s in related:
            n = draft.cite_text(k, s, focus)
            draft.parts.append(f"{_quoted_text(k, draft, n)}[{n}]")


def _as_hit(chunk):
    return Hit(chunk, 0.0, "hybrid")


_ASKS_LIST = re.compile(r"哪些|有哪几|分别[指是有]|几块|几部分|几个部分|列一下|列出|列举|哪[几两三四五六七八九十](?:[条项个点类种大]|方面|部分)|包括哪些|包括什么|分别是|哪些方面|哪些原则|几条原则")
_LEAD_MAX_CHARS = 40


# The indicator table's first column is headed 维度; its values group the indicators.
# The plan's text uses 维度 too ("从…就业质量等维度"): the question must be about the indicators.
_DIMENSIONS_ASKED = re.compile(r"维度|(?:哪几类|哪些类|几大类|哪几个方面|哪几块)")
_ABOUT_INDICATORS = re.compile(r"指标|目标表|发展目标")


def _asks_dimensions(question: str) -> bool:
    norm = normalize(question)
    if "专栏" in norm or not (_DIMENSIONS_ASKED.search(norm) and _ABOUT_INDICATORS.search(norm)):
        return False
    return asks_list(norm) or asks_quantity(norm) or "几个" in norm


def _answer_dimensions(k: Knowledge, draft: _Draft) -> None:
    first: dict[str, IndicatorRow] = {}
    for row in sorted(k.rows, key=lambda r: r.start):
        if row.dimension:
            first.setdefault(row.dimension, row)
    parts = [f"{name}[{draft.cite_row(k, row)}]" for name, row in first.items()]
    draft.parts.append("发展目标表的指标分为以下维度：" + "、".join(parts) + "。")
    note = next((r for r in first.values() if r.note), None)
    if note is not None:
        draft.parts.append(f"{note.note}[{draft.cite_row(k, note)}]。")


def asks_list(question: str) -> bool:
    return bool(_ASKS_LIST.search(question))


_LIST_WORDS = frozenset("包括 包含 内容 方面 部分 分为 分成 几个 几条 几项 几块 列出 列举 条 项 个 点".split())
_NUMBERING = re.compile(r"^\s*[（(]?[一二三四五六七八九十]+[)）、]\s*")


def _only_about(question: str, subject: str) -> bool:
    """The question asks about ``subject`` as a whole: its other words only ask for a list or a count."""
    from ..retrieval.lexical import tokenize

    return all(
        t in subject or t in _LIST_WORDS or len(t) == 1 or t.startswith(("哪", "几"))
        for t in tokenize(question)
    )


def _subsections(k: Knowledge, question: str) -> tuple[tuple[str, ...], list[tuple[Chunk, int, int]]] | None:
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
    if not _only_about(question, best_core):
        return None
    children: dict[str, tuple[Chunk, int, int]] = {}
    for chunk in k.chunks:
        if chunk.doc_id != doc_id or chunk.section[: len(best)] != best or len(chunk.section) <= len(best) or chunk.kind != "text":
            continue
        heading = chunk.section[len(best)]
        if heading in children:
            continue
        span = _heading_span(k, chunk, heading, chunk.start + len(heading))
        if span:
            children[heading] = (chunk, *span)
    if len(children) < 2:
        return None
    return best, sorted(children.values(), key=lambda c: c[1])


def _heading_span(k: Knowledge, chunk: Chunk, heading: str, before: int) -> tuple[int, int] | None:
    """(start, end) in ``chunk``'s document of the heading line that precedes offset ``before``."""
    at = k.sources[chunk.doc_id].rfind(heading, 0, before)
    return (at, at + len(heading)) if at != -1 else None


def _column_headings(k: Knowledge) -> list[tuple[Chunk, int, int]]:
    """Each 专栏's heading line: a chunk of it and the heading's span in the document text."""
    out = []
    for key in sorted(k.column_chunks):
        chunk = min(k.column_chunks[key], key=lambda c: c.start)
        span = _heading_span(k, chunk, chunk.section[-1], chunk.start + len(chunk.section[-1]))
        if span:
            out.append((chunk, *span))
    return out


def _answer_headings(k: Knowledge, draft: _Draft, lead: str, children) -> None:
    draft.parts.append(lead)
    for i, (chunk, start, end) in enumerate(children):
        n = len(draft.citations) + 1
        draft.citations.append(text_citation(n, chunk, start, end, k.sources[chunk.doc_id]))
        draft.parts.append(f"{'；' if i else ''}{draft.citations[-1].quote}[{n}]")
    draft.parts.append("。")


def _is_lead(k: Knowledge, best: Scored) -> bool:
    """``best`` is a short sentence that opens its paragraph (a measure's name, "推进多元办学改革。")."""
    s = best.sentence
    return _starts_paragraph(k.sources[s.chunk.doc_id], s.start) and len(s.text) <= _LEAD_MAX_CHARS


def _starts_paragraph(text: str, start: int) -> bool:
    return start == 0 or text[start - 1] == "\n"


def _question_holds_lead(k: Knowledge, question: str, best: Scored) -> bool:
    """The lead sentence's nouns are the question's words, all but the common ones (改革, 建设):
    the question names that measure."""
    norm = normalize(question)
    nouns = {w for w, f in tag(best.sentence.text) if f.startswith(("n", "m", "l", "j")) and len(w) >= 2 and not is_stopword(w)}
    total = sum(k.weights.idf(w) for w in nouns)
    held = sum(k.weights.idf(w) for w in nouns if w in norm or w in best.matched)
    return total > 0 and held >= LEAD_NAMED_SHARE * total


def _section_leads(k: Knowledge, best: Scored) -> list[Scored] | None:
    """For "有哪几条" questions: the short lead sentences that open each paragraph of the best sentence's section.

    Policy documents state each principle or measure as a short lead ("立德树人，德技并修。")
    followed by its explanation; when the best match is such a lead and its section
    has several, the list of leads is the answer.
    """
    from .evidence import split_sentences

    chunk = best.sentence.chunk
    text = k.sources[chunk.doc_id]

    if not _is_lead(k, best):
        return None
    leads = []
    for c in k.chunks:
        if c.doc_id == chunk.doc_id and c.section == chunk.section and c.kind == "text":
            leads.extend(s for s in split_sentences(c, 0) if _starts_paragraph(text, s.start) and len(s.text) <= _LEAD_MAX_CHARS)
    leads.sort(key=lambda s: s.start)
    if len(leads) < 3:
        return None
    return [Scored(s, best.score, best.coverage, best.matched) for s in leads[:8]]


_LIST_INTRO = re.compile(r"[：:]|主要表现为|主要包括|包括以下|如下")


_COUNTED_SET = re.compile(r"([两二三四五六七八九十])个([\u4e00-\u9fff]{2,4}?)[”」]")
_NUMERALS = {c: i for i, c in enumerate("零一二三四五六七八九十", start=0)} | {"两": 2}


def _counted_set_members(k: Knowledge, best: Scored, question: str) -> list[Scored]:
    """For a counted set the question asks about ("五个对接"), the sentence after it in its section that spells out its members.

    Policy documents name a set by its size and then list it, each member
    repeating the set's word ("专业与行业产业对接、课程与……对接").
    """
    from .evidence import split_sentences

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


_ASKS_CLAUSE = re.compile(r"条款|段落|原文|那段|这段|那一段|这一段|哪段|规定|表述|怎么写|提法")


def _paragraph_lead(k: Knowledge, best: Scored) -> Scored | None:
    """The short sentence that opens ``best``'s paragraph ("推进多元办学改革。"), if ``best`` is not it."""
    from .evidence import split_sentences

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


def _introduces_list(best: Scored) -> bool:
    return bool(_LIST_INTRO.search(best.sentence.text))


def _paragraph_rest(k: Knowledge, best: Scored) -> list[Scored]:
    """The sentences after ``best`` in its paragraph, in reading order (they hold its list)."""
    from .evidence import split_sentences

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


def _answer_text(
    k: Knowledge,
    draft: _Draft,
    scored: Sequence[Scored],
    terms,
    strict: bool = True,
    limit: int = 0,
    max_chars: int = MAX_ANSWER_CHARS,
    keep: int = 1,
    parts_asked: bool = False,
) -> None:
    """Cite the first ``keep`` sentences, then the best of the rest that match well enough.

    ``parts_asked``: the question asks about two things ("A和B各…"); a rare word that no
    chosen sentence holds brings in the best sentence that does."""
    best = scored[0]
    chosen = [best]
    used_chars = len(best.sentence.text)
    for i, s in enumerate(scored[1:], start=1):
        if len(chosen) >= (limit or MAX_SENTENCES):
            break
        if strict and i >= keep and (s.score < 0.6 * best.score or s.coverage < 0.2):
            continue
        if any(_overlaps(s, c) for c in chosen):
            continue
        if used_chars + len(s.sentence.text) > max_chars:
            continue
        chosen.append(s)
        used_chars += len(s.sentence.text)
    if parts_asked:
        chosen = _cover_the_other_part(k, chosen, scored, limit or MAX_SENTENCES)
    for s in chosen:
        n = draft.cite_text(k, s, terms)
        draft.parts.append(f"{_quoted_text(k, draft, n)}[{n}]")


def _cover_the_other_part(k: Knowledge, chosen: list[Scored], scored: Sequence[Scored], limit: int) -> list[Scored]:
    held = {t for c in chosen for t in c.matched}
    best_new: tuple[float, Scored] | None = None
    for s in scored:
        if s in chosen or any(_overlaps(s, c) for c in chosen):
            continue
        gained = sum(k.weights.idf(t) for t in set(s.matched) - held)
        if gained >= OTHER_PART_MIN_IDF and (best_new is None or gained > best_new[0]):
            best_new = (gained, s)
    if best_new is None:
        return chosen
    kept = chosen if len(chosen) < limit else chosen[:-1]
    return [*kept, best_new[1]]


def _quoted_text(k: Knowledge, draft: _Draft, n: int) -> str:
    """The answer repeats exactly what the citation quotes (a sentence, or its window)."""
    c = draft.citations[n - 1]
    text = c.quote
    if not text.endswith(("。", "！", "？", "；", "”", "!", "?", ";")):
        source = k.sources.get(c.doc_id, "")
        # A whole line without a full stop (a table's note) is complete; a cut sentence is not.
        whole_line = c.end >= len(source) or source[c.end] == "\n"
        text = text.rstrip("，、,：:") + ("。" if whole_line else "……")
    return text


def _overlaps(a: Scored, b: Scored) -> bool:
    sa, sb = a.sentence, b.sentence
    return sa.chunk.doc_id == sb.chunk.doc_id and sa.start < sb.end and sb.start < sa.end


def refusal(question: str, reason: str, hits: Sequence[Hit]) -> Answer:
    closest: list[str] = []
    for h in hits:
        label = f"《{h.chunk.doc_title}》 {section_display(h.chunk.section, h.chunk.doc_title)}"
        if label not in closest:
            closest.append(label)
        if len(closest) == 3:
            break
    text = f"抱歉，现有文件没有涉及这个问题：{reason}。"
    if closest:
        text += "最接近的章节是：" + "；".join(closest) + "。"
    text += "我不会编造文件之外的信息，建议咨询相关学校或教育主管部门。"
    return Answer(question=question, answer=text, found=False, mode="extractive", closest=tuple(closest))


def source_answer(k: Knowledge, question: str, previous: Answer) -> Answer:
    """Where the previous answer comes from: each clause with its section path and page, cited."""
    if not previous.found or not previous.citations:
        return refusal(question, "上一个回答没有引用任何条款", ())
    parts = ["上一个回答引用的条款出自："]
    for c in previous.citations:
        where = section_display(c.section, c.doc)
        page = f"第{c.page}页，" if c.page else ""
        parts.append(f"\n《{c.doc}》{where}（{page}原文：“{c.quote}”）[{c.n}]")
    verified = verify("".join(parts), previous.citations, k.sources)
    if not verified.citations:
        return refusal(question, "引用的条款未能通过核对", ())
    return Answer(question=question, answer=verified.answer, found=True, mode="extractive", citations=verified.citations)
