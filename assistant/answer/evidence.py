"""Pick the sentences that answer a question from the retrieved chunks.

Scores each sentence of the top chunks by the IDF-weighted share of the
question's terms it holds, with a prior for the chunk's fused rank.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from ..retrieval.lexical import domain_terms, spelled_out, tokenize
from ..types import Chunk, Hit

DENSE_WEIGHT = 0.3
DENSE_BAND = 0.06
LENGTH_PENALTY = 0.1
# A one-character verb or adverb at least this common in general Chinese (jieba counts: 多 98900, 做 50331) is no topic.
LIGHT_WORD_FREQ = 40000
# "这些指标", "那些学校", "我们": a pointing word names nothing a sentence must hold.
_PRONOUN = re.compile(r"^(?:这|那|哪)(?:些|个|里|儿|样|么|种|类|项|批|所)?$|^(?:我|你|您|他|她|它)们?$|^咱们?$")
# Verbs that ask whether the documents cover something ("……没空脱产，规划有考虑吗"): no topic.
COVERS_VERBS = frozenset("考虑 提到 提及 涉及 说到 讲到 写到 谈到 关注 顾及 照顾".split())
# Everyday words for "a way to do it" ("有没有一路读到本科的路子"): what is asked for, not a topic a
# sentence must hold (the plan's one 新路子 is about training, not about every way).
WAY_WORDS = frozenset("路子 门路 法子 路数".split())
# "在2025年前", "到2025年底": a year with a time word is the plan's horizon, not a topic.
_HORIZON = re.compile(r"(\d{4})\s*(年前|年以前|年之前|年底|年末|以前|之前)")
# "除了丝路学院，还有哪些做法": what the user already knows is not what a sentence must hold.
EXCEPT_MIN_GROUPS = 3
_EXCEPT = re.compile(r"除了([^，,。？?！!；;]{2,24}?)(?:以外|之外|外)?(?=[，,]|还|也)")
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
        self._lengths: dict[int, list[str]] | None = None

    def idf(self, term: str) -> float:
        return math.log(1 + (self.n - self.df.get(term, 0) + 0.5) / (self.df.get(term, 0) + 0.5))

    def known(self, term: str) -> bool:
        return term in self.df

    def known_phrase(self, phrase: str) -> bool:
        """A token the documents use, or a phrase all of whose tokens they use."""
        if phrase in self.df:
            return True
        parts = tokenize(phrase)
        return bool(parts) and all(p in self.df for p in parts)

    def variant_of(self, word: str) -> str | None:
        """A token of the documents that words the same thing with one character changed
        (高级别 → 高等级): as long as ``word``, at least three characters, holding all
        but one of its characters in order."""
        if len(word) < 3:
            return None
        for token in self._by_length().get(len(word), ()):
            for i in range(len(word)):
                rest = iter(token)
                if all(c in rest for c in word[:i] + word[i + 1:]):
                    return token
        return None

    def _by_length(self) -> dict[int, list[str]]:
        if self._lengths is None:
            lengths: dict[int, list[str]] = {}
            for token in sorted(self.df):
                lengths.setdefault(len(token), []).append(token)
            self._lengths = lengths
        return self._lengths

    def phrase_idf(self, phrase: str) -> float:
        """A token's IDF; for a longer phrase, the IDF of its rarest token."""
        if phrase in self.df:
            return self.idf(phrase)
        return max((self.idf(p) for p in tokenize(phrase)), default=self.idf(phrase))


def _occurs(term: str, text: str) -> bool:
    """``term`` in ``text``; a number only as a whole number (the 2 of "3+2" is not in "24")."""
    if term.replace(".", "").isdigit():
        return re.search(rf"(?<![\d.]){re.escape(term)}(?![\d.])", text) is not None
    return term in text


def split_sentences(chunk: Chunk, rank: int) -> list[Sentence]:
    return [Sentence(chunk, start, end, text, rank) for start, end, text, _ in _sentence_spans(chunk.text, chunk.start)]


@lru_cache(maxsize=4096)
def _sentence_spans(text: str, offset: int) -> tuple[tuple[int, int, str, str], ...]:
    """(start, end, text, text normalized for matching) of each sentence of a chunk, once per chunk."""
    from ..normalize import normalize

    out = []
    for m in _SENTENCE_RE.finditer(text):
        raw = m.group(0)
        stripped = raw.strip()
        if len(stripped) < 4:
            continue
        start = offset + m.start() + raw.index(stripped[0])
        # Spaces the extraction left between digits and Chinese ("3 年以上") do not separate words;
        # a term's plainer words are matched too, after a separator (中本一体化 → 中职 本科).
        norm = normalize(stripped).replace(" ", "")
        out.append((start, start + len(stripped), stripped, norm + "|" + spelled_out(norm).replace(" ", "|")))
    return tuple(out)


@lru_cache(maxsize=4096)
def _chunk_matching_text(text: str, offset: int) -> str:
    return "|".join(norm for *_, norm in _sentence_spans(text, offset))


@lru_cache(maxsize=1024)
def _normalized_heading(section: tuple[str, ...]) -> str:
    from ..normalize import normalize

    return normalize(" ".join(section))


def query_terms(question: str, weights: "TermWeights | None" = None) -> list[str]:
    """The question's search terms, deduplicated, everyday words replaced by the documents' terms.

    With ``weights``, only words the documents use are kept, so coverage
    measures how much of what the documents could match the evidence holds.
    """
    return [t for group in term_groups(question, weights) for t in group]


def term_groups(question: str, weights: "TermWeights | None" = None) -> list[tuple[str, ...]]:
    """The question's terms, grouped: each of its own words alone, and the documents' terms
    for one everyday word together (any one of them stands for that word).

    With ``weights``, only words the documents use are kept.
    """
    from ..normalize import normalize
    from ..retrieval.lexical import is_stopword, synonyms, synonyms_in, tag, translate_english, word_frequency

    norm = normalize(question)
    rest = without_exception(norm)
    if rest != norm:
        # "除了丝路学院，……还有哪些做法": what the user already knows is no term, when the rest
        # says enough on its own ("除了退役军人还有哪些人" asks for X's list, so X stays).
        own = term_groups(rest, weights)
        if len(own) >= EXCEPT_MIN_GROUPS:
            return own
    table = synonyms()
    translated = set(synonyms_in(norm))
    groups: list[tuple[str, ...]] = []
    seen: set[str] = set()

    def add(terms: Iterable[str]) -> None:
        group = []
        for t in terms:
            if t in seen or (weights is not None and not weights.known_phrase(t)):
                continue  # unknown words are judged by scope.unknown_topics, not by coverage
            seen.add(t)
            group.append(t)
        if group:
            groups.append(tuple(group))

    tokens = tokenize(norm)
    horizon = {w for m in _HORIZON.finditer(norm) for w in (m.group(1), m.group(2), m.group(2).lstrip("年"))}
    for t in tokens:
        if any(t in word for word in translated):  # the parts of "3+2" are not words of their own
            continue
        if t in horizon or _PRONOUN.match(t) or t in COVERS_VERBS or t in WAY_WORDS:
            continue
        if len(t) == 1 and word_frequency(t) >= LIGHT_WORD_FREQ and not tag(t)[0][1].startswith(("n", "f", "s", "t")):
            continue  # 多, 做, 去, 再: a verb or adverb this common says nothing of the topic ("多培养点"); 市, 后 may
        add([t])
    # A domain term the segmenter cut apart ("读中职能不能" → 中 | 职能) is still asked about.
    for term in domain_terms():
        if term in norm and not any(term in t for t in tokens) and not any(term in word for word in translated):
            add([term])
    if weights is not None:
        # A word of the documents the segmenter cut across ("打造成什么" → 打 | 造成) is asked about too.
        for word, piece in cut_across(norm):
            if not weights.known_phrase(piece) and not any(word in w for w in translated) and not is_stopword(word):
                add([word])
    # An everyday word's translations match as whole phrases ("中等职业教育"), not as their parts.
    for word in sorted(translated, key=lambda w: (norm.index(w), -len(w), w)):
        add(table[word])
    if re.search(r"[a-z]{3}", norm):
        for t in tokenize(translate_english(norm)):
            add([t])
    return groups


def cut_across(norm: str) -> list[tuple[str, str]]:
    """Dictionary words of two characters across a cut the segmenter made beside a single character,
    each with the longer piece it took a character from ("打造成" → 打 | 造成 holds 打造, from 造成;
    "算学分" → 算学 | 分 holds 学分, from 算学): where that piece is no word of the documents, the cut is a guess."""
    from ..retrieval.lexical import tag, word_frequency

    pieces = [w for w, _ in tag(norm)]
    out: list[tuple[str, str]] = []
    at = 0
    for left, right in zip(pieces, pieces[1:]):
        at += len(left)
        if (len(left) == 1) == (len(right) == 1):
            continue
        word = norm[at - 1 : at + 1]
        if all("\u4e00" <= c <= "\u9fff" for c in word) and word_frequency(word) > 0:
            out.append((word, right if len(left) == 1 else left))
    return out


def without_exception(norm: str) -> str:
    """The question without its "除了X（以外）" part."""
    m = _EXCEPT.search(norm)
    return norm[: m.start()] + norm[m.end():] if m else norm


def score_sentences(
    question: str,
    hits: Sequence[Hit],
    weights: TermWeights,
    terms: Sequence[str] | Sequence[Sequence[str]] | None = None,
    dense: Mapping[tuple[str, int], float] | None = None,
) -> list[Scored]:
    """Rank the sentences of ``hits``: lexical coverage, chunk rank, and (given ``dense``) embedding similarity.

    ``terms`` are single terms or groups of alternatives (see ``term_groups``); a
    group counts once when any of it matches, weighted by its commonest term (an
    everyday word carries no more weight than its plainest translation).
    """
    if terms is None:
        terms = term_groups(question)
    groups = [(t,) if isinstance(t, str) else tuple(t) for t in terms]
    # (term as written, term as matched): spaces never separate words in the matching text.
    compact = [tuple((t, t.replace(" ", "")) for t in g) for g in groups]
    dense = dense or {}
    top_sim = max(dense.values(), default=0.0)
    weight = [min(weights.phrase_idf(t) for t in g) for g in groups]
    total = sum(weight) or 1.0
    scored: list[Scored] = []
    for rank, hit in enumerate(hits):
        heading = _normalized_heading(tuple(hit.chunk.section))
        spans = _sentence_spans(hit.chunk.text, hit.chunk.start)
        # Only the groups the chunk holds at all are looked for in its sentences.
        whole = _chunk_matching_text(hit.chunk.text, hit.chunk.start)
        present = [(g, w) for g, w in zip(compact, weight) if any(bare in whole for _, bare in g)]
        heading_weight = sum(w for g, w in zip(compact, weight) if any(t in heading for t, _ in g))
        for start, end, text, norm in spans:
            sentence = Sentence(hit.chunk, start, end, text, rank)
            matched: list[str] = []
            found = held_heading = 0.0
            for g, w in present:
                hit_terms = [t for t, bare in g if _occurs(bare, norm)]
                if hit_terms:
                    matched.extend(hit_terms)
                    found += w
                    if any(t in heading for t, _ in g):
                        held_heading += w
            # A group the sentence lacks but its heading holds counts half.
            coverage = (found + 0.5 * (heading_weight - held_heading)) / total
            sim = dense.get((sentence.chunk.doc_id, sentence.start), 0.0)
            # Sentences close to the best embedding match share up to DENSE_WEIGHT: this
            # is what rescues paraphrases that share few words with the plan.
            closeness = max(0.0, (sim - (top_sim - DENSE_BAND)) / DENSE_BAND) if top_sim else 0.0
            # A long sentence holds many terms by its length alone; 0.1 per 100 characters evens that out.
            score = coverage - LENGTH_PENALTY * len(sentence.text) / 100 + DENSE_WEIGHT * closeness + 0.08 / (1 + rank) + (0.02 if sentence.start == hit.chunk.start else 0.0)
            scored.append(Scored(sentence, score, coverage, tuple(matched), sim))
    scored.sort(key=lambda s: -s.score)
    return scored
