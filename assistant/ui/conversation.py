"""One browser session's conversation: what was asked, what came back, in order.

The chat component only holds rendered Markdown; this state holds the real
``Answer`` objects (with citation offsets), so follow-ups get ``Turn``s with
citations, sources can be reopened, and feedback/export see the exact answer.
Each exchange adds exactly two chat messages (question, reply), so message
``i`` belongs to exchange ``i // 2``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..types import Answer, Turn


@dataclass(frozen=True)
class Exchange:
    """One question and either its answer or the error shown instead."""

    question: str
    answer: Answer | None = None
    error: str = ""
    persona: str = ""


def history_turns(exchanges: Sequence[Exchange]) -> list[Turn]:
    """Earlier answered exchanges as ``Turn``s (errors are not part of the dialogue)."""
    return [
        Turn(e.answer.question, e.answer.answer, tuple(e.answer.citations))
        for e in exchanges
        if e.answer is not None
    ]


def exchange_for_message(exchanges: Sequence[Exchange], message_index: int) -> Exchange | None:
    """The exchange a chat message belongs to (None if out of range)."""
    i = message_index // 2
    return exchanges[i] if 0 <= i < len(exchanges) else None
