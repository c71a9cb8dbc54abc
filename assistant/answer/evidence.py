"""Pick the sentences that answer a question from the retrieved chunks.

Scores each sentence of the top chunks by the IDF-weighted share of the
question's terms it holds, with a prior for the chunk's fused rank.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from ..retrieval.lexical import expand_query, tokenize
from ..types import Chunk, Hit

DENSE_WEIGHT = 0.3
DENSE_BAND = 0.06
_SENTENCE_RE = re.compile(r"[^。！？；!?;\n]+(?:[。！？；!?;][”’」』）)]?)?")


@dataclass(frozen=True)
class Sentence:
    chunk: Chunk
    start: int  # offsets in the document text
    end: int
    text: str
    rank: int  # rank of its chunk in the fused list


@dataclass(frozen=True)
class Scored:
    sentence: Sentence
    score: float
    coverage: float  # weighted share of the question's terms the sentence holds
    matched: tuple[str, ...]
    similarity: float = 0.0  # cosine between the question and the sentence


class TermWeights:
    """IDF of search tokens over the store's chunks."""

    def __init__(self, token_lists: Iterable[Sequence[str]]):
        df: Counter[str] = Counter()
        n = 0
        for tokens in token_lists:
            n += 1
            df.update(set(tokens))
        self.n = max(n, 1)
        self.df = df

    def idf(self, term: str) -> float:
        return math.log(1 + (self.n - self.df.get(term, 0) + 0.5) / (self.df.get(term, 0) + 0.5))

    def known(self, term: str) -> bool:
        return term in self.df


def split_sentences(chunk: Chunk, rank: int) -> list[Sentence]:
    out = []
    for m in _SENTENCE_RE.finditer(chunk.text):
        text = m.group(0)
        stripped = text.strip()
        if len(stripped) < 4:
            continue
        lead = text.index(stripped[0])
        start = chunk.start + m.start() + lead
        out.append(Sentence(chunk, start, start + len(stripped), stripped, rank))
    return out


def query_terms(question: str, weights: "TermWeights | None" = None) -> list[str]:
    """The question's search terms, deduplicated, everyday words replaced by the documents' terms.

    With ``weights``, only words the documents use are kept, so coverage
    measures how much of what the documents could match the evidence holds.
    """
    from ..retrieval.lexical import synonym_sources

    translated = synonym_sources(question)
    seen: list[str] = []
    for t in tokenize(expand_query(question)):
        if t in seen:
            continue
        if weights is not None:
            if not weights.known(t):
                continue  # unknown words are judged by scope.unknown_topics, not by coverage
        elif t in translated:
            continue
        seen.append(t)
    return seen


def score_sentences(
    question: str,
    hits: Sequence[Hit],
    weights: TermWeights,
    terms: Sequence[str] | None = None,
    dense: Mapping[tuple[str, int], float] | None = None,
) -> list[Scored]:
    """Rank the sentences of ``hits``: lexical coverage, chunk rank, and (given ``dense``) embedding similarity."""
    from ..normalize import normalize

    terms = list(terms) if terms is not None else query_terms(question)
    dense = dense or {}
    top_sim = max(dense.values(), default=0.0)
    # Sub-words of a matched longer word add nothing new; weigh each term once.
    weight = {t: weights.idf(t) for t in terms}
    total = sum(weight.values()) or 1.0
    scored: list[Scored] = []
    for rank, hit in enumerate(hits):
        heading = normalize(" ".join(hit.chunk.section))
        for sentence in split_sentences(hit.chunk, rank):
            norm = normalize(sentence.text)
            matched = tuple(t for t in terms if t in norm)
            in_heading = sum(weight[t] for t in terms if t not in matched and t in heading)
            coverage = (sum(weight[t] for t in matched) + 0.5 * in_heading) / total
            sim = dense.get((sentence.chunk.doc_id, sentence.start), 0.0)
            # Sentences close to the best embedding match share up to DENSE_WEIGHT: this
            # is what rescues paraphrases that share few words with the plan.
            closeness = max(0.0, (sim - (top_sim - DENSE_BAND)) / DENSE_BAND) if top_sim else 0.0
            score = coverage + DENSE_WEIGHT * closeness + 0.08 / (1 + rank) + (0.02 if sentence.start == hit.chunk.start else 0.0)
            scored.append(Scored(sentence, score, coverage, matched, sim))
    scored.sort(key=lambda s: -s.score)
    return scored
