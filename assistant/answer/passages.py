"""The sentences a text answer quotes: the best ones, then each coordinated term and the other part covered."""

from __future__ import annotations

from typing import Mapping, Sequence

from ..normalize import normalize
from .citations import AnswerDraft, adjacent, clause_runs
from .evidence import Scored
from .knowledge import Knowledge

MAX_SENTENCES = 4
MAX_ANSWER_CHARS = 520
SHARE_OF_BEST = 0.55  # of the best sentence's score, for another sentence to join the answer
OTHER_PART_MIN_IDF = 2.0  # what a sentence must add to answer the other part of a two-part question
COORDINATE_MIN_SHARE = 0.5  # of the best score, for a sentence brought in for one coordinated term
NEIGHBOUR_MIN_SHARE = 0.25  # the same, for a sentence right next to the one holding another coordinated term


def answer_text(
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
        if strict and i >= keep and (s.score < SHARE_OF_BEST * best.score or s.coverage < 0.2):
            continue
        if any(overlaps(s, c) for c in chosen):
            continue
        if used_chars + len(s.sentence.text) > max_chars:
            continue
        chosen.append(s)
        used_chars += len(s.sentence.text)
    if coordinated:
        # "省里和设区市各自管什么": each coordinated term first, then what else the other part asks.
        chosen = cover_the_coordinates(chosen, scored, coordinated, limit or MAX_SENTENCES, k.sources)
    if parts_asked and not (coordinated and len(chosen) >= (limit or MAX_SENTENCES)):
        chosen = cover_the_other_part(k, chosen, scored, limit or MAX_SENTENCES)
    for run in clause_runs(chosen, k.sources):
        draft.parts.append(draft.clause_part(k, run, terms))


def cover_the_coordinates(
    chosen: list[Scored],
    scored: Sequence[Scored],
    coordinated: Sequence[Sequence[str]],
    limit: int,
    sources: Mapping[str, str],
) -> list[Scored]:
    """"省级和设区市各自负责什么": each coordinated term is held by a chosen sentence. For a term none
    holds, the best-scoring sentence that does joins; when the answer is full it takes the place of
    the lowest-scoring chosen sentence that is not the only holder of another term (never the first).
    A document sets such parts side by side ("省级强化…。设区市强化…。"), so a sentence right next
    to the holder of another term needs a lower score than one found elsewhere."""

    def holds(s: Scored, words: Sequence[str]) -> bool:
        text = normalize(s.sentence.text)
        return any(w in text for w in words)

    floor = COORDINATE_MIN_SHARE * chosen[0].score
    neighbour_floor = NEIGHBOUR_MIN_SHARE * chosen[0].score
    chosen = list(chosen)

    def next_to_other_part(s: Scored, words: Sequence[str]) -> bool:
        others = [c for c in chosen if any(holds(c, w) for w in coordinated if w != words)]
        return s.score >= neighbour_floor and adjacent(others, s, sources)

    for words in coordinated:
        if any(holds(c, words) for c in chosen):
            continue
        new = next(
            (
                s for s in scored
                if holds(s, words) and not any(overlaps(s, c) for c in chosen)
                and (s.score >= floor or next_to_other_part(s, words))
            ),
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


def cover_the_other_part(k: Knowledge, chosen: list[Scored], scored: Sequence[Scored], limit: int) -> list[Scored]:
    """A two-part question: the sentence adding most weight of matched terms no chosen one holds joins (last one out when full)."""
    held = {t for c in chosen for t in c.matched}
    best_new: tuple[float, Scored] | None = None
    for s in scored:
        if s in chosen or any(overlaps(s, c) for c in chosen):
            continue
        gained = sum(k.weights.idf(t) for t in set(s.matched) - held)
        if gained >= OTHER_PART_MIN_IDF and (best_new is None or gained > best_new[0]):
            best_new = (gained, s)
    if best_new is None:
        return chosen
    kept = chosen if len(chosen) < limit else chosen[:-1]
    return [*kept, best_new[1]]


def overlaps(a: Scored, b: Scored) -> bool:
    """The two sentences share characters of one document."""
    sa, sb = a.sentence, b.sentence
    return sa.chunk.doc_id == sb.chunk.doc_id and sa.start < sb.end and sb.start < sa.end
