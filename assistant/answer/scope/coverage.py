"""Whether the best sentence holds enough of the question's weight to answer it."""

from __future__ import annotations


def evidence_sufficient(coverage: float, dense_top: float) -> bool:
    """Enough of the question's weight is found in the best sentence."""
    if coverage >= 0.34:
        return True
    return coverage >= 0.2 and dense_top >= 0.83
