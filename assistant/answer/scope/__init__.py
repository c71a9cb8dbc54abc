"""Does the corpus cover the question? Refuse plainly when it does not.

Three general checks: a year outside the plan period, a named place or
institution that never occurs in the documents, and weak evidence (the best
sentence holds too little of the question's weight, counting terms the
documents never use).

- ``clauses``: which clauses of a question ask (not the scene set before them), and its distinctive words.
- ``heads``: what an asked clause is about, its head nouns.
- ``hard``: questions plainly outside the plan, refused before retrieval (``hard_out_of_scope``).
- ``areas``: places and parts of the province a question names.
- ``cited_documents``: what another document the plan cites in 《》 says.
- ``unknown_words``: nouns the documents never use, and when one blocks an answer.
- ``figures``, ``names``, ``criteria``: questions for a figure, names or conditions, and evidence that states them.
- ``specifics``: whether the evidence can hold what is asked for (``missing_specifics``).
- ``coverage``: whether the best sentence holds enough of the question.
"""

from __future__ import annotations

from .areas import area_other_than_province, is_place, part_of_the_whole, place_mentioned
from .cited_documents import named_document_content
from .clauses import DISTINCTIVE_FREQ, asked_clauses, question_parts
from .coverage import evidence_sufficient
from .criteria import asks_criteria, condition_for
from .figures import asks_duration, asks_money, states_duration
from .hard import ScopeCheck, hard_out_of_scope
from .heads import asked_heads, tag_asked
from .names import missing_names
from .specifics import asks_specific, missing_specifics
from .unknown_words import frames_value, unknown_head_blocks, unknown_rate, unknown_topics

__all__ = [
    "DISTINCTIVE_FREQ",
    "ScopeCheck",
    "area_other_than_province",
    "asked_clauses",
    "asked_heads",
    "asks_criteria",
    "asks_duration",
    "asks_money",
    "asks_specific",
    "condition_for",
    "evidence_sufficient",
    "frames_value",
    "hard_out_of_scope",
    "is_place",
    "missing_names",
    "missing_specifics",
    "named_document_content",
    "part_of_the_whole",
    "place_mentioned",
    "question_parts",
    "states_duration",
    "tag_asked",
    "unknown_head_blocks",
    "unknown_rate",
    "unknown_topics",
]
