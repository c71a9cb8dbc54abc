"""The scored sentences reordered for what the question asks: its asking clause, a scope, figures, a period or condition, a headline."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Sequence

from ..normalize import normalize
from ..types import Hit
from .columns import in_column
from .context import ColumnRef, Resolved, has_own_topic
from .evidence import Scored, score_sentences, term_groups
from .indicators import asked_unit, asks_quantity
from .knowledge import Knowledge
from .listing import asks_figures, is_lead, paragraph_rest
from .passages import overlaps
from .scope import asks_criteria, asks_duration, condition_for, states_duration

FIGURES_PENALTY = 0.15
# "职业院校包不包括技校", "技校算不算职业院校": what a term covers is stated where the plan defines it ("职业院校（含技工院校，下同）").
_ASKS_SCOPE = re.compile(r"包不包括|包括不包括|包含不包含|含不含|是否包括|是否包含|算不算|属不属于|属于不属于|包括[^，。？?]{1,12}吗|包含[^，。？?]{1,12}吗")
_STATES_SCOPE = re.compile(r"[（(]\s*含|包括|包含")
SCOPE_BONUS = 0.4
ASKED_CLAUSE_BONUS = 0.3  # of the asked clauses' coverage, added to a sentence's score
_FIGURES = re.compile(r"\d+(?:\.\d+)?\s*%")
_ANY_FIGURE = re.compile(r"\d")
HEADLINE_MAX_CHARS = 20  # a paragraph's opening sentence this short is its headline
PERIOD_MIN_SHARE = 0.5  # of the best score, for the sentence that states the period asked for


@dataclass(frozen=True)
class Ranking:
    """The sentences best first, how many of them are cited whatever their score, and whether the first is a headline."""

    scored: list[Scored]
    keep_first: int
    headline: bool


def rank(
    k: Knowledge, resolved: Resolved, scored: list[Scored], asked: str, text_hits: Sequence[Hit], column: ColumnRef | None
) -> Ranking:
    """``scored`` (for ``resolved``'s search text) reordered for what the question and its ``asked`` clauses want."""
    question = resolved.question
    search = resolved.search_text
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
    scored = favour_scope(scored, asked)
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
        scored.sort(key=lambda s: -(s.score + (0.5 if in_column(column, s.sentence.chunk) else 0.0)))
    if scored and keep_first == 1 and len(scored[0].sentence.text) <= HEADLINE_MAX_CHARS and is_lead(k, scored[0]):
        # A headline ("育训并举，突破发展。") says what its paragraph is about; the next sentence says it.
        statement = paragraph_rest(k, scored[0])[:1]
        if statement:
            scored = [scored[0], statement[0], *(s for s in scored[1:] if not overlaps(s, statement[0]))]
            keep_first, headline = 2, True
    return Ranking(scored, keep_first, headline)


def _key(s: Scored) -> tuple[str, int]:
    return s.sentence.chunk.doc_id, s.sentence.start


def favour_scope(scored: Sequence[Scored], asked: str) -> Sequence[Scored]:
    """A question of what a term covers ("技校算不算职业院校") favours the sentences that define a scope."""
    if not _ASKS_SCOPE.search(asked):
        return scored
    return _rescored(scored, lambda s: SCOPE_BONUS if _STATES_SCOPE.search(s.sentence.text) else 0.0)


def _rescored(scored: Sequence[Scored], delta) -> list[Scored]:
    """``scored`` with ``delta(s)`` added to each score, best first (ties keep their order)."""
    return sorted((replace(s, score=s.score + d) if (d := delta(s)) else s for s in scored), key=lambda s: -s.score)
