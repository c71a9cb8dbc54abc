"""The extractive answer: sentences taken from the retrieved clauses, each cited.

Short and direct first (the indicator values, or the clause that answers),
supporting clauses after; then every citation is verified. The indicator table's
answers are in ``indicator_answer.py``, list answers in ``listing.py``, refusals'
tests in ``scope.py``; this module decides which of them answers a question.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from ..normalize import normalize
from ..retrieval.lexical import translate_english
from ..types import Answer, Chunk, Hit
from .citations import AnswerDraft, clause_runs, section_display, text_citation, verify
from .context import META_WORDS, ColumnRef, Resolved, has_own_topic, only_vague
from .evidence import Scored, score_sentences, term_groups
from .indicator_answer import (
    answer_dimensions,
    answer_indicators,
    asks_dimensions,
    indicator_rows,
    names_indicator,
    other_level_only,
    states_row_value,
    text_explains_better,
)
from .indicators import asked_unit, asks_baseline_only, asks_gap, asks_quantity, compared_with_target, has_baseline
from .knowledge import NUMBERING, Knowledge
from .listing import (
    answer_headings,
    asks_figures,
    asks_for_clause,
    asks_list,
    asks_two_parts,
    column_headings,
    coordinated_terms,
    counted_set_members,
    introduces_list,
    is_lead,
    named_section,
    only_about,
    paragraph_answers_more,
    paragraph_lead,
    paragraph_rest,
    question_holds_lead,
    section_leads,
    section_opening,
    subsections,
)
from .smalltalk import small_talk
from .scope import (
    area_other_than_province,
    asked_clauses,
    asked_heads,
    asks_criteria,
    asks_duration,
    asks_specific,
    evidence_sufficient,
    frames_value,
    hard_out_of_scope,
    is_place,
    missing_names,
    missing_specifics,
    named_document_content,
    part_of_the_whole,
    question_parts,
    condition_for,
    states_duration,
    unknown_head_blocks,
    unknown_topics,
)

__all__ = ["Knowledge", "compose", "refusal", "source_answer"]


MAX_SENTENCES = 4
COLUMN_HIT_DEPTH = 3  # hits searched for the 专栏 a conversation is about when it named none
_ENGLISH = re.compile(r"[A-Za-z]{3}")
_ENGLISH_QUESTION = re.compile(r"^[^\u4e00-\u9fff]*[a-z]{3}[^\u4e00-\u9fff]*$")  # English, no Chinese
_ENGLISH_LIST = re.compile(r"\bwhat are\b|\blist\b|\bwhich\b[^?]*\bare\b|\bwhat\b[^?]*\binclude")
OTHER_PART_MIN_IDF = 2.0  # what a sentence must add to answer the other part of a two-part question
COORDINATE_MIN_SHARE = 0.5  # of the best score, for a sentence brought in for one coordinated term
FIGURES_PENALTY = 0.15
# "职业院校包不包括技校", "技校算不算职业院校": what a term covers is stated where the plan defines it ("职业院校（含技工院校，下同）").
_ASKS_SCOPE = re.compile(r"包不包括|包括不包括|包含不包含|含不含|是否包括|是否包含|算不算|属不属于|属于不属于|包括[^，。？?]{1,12}吗|包含[^，。？?]{1,12}吗")
_STATES_SCOPE = re.compile(r"[（(]\s*含|包括|包含")
SCOPE_BONUS = 0.4
ASKED_CLAUSE_BONUS = 0.3  # of the asked clauses' coverage, added to a sentence's score
_FIGURES = re.compile(r"\d+(?:\.\d+)?\s*%")
_ANY_FIGURE = re.compile(r"\d")
MAX_ANSWER_CHARS = 520
HEADLINE_MAX_CHARS = 20  # a paragraph's opening sentence this short is its headline
SECTION_OPENING_SENTENCES = 2
PERIOD_MIN_SHARE = 0.5  # of the best score, for the sentence that states the period asked for


# A list question ("有哪些") is answered by more of the clauses that match it.
LIST_MAX_SENTENCES = 6
LIST_MAX_ANSWER_CHARS = 640


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
    chat = small_talk(question, list(k.titles.values()))
    if chat is not None:
        return chat
    scope = hard_out_of_scope(question, k.corpus_norm)
    if scope.reason:
        return refusal(question, scope.reason, hits)
    other_document = named_document_content(question, list(k.titles.values()))
    if other_document:
        return refusal(question, other_document, hits)

    own_column = _column_named(k, question)
    if own_column is not None and resolved.previous:
        # A follow-up that names its 专栏 ("那云上三名那个专栏，…") asks about that one, not the last.
        resolved = replace(resolved, column=None, search_text=question, previous="")
        search = question
    groups = term_groups(search, k.weights)
    terms = [t for g in groups for t in g]
    named_column = resolved.column is None and (
        own_column
        # "有专门的专栏吗？" after a question about a topic: the 专栏 that topic names.
        or (resolved.previous and "专栏" in question and _column_named(k, resolved.search_text, loose=True))
    )
    if not named_column and resolved.column is None and resolved.previous and "专栏" in question:
        # "专栏里有没有具体数量？" when the last turn named none: the 专栏 an earlier question named by its
        # topic ("温台职业教育创新高地…"), else the 专栏 of what was being discussed.
        named_column = next(filter(None, (_column_named(k, q, loose=True) for q in resolved.earlier)), None)
        if named_column is None:
            found = next(((h.chunk.doc_id, h.chunk.column) for h in hits[:COLUMN_HIT_DEPTH] if h.chunk.column), None)
            named_column = ColumnRef(*found) if found else None
    if named_column:
        resolved = replace(resolved, column=named_column)
    column = k.pin_column(resolved.column, hits)
    resolved = replace(resolved, column=column)
    if column is not None and column not in k.column_chunks:
        # "专栏12讲了什么", "下一个专栏呢" after the last one: say which 专栏 there are.
        numbers = sorted({n for doc_id, n in k.column_chunks if column.doc_id in (None, doc_id)})
        there = f"，现有专栏为专栏{numbers[0]}至专栏{numbers[-1]}" if numbers else ""
        return refusal(question, f"文件中没有专栏{column.n}{there}", hits)

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
    asked = asked_clauses(question)
    if asked != normalize(question) and not resolved.previous:
        # "长三角一体化方面，要建什么平台？": the clause that asks weighs more than the one setting the scene.
        asked_groups = term_groups(asked, k.weights)
        if asked_groups:
            held = {_key(s): s.coverage for s in score_sentences(asked, text_hits, k.weights, asked_groups)}
            scored = _rescored(scored, lambda s: ASKED_CLAUSE_BONUS * held.get(_key(s), 0.0))
    elif resolved.previous and search != resolved.previous and has_own_topic(question):
        # "具体要建多少个中心？课程呢" after a question on 职业体验: the follow-up's own words weigh
        # more than the earlier question's, which only say what is being talked about.
        own_groups = term_groups(question, k.weights)
        if own_groups:
            held = {_key(s): s.coverage for s in score_sentences(question, text_hits, k.weights, own_groups)}
            scored = _rescored(scored, lambda s: ASKED_CLAUSE_BONUS * held.get(_key(s), 0.0))
    scored = _favour_scope(scored, asked)
    if resolved.said:
        # "还有别的措施吗？": the clauses the previous answer quoted are not what is asked for.
        said = normalize(resolved.said).replace(" ", "")
        scored = [s for s in scored if normalize(s.sentence.text).replace(" ", "") not in said] or scored
    if not asks_quantity(asked):
        # A sentence of targets and figures answers "how much"; "can I / is there" wants the measure.
        scored = _rescored(scored, lambda s: -FIGURES_PENALTY if _FIGURES.search(s.sentence.text) else 0.0)
    elif asked_unit(question) or asks_figures(question):
        # And "how many (个/所/万人)" wants the sentence that states a number before the one that only names the thing.
        scored = _rescored(scored, lambda s: 0.0 if _ANY_FIGURE.search(s.sentence.text) else -FIGURES_PENALTY)
    keep_first = 1  # sentences cited whatever their score
    headline = False  # the best sentence is a headline, cited with the sentence that states it
    if asks_duration(question) and scored:
        # "多长时间一轮": the best sentence that states a period ("5年一周期") follows the best one,
        # if it is close enough; the best one still decides whether the question is covered.
        floor = PERIOD_MIN_SHARE * scored[0].score
        period = next((s for s in scored if s.score >= floor and states_duration(s.sentence.text)), None)
        if period is not None and period is not scored[0]:
            scored = [scored[0], period, *(s for s in scored[1:] if s is not period)]
            keep_first = 2
    elif asks_criteria(asked) and scored and not condition_for(asked, scored[0].sentence.text, scored[0].sentence.text):
        # "需要什么条件": likewise the best sentence that sets one ("3年以上企业工作经历").
        floor = PERIOD_MIN_SHARE * scored[0].score
        lead = scored[0].sentence.text
        condition = next((s for s in scored if s.score >= floor and condition_for(asked, s.sentence.text, lead)), None)
        if condition is not None:
            scored = [scored[0], condition, *(s for s in scored[1:] if s is not condition)]
            keep_first = 2
    if column is not None:
        scored.sort(key=lambda s: -(s.score + (0.5 if in_column(s.sentence.chunk) else 0.0)))
    if scored and keep_first == 1 and len(scored[0].sentence.text) <= HEADLINE_MAX_CHARS and is_lead(k, scored[0]):
        # A headline ("育训并举，突破发展。") says what its paragraph is about; the next sentence says it.
        statement = paragraph_rest(k, scored[0])[:1]
        if statement:
            scored = [scored[0], statement[0], *(s for s in scored[1:] if not _overlaps(s, statement[0]))]
            keep_first, headline = 2, True

    # Words the documents never use block an answer when they carry the question:
    # when it asks for a specific value, list or date, when little else of it is found,
    # or when the word is what an asked clause is about ("……可以免学费吗").
    unknown = unknown_topics(asked, k.corpus_norm, k.weights)
    row_named = bool(unknown) and names_indicator(k, resolved, query_vector)
    if row_named:
        # "……覆盖率，十四五末要到多少？起点是多少？": the row's baseline, in the user's word.
        unknown = [u for u in unknown if not frames_value(asked, u[0], [w for w, _ in unknown])]
    named_rows = indicator_rows(k, resolved, query_vector, hits) if unknown else []
    if named_rows and asks_gap(question):
        # "研究生学历比例，目标和现状差多少": what a named row's target is compared with is that row's value.
        unknown = [u for u in unknown if not compared_with_target(question, u[0])]
    asked_parts = question_parts(question) if named_rows and not resolved.previous else []
    row_parts = [p for p in asked_parts if _row_part(k, p, named_rows)]
    if row_parts and len(row_parts) < len(asked_parts):
        # "达标率要做到多少？有哪些专项行动支撑": a row answers one question, and a word only another one uses does not block it.
        unknown = [u for u in unknown if any(u[0] in p for p in row_parts)]
    # An English question's words, in Chinese, that the documents never use: what it asks about.
    english = unknown_topics(translate_english(normalize(question)), k.corpus_norm, k.weights) if _ENGLISH.search(question) else []
    best_coverage = scored[0].coverage if scored else 0.0
    if english and resolved.column is None:
        return refusal(question, "文件没有提到" + "、".join(f"“{w}”" for w, _ in english[:3]), hits)
    if unknown and resolved.column is None and (
        any(is_place(u) for u in unknown)
        or unknown_head_blocks(question, [w for w, _ in unknown], best_coverage, _known_weight(k, asked), k.corpus_norm)
        or ((asks_specific(question) or best_coverage < 0.5) and not row_named)
    ):
        return refusal(question, "文件没有提到" + "、".join(f"“{w}”" for w, _ in unknown[:3]), hits)

    draft = AnswerDraft()
    if k.rows and asks_dimensions(question):
        # "发展目标表分成哪几个维度": the table's first column, each dimension cited by its first row.
        answer_dimensions(k, draft)
        return _finish(k, draft, question, hits)
    # A 专栏 named by its title is what the user wants quoted, not the indicator table.
    # So is a follow-up inside a 专栏 that asks no figure itself ("具体还有哪些措施？").
    in_column_followup = column is not None and bool(resolved.previous) and not asks_quantity(asked_clauses(question))
    rows = [] if in_column_followup else indicator_rows(k, resolved, query_vector, hits)
    if named_column and rows and (resolved.previous or not _one_part_names_row(k, question, rows)):
        # "覆盖率要达到多少？专栏里重点推进多少个专业": one question is the row's, the other the 专栏's.
        rows = []
    # "具体比例是多少？" after "专升本名额会不会多一点？": a figure of the last topic, whose row answers it,
    # whatever else the earlier question's words (名额) find in the text.
    figure_of_last_topic = bool(resolved.previous) and asks_quantity(asked_clauses(question)) and not has_own_topic(question)
    if (
        rows and scored and not figure_of_last_topic and not asks_gap(search) and not states_row_value(rows, scored[0])
        and not _one_part_names_row(k, question, rows) and text_explains_better(k, rows, scored[0], terms, search)
    ):
        rows = []  # e.g. "高水平中职学校建多少所" is a 专栏 figure, not the 中职在校生 row
    if not rows and not named_column:
        missing_level = other_level_only(k, resolved, query_vector)
        if missing_level:
            return refusal(question, missing_level, hits)
    # A city named only to set the scene ("我是杭州一所高职的副院长，……") asks no city's figure.
    area = area_other_than_province(asked) if rows else None
    if area and not any(area in " ".join(r.section) for r in rows):
        if asks_specific(asked):
            # The table holds the province's figures; a national or a city's figure is not in it.
            return refusal(question, f"发展目标表给出的是浙江省全省的指标，文件没有{area}的数据", hits)
        # "在全国算是什么水平": the area is what the province is compared with, which the text may say.
        rows = []
    part = part_of_the_whole(asked, [r.indicator for r in rows]) if rows and asks_specific(asked) else None
    if part:
        return refusal(question, f"发展目标表给出的是全省按层次分列的指标，没有单列“{part}”的数据", hits)
    if rows and asks_baseline_only(question) and not any(has_baseline(r) for r in rows):
        return refusal(question, "发展目标表没有给出这项指标2020年的数值（表中为“-”），只有2025年目标", hits)
    if rows:
        # The table gives counts and shares; "which schools" is not among them.
        names = missing_names(question, [], " ".join(k.titles.values()), organizations_only=True)
        if names:
            return refusal(question, names, hits)
        answer_indicators(k, draft, rows, question, scored, terms)
        _answer_other_questions(k, draft, question, rows, text_hits, dense)
    elif column is not None and any(in_column(s.sentence.chunk) for s in scored):
        # The user named a 专栏 (or referred to the one just discussed): it is the evidence.
        from_column = [s for s in scored if in_column(s.sentence.chunk)]
        if from_column[0].coverage < 0.34:
            from_column.sort(key=lambda s: s.sentence.start)  # "what does it say": in reading order
        _answer_text(k, draft, from_column, terms, strict=False)
        missing = missing_specifics(question, [c.quote for c in draft.citations], " ".join(k.titles.values()), one_topic=True)
        if missing:
            return refusal(question, missing, hits)
    else:
        best = scored[0] if scored else None
        if best is None or not evidence_sufficient(best.coverage, dense_top):
            return refusal(question, "文件中没有找到能回答这个问题的条款", hits)
        # An English question's shape is judged on its Chinese terms ("main tasks" → 主要任务).
        english_question = _ENGLISH_QUESTION.search(normalize(question)) is not None
        shaped = translate_english(normalize(question)) if english_question else question
        listing = asks_list(question) or (english_question and _ENGLISH_LIST.search(normalize(question)) is not None)
        named = None if listing or resolved.previous else named_section(k, shaped)
        if named is not None:
            # The question names a section and nothing more ("指导思想是什么"): its opening sentences.
            # Nothing specific is asked (every word is the heading's), so missing_specifics has nothing to check.
            opening = section_opening(k, *named)
            if opening:
                _answer_text(k, draft, opening, terms, strict=False, limit=SECTION_OPENING_SENTENCES)
                return _finish(k, draft, question, hits)
        parts = subsections(k, shaped) if listing else None
        if parts:
            path, children = parts
            first = children[0][0]
            parent = k.heading_span(first, path[-1], children[0][1])
            if parent:
                owner = k.chunk_at(first.doc_id, parent[0]) or first
                draft.citations.append(text_citation(1, owner, *parent, k.sources[first.doc_id]))
                answer_headings(k, draft, f"“{path[-1]}”[1]包括以下方面：", children)
            else:
                answer_headings(k, draft, f"“{NUMBERING.sub('', path[-1])}”包括以下方面：", children)
            return _finish(k, draft, question, hits)
        if "专栏" in question and (listing or asks_quantity(question)) and only_about(question, "专栏"):
            # "规划里有哪些专栏 / 一共几个专栏": the columns themselves.
            columns = column_headings(k)
            docs = list(dict.fromkeys(chunk.doc_id for chunk, *_ in columns))
            if len(columns) >= 2 and len(docs) == 1:
                answer_headings(k, draft, "规划设有以下专栏：", columns)
                return _finish(k, draft, question, hits)
            if len(docs) > 1:
                # Each document numbers its own 专栏: one list per document, the best-ranked document first.
                ranked = list(dict.fromkeys(h.chunk.doc_id for h in hits if h.chunk.doc_id in docs))
                for i, doc_id in enumerate(ranked + [d for d in docs if d not in ranked]):
                    own = [c for c in columns if c[0].doc_id == doc_id]
                    answer_headings(k, draft, f"{'' if i == 0 else chr(10)}《{k.titles.get(doc_id, doc_id)}》设有以下专栏：", own)
                return _finish(k, draft, question, hits)
        # "评价改革方面有哪些做法": the question names one measure's lead ("推进职业教育评价改革。"),
        # so its paragraph is the list, not the section's other leads.
        named_lead = listing and is_lead(k, best) and (
            question_holds_lead(k, question, best) or paragraph_answers_more(k, best, groups)
        )
        listed = section_leads(k, best) if listing and not named_lead else None
        # A clause that introduces a list ("主要表现为：") or names a counted set ("五个对接")
        # is answered together with the sentences that spell the list out.
        # So is "具体怎么做？" after a question whose best sentence leads a paragraph ("深入推进长三角职业教育一体化发展。"):
        # the paragraph's other sentences are the doing.
        elaborating = bool(resolved.previous) and only_vague(question) and is_lead(k, best)
        members = counted_set_members(k, best, question) or (
            paragraph_rest(k, best) if named_lead or introduces_list(best) or elaborating else []
        )
        if listed:
            _answer_text(k, draft, listed, terms, strict=False, limit=len(listed))
        elif listing or members:
            ordered = [best, *members, *scored[1:]]
            limit = max(LIST_MAX_SENTENCES, 1 + len(members)) if named_lead else LIST_MAX_SENTENCES
            _answer_text(k, draft, ordered, terms, limit=limit, max_chars=LIST_MAX_ANSWER_CHARS, keep=1 + len(members))
            if not resolved.previous:
                # "弘扬的时代风尚原文是哪几句？有哪些宣传活动？": the other question gets its own sentence.
                _answer_other_questions(k, draft, question, [], text_hits, dense)
        elif asks_for_clause(question) and paragraph_lead(k, best):
            # Staff asking for "the clause": the paragraph's lead sentence names the measure the sentence belongs to.
            _answer_text(k, draft, [paragraph_lead(k, best), best, *scored[1:]], terms, keep=2)
        else:
            two_parts = asks_two_parts(question)
            _answer_text(k, draft, scored, terms, parts_asked=two_parts, keep=keep_first,
                         limit=MAX_SENTENCES + 1 if headline else 0,
                         max_chars=MAX_ANSWER_CHARS + len(scored[1].sentence.text) if headline else MAX_ANSWER_CHARS,
                         coordinated=coordinated_terms(search, k.weights) if two_parts else ())
            if not resolved.previous:
                # "技校算不算职业院校？技师学院能算大学吗": each question gets the sentence that answers it.
                _answer_other_questions(k, draft, question, [], text_hits, dense)
        missing = missing_specifics(question, [c.quote for c in draft.citations], " ".join(k.titles.values()), listed=bool(listed))
        if missing:
            return refusal(question, missing, hits)

    return _finish(k, draft, question, hits)


def _known_weight(k: Knowledge, text: str) -> float:
    """How much the words of ``text`` that the documents use weigh (each group by its commonest term)."""
    groups = [g for g in term_groups(text, k.weights) if not all(t in META_WORDS for t in g)]
    return sum(min(k.weights.phrase_idf(t) for t in g) for g in groups)


def _key(s: Scored) -> tuple[str, int]:
    return s.sentence.chunk.doc_id, s.sentence.start


def _favour_scope(scored: Sequence[Scored], asked: str) -> Sequence[Scored]:
    """A question of what a term covers ("技校算不算职业院校") favours the sentences that define a scope."""
    if not _ASKS_SCOPE.search(asked):
        return scored
    return _rescored(scored, lambda s: SCOPE_BONUS if _STATES_SCOPE.search(s.sentence.text) else 0.0)


def _rescored(scored: Sequence[Scored], delta) -> list[Scored]:
    """``scored`` with ``delta(s)`` added to each score, best first (ties keep their order)."""
    return sorted((replace(s, score=s.score + d) if (d := delta(s)) else s for s in scored), key=lambda s: -s.score)


def _finish(k: Knowledge, draft: AnswerDraft, question: str, hits: Sequence[Hit]) -> Answer:
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


OTHER_QUESTION_MIN_COVERAGE = 0.5
ROW_PART_LEXICAL = 0.3  # a part asking a figure and sharing this much of a row's name is that row's question


def _row_part(k: Knowledge, part: str, rows) -> bool:
    """The part asks a figure, and of the table's rows the chosen ones share most of its words."""
    if not asks_quantity(part) or "专栏" in part:
        return False  # "专栏里要培育多少所…": a 专栏's figures, not the table's
    name, share = k.matcher.closest_name(part)
    return share >= ROW_PART_LEXICAL and any(r.indicator == name for r in rows)


def _one_part_names_row(k: Knowledge, question: str, rows) -> bool:
    """"中职在校生要达到多少万人？另外办学条件何时达标？": one question is the row's, whatever the other asks."""
    parts = question_parts(question)
    return len(parts) >= 2 and any(_row_part(k, p, rows) for p in parts)


# A question for the measures behind what was just named: "有什么措施跟这个有关", "哪些举措是冲着这个目标去的".
_MEASURES_OF_IT = re.compile(r"(?:措施|举措|做法|办法|抓手|政策)\S{0,10}(?:这个|这项|该|此|其|它|上述)|(?:这个|这项|该|此|其|它|上述)\S{0,10}(?:措施|举措|做法|办法|抓手|政策)")


def _answer_other_questions(k: Knowledge, draft: AnswerDraft, question: str, rows, text_hits, dense) -> None:
    """Each question of a several-question message that no chosen row is about gets the sentence that answers it
    (``rows`` empty: a text answer, every question)."""
    parts = question_parts(question)
    if len(parts) < 2:
        return
    for part in parts:
        if _row_part(k, part, rows):
            continue
        if rows and _MEASURES_OF_IT.search(part):
            continue  # "规划里有什么措施跟这个有关": the row's measures, which its answer lists
        part = asked_clauses(part)  # "孩子在技校读书，技校算不算职业院校": the clause that asks
        # Words about the document ("专栏里对应有啥抓手") name no topic a sentence must hold.
        groups = [g for g in term_groups(part, k.weights) if not all(t in META_WORDS for t in g)]
        if not groups:
            continue
        scored = score_sentences(part, text_hits, k.weights, groups, dense)
        scored = _favour_scope(scored, part)
        if not scored or scored[0].coverage < OTHER_QUESTION_MIN_COVERAGE:
            continue
        chosen = [scored[0]]
        if asks_two_parts(part) or len(coordinated_terms(part, k.weights)) >= 2:
            # "培育多少所标杆学校、多少个虚拟仿真实训基地": a second sentence for what the first lacks.
            chosen = _cover_the_other_part(k, chosen, scored, 2)
        for s in chosen:
            before = len(draft.citations)
            n = draft.cite_text(k, s, [t for g in groups for t in g])
            if n > before:  # not already cited
                draft.parts.append(f"\n{draft.quoted(k, n)}[{n}]")


def _column_named(k: Knowledge, question: str, loose: bool = False) -> ColumnRef | None:
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


def _answer_text(
    k: Knowledge,
    draft: AnswerDraft,
    scored: Sequence[Scored],
    terms,
    strict: bool = True,
    limit: int = 0,
    max_chars: int = MAX_ANSWER_CHARS,
    keep: int = 1,
    parts_asked: bool = False,
    coordinated: Sequence[Sequence[str]] = (),
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
    if coordinated:
        # "省里和设区市各自管什么": each coordinated term first, then what else the other part asks.
        chosen = _cover_the_coordinates(chosen, scored, coordinated, limit or MAX_SENTENCES)
    if parts_asked and not (coordinated and len(chosen) >= (limit or MAX_SENTENCES)):
        chosen = _cover_the_other_part(k, chosen, scored, limit or MAX_SENTENCES)
    for run in clause_runs(chosen, k.sources):
        draft.parts.append(draft.clause_part(k, run, terms))


def _cover_the_coordinates(
    chosen: list[Scored], scored: Sequence[Scored], coordinated: Sequence[Sequence[str]], limit: int
) -> list[Scored]:
    """"省级和设区市各自负责什么": each coordinated term is held by a chosen sentence. For a term none
    holds, the best-scoring sentence that does joins; when the answer is full it takes the place of
    the lowest-scoring chosen sentence that is not the only holder of another term (never the first)."""

    def holds(s: Scored, words: Sequence[str]) -> bool:
        text = normalize(s.sentence.text)
        return any(w in text for w in words)

    floor = COORDINATE_MIN_SHARE * chosen[0].score
    chosen = list(chosen)
    for words in coordinated:
        if any(holds(c, words) for c in chosen):
            continue
        new = next(
            (s for s in scored if s.score >= floor and holds(s, words) and not any(_overlaps(s, c) for c in chosen)),
            None,
        )
        if new is None:
            continue
        if len(chosen) >= limit:
            def sole_holder(c: Scored) -> bool:
                return any(holds(c, w) and sum(holds(o, w) for o in chosen) == 1 for w in coordinated)

            removable = [c for c in chosen[1:] if not sole_holder(c)]
            if not removable:
                continue
            chosen.remove(min(removable, key=lambda c: c.score))
        chosen.append(new)
    return chosen


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
