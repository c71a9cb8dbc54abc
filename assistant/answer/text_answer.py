"""Answers quoted from the text: a named section's opening, its subsections, the 专栏 list, a list, or the clauses that answer."""

from __future__ import annotations

import re
from typing import Sequence

from ..normalize import normalize
from ..retrieval.lexical import translate_english
from ..types import Answer, Hit
from .citations import AnswerDraft, text_citation
from .context import Resolved, only_vague
from .indicators import asks_quantity
from .knowledge import NUMBERING, Knowledge
from .listing import (
    answer_headings,
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
from .other_questions import answer_other_questions
from .passages import MAX_ANSWER_CHARS, MAX_SENTENCES, answer_text
from .ranking import Ranking
from .refusals import finish, refusal
from .scope import area_other_than_province, asked_clauses, asks_specific, evidence_sufficient, missing_specifics

_ENGLISH_QUESTION = re.compile(r"^[^\u4e00-\u9fff]*[a-z]{3}[^\u4e00-\u9fff]*$")  # English, no Chinese
_ENGLISH_LIST = re.compile(r"\bwhat are\b|\blist\b|\bwhich\b[^?]*\bare\b|\bwhat\b[^?]*\binclude")
SECTION_OPENING_SENTENCES = 2

# A list question ("有哪些") is answered by more of the clauses that match it.
LIST_MAX_SENTENCES = 6
LIST_MAX_ANSWER_CHARS = 640


def answer_from_text(
    k: Knowledge,
    draft: AnswerDraft,
    resolved: Resolved,
    ranking: Ranking,
    groups: Sequence[Sequence[str]],
    terms: Sequence[str],
    hits: Sequence[Hit],
    text_hits: Sequence[Hit],
    dense: dict[tuple[str, int], float],
    dense_top: float,
) -> Answer:
    """The answer quoted from the text's sentences (``ranking``), or a refusal when none answers."""
    question = resolved.question
    search = resolved.search_text
    scored, keep_first, headline = ranking.scored, ranking.keep_first, ranking.headline
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
            answer_text(k, draft, opening, terms, strict=False, limit=SECTION_OPENING_SENTENCES)
            return finish(k, draft, question, hits)
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
        return finish(k, draft, question, hits)
    if "专栏" in question and (listing or asks_quantity(question)) and only_about(question, "专栏"):
        # "规划里有哪些专栏 / 一共几个专栏": the columns themselves.
        columns = column_headings(k)
        docs = list(dict.fromkeys(chunk.doc_id for chunk, *_ in columns))
        if len(columns) >= 2 and len(docs) == 1:
            answer_headings(k, draft, "规划设有以下专栏：", columns)
            return finish(k, draft, question, hits)
        if len(docs) > 1:
            # Each document numbers its own 专栏: one list per document, the best-ranked document first.
            ranked = list(dict.fromkeys(h.chunk.doc_id for h in hits if h.chunk.doc_id in docs))
            for i, doc_id in enumerate(ranked + [d for d in docs if d not in ranked]):
                own = [c for c in columns if c[0].doc_id == doc_id]
                answer_headings(k, draft, f"{'' if i == 0 else chr(10)}《{k.titles.get(doc_id, doc_id)}》设有以下专栏：", own)
            return finish(k, draft, question, hits)
    # "评价改革方面有哪些做法": the question names one measure's lead ("推进职业教育评价改革。"),
    # so its paragraph is the list, not the section's other leads.
    named_lead = listing and is_lead(k, best) and (
        question_holds_lead(k, question, best) or paragraph_answers_more(k, best, groups)
    )
    listed = section_leads(k, best, LIST_MAX_ANSWER_CHARS) if listing and not named_lead else None
    # A clause that introduces a list ("主要表现为：") or names a counted set ("五个对接")
    # is answered together with the sentences that spell the list out.
    # So is "具体怎么做？" after a question whose best sentence leads a paragraph ("深入推进长三角职业教育一体化发展。"):
    # the paragraph's other sentences are the doing.
    elaborating = bool(resolved.previous) and only_vague(question) and is_lead(k, best)
    members = counted_set_members(k, best, question) or (
        paragraph_rest(k, best) if named_lead or introduces_list(best) or elaborating else []
    )
    if listed:
        for run in listed:
            draft.parts.append(draft.clause_part(k, run, terms))
    elif listing or members:
        ordered = [best, *members, *scored[1:]]
        limit = max(LIST_MAX_SENTENCES, 1 + len(members)) if named_lead else LIST_MAX_SENTENCES
        answer_text(k, draft, ordered, terms, limit=limit, max_chars=LIST_MAX_ANSWER_CHARS, keep=1 + len(members))
        if not resolved.previous:
            # "弘扬的时代风尚原文是哪几句？有哪些宣传活动？": the other question gets its own sentence.
            answer_other_questions(k, draft, question, [], text_hits, dense)
    elif asks_for_clause(question) and paragraph_lead(k, best):
        # Staff asking for "the clause": the paragraph's lead sentence names the measure the sentence belongs to.
        answer_text(k, draft, [paragraph_lead(k, best), best, *scored[1:]], terms, keep=2)
    else:
        two_parts = asks_two_parts(question)
        answer_text(k, draft, scored, terms, parts_asked=two_parts, keep=keep_first,
                    limit=MAX_SENTENCES + 1 if headline else 0,
                    max_chars=MAX_ANSWER_CHARS + len(scored[1].sentence.text) if headline else MAX_ANSWER_CHARS,
                    coordinated=coordinated_terms(search, k.weights) if two_parts else ())
        if not resolved.previous:
            # "技校算不算职业院校？技师学院能算大学吗": each question gets the sentence that answers it.
            answer_other_questions(k, draft, question, [], text_hits, dense)
    missing = missing_specifics(question, [c.quote for c in draft.citations], " ".join(k.titles.values()), listed=bool(listed))
    if missing:
        return refusal(question, missing, hits)
    # "国家…要求全国建设多少所": a figure asked of an area other than the province, which no cited clause names.
    asked = asked_clauses(question)
    area = area_other_than_province(asked) if asks_specific(asked) else None
    if area and not any(area in normalize(c.quote) for c in draft.citations):
        return refusal(question, f"文件给出的是浙江省的目标和举措，没有{area}的具体数据", hits)

    return finish(k, draft, question, hits)
