"""Pure scoring functions: no I/O, no models, exact on small hand-made cases.

Conventions
- Text comparisons ignore whitespace (PDF text puts spaces around numbers).
- A numeric fact must stand as a whole number: "77" is not found in "33.77"
  nor "5" in "25"; the boundary is checked in the text *with* its whitespace,
  so the table row "74.3 76" holds "76" but not "74.376".
- Metrics that do not apply to a set of items (recall on unanswerable items,
  refusal accuracy on answerable ones, …) are ``None``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

METRIC_KEYS = (
    "recall_at_1",
    "recall_at_5",
    "mrr_at_10",
    "answer_accuracy",
    "citation_accuracy",
    "citation_verified",
    "refusal_accuracy",
    "false_refusal_rate",
    "median_answer_chars",
    "p50_ms",
    "p95_ms",
    "ingest_ms",
)
MRR_DEPTH = 10

_WS = re.compile(r"\s+")


def squash(text: str) -> str:
    """The text without any whitespace."""
    return _WS.sub("", text)


# -- evidence ---------------------------------------------------------------------


def holds_span(text: str, span: str) -> bool:
    """Does ``text`` contain the gold span once whitespace is removed from both?"""
    s = squash(span)
    return bool(s) and s in squash(text)


def first_hit_rank(texts: Sequence[str], span: str, depth: int = MRR_DEPTH) -> int | None:
    """1-based rank of the first of ``texts`` (in order) holding ``span``, within ``depth``."""
    for rank, text in enumerate(texts[:depth], start=1):
        if holds_span(text, span):
            return rank
    return None


def recall_at(ranks: Sequence[int | None], k: int) -> float | None:
    """Share of items whose gold evidence is within the top k (None: no items)."""
    if not ranks:
        return None
    return sum(1 for r in ranks if r is not None and r <= k) / len(ranks)


def mrr_at(ranks: Sequence[int | None], k: int = MRR_DEPTH) -> float | None:
    """Mean reciprocal rank, counting ranks beyond k as misses (None: no items)."""
    if not ranks:
        return None
    return sum(1.0 / r for r in ranks if r is not None and r <= k) / len(ranks)


# -- facts --------------------------------------------------------------------------


def _digit_before(text: str, i: int) -> bool:
    if i <= 0:
        return False
    c = text[i - 1]
    return c.isdigit() or (c == "." and i >= 2 and text[i - 2].isdigit())


def _digit_after(text: str, j: int) -> bool:
    if j >= len(text):
        return False
    c = text[j]
    return c.isdigit() or (c == "." and j + 1 < len(text) and text[j + 1].isdigit())


def _numeric(ch: str) -> bool:
    return ch.isdigit() or ch == "."


def fact_present(alternative: str, text: str) -> bool:
    """``alternative`` occurs in ``text`` (whitespace ignored), numbers as whole numbers."""
    alt = squash(alternative)
    if not alt:
        return False
    positions = [i for i, ch in enumerate(text) if not ch.isspace()]
    flat = "".join(text[i] for i in positions)
    at = flat.find(alt)
    while at != -1:
        start = positions[at]
        end = positions[at + len(alt) - 1] + 1
        left_ok = not alt[0].isdigit() or not _digit_before(text, start)
        right_ok = not alt[-1].isdigit() or not _digit_after(text, end)
        # Whitespace inside a number separates two numbers ("74.3 76" is not 74.376).
        glued = any(
            positions[at + k + 1] != positions[at + k] + 1 and _numeric(alt[k]) and _numeric(alt[k + 1])
            for k in range(len(alt) - 1)
        )
        if left_ok and right_ok and not glued:
            return True
        at = flat.find(alt, at + 1)
    return False


def facts_matched(groups: Sequence[Sequence[str]], text: str) -> bool:
    """Every group has at least one alternative in ``text`` (False when there are no groups)."""
    return bool(groups) and all(any(fact_present(a, text) for a in group) for group in groups)


def missing_facts(groups: Sequence[Sequence[str]], text: str) -> list[list[str]]:
    """The groups none of whose alternatives is in ``text``."""
    return [list(g) for g in groups if not any(fact_present(a, text) for a in g)]


# -- per-item outcome and aggregation -----------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What one system did on one item, reduced to what the metrics need."""

    category: str
    answerable: bool
    found: bool  # answered (False: refused)
    rank: int | None  # 1-based rank of the first evidence holding the gold span; None: missed or n/a
    facts_ok: bool  # every expected fact group matched in the answer as shown
    cites_gold: bool  # a citation (or the returned chunk) holds the gold span
    quotes: int  # citations/quotes returned
    quotes_verified: int  # of those, verbatim spans of their document text
    answer_chars: int
    latency_ms: float

    @property
    def correct(self) -> bool:
        if not self.answerable:
            return not self.found
        return self.found and self.facts_ok and self.cites_gold


def share(flags: Iterable[bool]) -> float | None:
    values = list(flags)
    return sum(1 for v in values if v) / len(values) if values else None


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear-interpolated percentile (q in 0..100), numpy's default method."""
    if not values:
        return None
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100.0
    lo, hi = math.floor(pos), math.ceil(pos)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def median(values: Sequence[float]) -> float | None:
    return percentile(values, 50.0)


def summarize(outcomes: Sequence[Outcome], ingest_ms: float | None = None) -> dict[str, float | None]:
    """The metric dict (exactly METRIC_KEYS) for a set of outcomes."""
    answerable = [o for o in outcomes if o.answerable]
    unanswerable = [o for o in outcomes if not o.answerable]
    ranks = [o.rank for o in answerable]
    quotes = sum(o.quotes for o in outcomes)
    result: dict[str, float | None] = {
        "recall_at_1": recall_at(ranks, 1),
        "recall_at_5": recall_at(ranks, 5),
        "mrr_at_10": mrr_at(ranks, MRR_DEPTH),
        "answer_accuracy": share(o.correct for o in outcomes),
        "citation_accuracy": share(o.cites_gold for o in answerable),
        "citation_verified": (sum(o.quotes_verified for o in outcomes) / quotes) if quotes else None,
        "refusal_accuracy": share(not o.found for o in unanswerable),
        "false_refusal_rate": share(not o.found for o in answerable),
        "median_answer_chars": median([o.answer_chars for o in outcomes if o.found]),
        "p50_ms": percentile([o.latency_ms for o in outcomes], 50.0),
        "p95_ms": percentile([o.latency_ms for o in outcomes], 95.0),
        "ingest_ms": ingest_ms,
    }
    return {k: _round(k, v) for k, v in result.items()}


def summarize_by_category(outcomes: Sequence[Outcome]) -> dict[str, dict[str, float | None]]:
    """Per category, in first-seen order; ``ingest_ms`` is per system, so None here."""
    categories: list[str] = []
    for o in outcomes:
        if o.category not in categories:
            categories.append(o.category)
    return {c: summarize([o for o in outcomes if o.category == c], None) for c in categories}


def _round(key: str, value: float | None) -> float | None:
    if value is None:
        return None
    if key.endswith("_ms") or key == "median_answer_chars":
        return round(float(value), 1)
    return round(float(value), 4)
