"""Which answer a question gets: from the indicator table, from a 专栏, from the text, or a refusal.

The indicator table's answers are in ``indicator_answer.py``, answers quoted from
the text in ``text_answer.py`` (the sentences chosen in ``passages.py``, ordered in
``ranking.py``), the 专栏 a question names in ``columns.py``, refusals' tests in
the ``scope`` package and refusals themselves in ``refusals.py``; this module decides which
of them answers a question.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from ..normalize import normalize
from ..retrieval.lexical import translate_english
from ..types import Answer, Hit
from .citations import AnswerDraft
from .columns import column_named, in_column
from .context import META_WORDS, ColumnRef, Resolved, has_own_topic
from .evidence import score_sentences, term_groups
from .indicator_answer import (
    answer_dimensions,
    answer_indicators,
    asks_dimensions,
    indicator_rows,
    names_indicator,
    other_level_only,
    rows_it_states,
    states_row_value,
    text_explains_better,
)
from .indicators import asks_baseline_only, asks_gap, asks_quantity, compared_with_target, has_baseline
from .knowledge import Knowledge
from .listing import asks_two_parts
from .other_questions import answer_other_questions, one_part_names_row, row_part
from .passages import answer_text
from .ranking import rank
from .refusals import finish, refusal
from .smalltalk import small_talk
from .scope import (
    area_other_than_province,
    asked_clauses,
    asks_specific,
    frames_value,
    hard_out_of_scope,
    is_place,
    missing_names,
    missing_specifics,
    named_document_content,
    part_of_the_whole,
    question_parts,
    unknown_head_blocks,
    unknown_rate,
    unknown_topics,
)
from .text_answer import answer_from_text

__all__ = ["compose"]


COLUMN_HIT_DEPTH = 3  # hits searched for the 专栏 a conversation is about when it named none
_ENGLISH = re.compile(r"[A-Za-z]{3}")


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

    own_column = column_named(k, question)
    if own_column is not None and resolved.previous:
        # A follow-up that names its 专栏 ("那云上三名那个专栏，…") asks about that one, not the last.
        resolved = replace(resolved, column=None, search_text=question, previous="")
        search = question
    groups = term_groups(search, k.weights)
    terms = [t for g in groups for t in g]
    named_column = resolved.column is None and (
        own_column
        # "有专门的专栏吗？" after a question about a topic: the 专栏 that topic names.
        or (resolved.previous and "专栏" in question and column_named(k, resolved.search_text, loose=True))
    )
    if not named_column and resolved.column is None and resolved.previous and "专栏" in question:
        # "专栏里有没有具体数量？" when the last turn named none: the 专栏 an earlier question named by its
        # topic ("温台职业教育创新高地…"), else the 专栏 of what was being discussed.
        named_column = next(filter(None, (column_named(k, q, loose=True) for q in resolved.earlier)), None)
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
        text_hits = column_hits + [h for h in text_hits if not in_column(column, h.chunk)]
    scored = score_sentences(search, text_hits, k.weights, groups, dense)
    asked = asked_clauses(question)
    ranking = rank(k, resolved, scored, asked, text_hits, column)
    scored = ranking.scored

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
    row_parts = [p for p in asked_parts if row_part(k, p, named_rows)]
    if row_parts and len(row_parts) < len(asked_parts):
        # "达标率要做到多少？有哪些专项行动支撑": a row answers one question, and a word only another one uses does not block it.
        unknown = [u for u in unknown if any(u[0] in p for p in row_parts)]
    # An English question's words, in Chinese, that the documents never use: what it asks about.
    english = unknown_topics(translate_english(normalize(question)), k.corpus_norm, k.weights) if _ENGLISH.search(question) else []
    best_coverage = scored[0].coverage if scored else 0.0
    rate = unknown_rate([w for w, _ in unknown], [r.indicator for r in k.rows]) if resolved.column is None else None
    if rate:
        return refusal(question, f"文件没有提到“{rate}”，发展目标表中也没有这项指标", hits)
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
        return finish(k, draft, question, hits)
    # A 专栏 named by its title is what the user wants quoted, not the indicator table.
    # So is a follow-up inside a 专栏 that asks no figure itself ("具体还有哪些措施？").
    in_column_followup = column is not None and bool(resolved.previous) and not asks_quantity(asked_clauses(question))
    rows = [] if in_column_followup else indicator_rows(k, resolved, query_vector, hits)
    if named_column and rows and (resolved.previous or not one_part_names_row(k, question, rows)):
        # "覆盖率要达到多少？专栏里重点推进多少个专业": one question is the row's, the other the 专栏's.
        rows = []
    # "具体比例是多少？" after "专升本名额会不会多一点？": a figure of the last topic, whose row answers it,
    # whatever else the earlier question's words (名额) find in the text.
    figure_of_last_topic = bool(resolved.previous) and asks_quantity(asked_clauses(question)) and not has_own_topic(question)
    if (
        rows and scored and not figure_of_last_topic and not asks_gap(search) and not states_row_value(rows, scored[0])
        and not one_part_names_row(k, question, rows) and text_explains_better(k, rows, scored[0], terms, search)
    ):
        rows = []  # e.g. "高水平中职学校建多少所" is a 专栏 figure, not the 中职在校生 row
    if len(rows) > 1 and scored and not asks_two_parts(asked):
        rows = rows_it_states(rows, scored[0])
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
        answer_other_questions(k, draft, question, rows, text_hits, dense)
    elif column is not None and any(in_column(column, s.sentence.chunk) for s in scored):
        # The user named a 专栏 (or referred to the one just discussed): it is the evidence.
        from_column = [s for s in scored if in_column(column, s.sentence.chunk)]
        if from_column[0].coverage < 0.34:
            from_column.sort(key=lambda s: s.sentence.start)  # "what does it say": in reading order
        answer_text(k, draft, from_column, terms, strict=False)
        missing = missing_specifics(question, [c.quote for c in draft.citations], " ".join(k.titles.values()), one_topic=True)
        if missing:
            return refusal(question, missing, hits)
    else:
        return answer_from_text(k, draft, resolved, ranking, groups, terms, hits, text_hits, dense, dense_top)

    return finish(k, draft, question, hits)


def _known_weight(k: Knowledge, text: str) -> float:
    """How much the words of ``text`` that the documents use weigh (each group by its commonest term)."""
    groups = [g for g in term_groups(text, k.weights) if not all(t in META_WORDS for t in g)]
    return sum(min(k.weights.phrase_idf(t) for t in g) for g in groups)
