"""Several questions in one message: the one an indicator row answers, and a cited sentence for each other one."""

from __future__ import annotations

import re

from .citations import AnswerDraft
from .context import META_WORDS
from .evidence import score_sentences, term_groups
from .indicators import asks_quantity
from .knowledge import Knowledge
from .listing import asks_two_parts, coordinated_terms
from .passages import cover_the_other_part
from .ranking import favour_scope
from .scope import asked_clauses, question_parts

OTHER_QUESTION_MIN_COVERAGE = 0.5
ROW_PART_LEXICAL = 0.3  # a part asking a figure and sharing this much of a row's name is that row's question


def row_part(k: Knowledge, part: str, rows) -> bool:
    """The part asks a figure, and of the table's rows the chosen ones share most of its words."""
    if not asks_quantity(part) or "专栏" in part:
        return False  # "专栏里要培育多少所…": a 专栏's figures, not the table's
    name, share = k.matcher.closest_name(part)
    return share >= ROW_PART_LEXICAL and any(r.indicator == name for r in rows)


def one_part_names_row(k: Knowledge, question: str, rows) -> bool:
    """"中职在校生要达到多少万人？另外办学条件何时达标？": one question is the row's, whatever the other asks."""
    parts = question_parts(question)
    return len(parts) >= 2 and any(row_part(k, p, rows) for p in parts)


# A question for the measures behind what was just named: "有什么措施跟这个有关", "哪些举措是冲着这个目标去的".
_MEASURES_OF_IT = re.compile(r"(?:措施|举措|做法|办法|抓手|政策)\S{0,10}(?:这个|这项|该|此|其|它|上述)|(?:这个|这项|该|此|其|它|上述)\S{0,10}(?:措施|举措|做法|办法|抓手|政策)")


def answer_other_questions(k: Knowledge, draft: AnswerDraft, question: str, rows, text_hits, dense) -> None:
    """Each question of a several-question message that no chosen row is about gets the sentence that answers it
    (``rows`` empty: a text answer, every question)."""
    parts = question_parts(question)
    if len(parts) < 2:
        return
    for part in parts:
        if row_part(k, part, rows):
            continue
        if rows and _MEASURES_OF_IT.search(part):
            continue  # "规划里有什么措施跟这个有关": the row's measures, which its answer lists
        part = asked_clauses(part)  # "孩子在技校读书，技校算不算职业院校": the clause that asks
        # Words about the document ("专栏里对应有啥抓手") name no topic a sentence must hold.
        groups = [g for g in term_groups(part, k.weights) if not all(t in META_WORDS for t in g)]
        if not groups:
            continue
        scored = score_sentences(part, text_hits, k.weights, groups, dense)
        scored = favour_scope(scored, part)
        if not scored or scored[0].coverage < OTHER_QUESTION_MIN_COVERAGE:
            continue
        chosen = [scored[0]]
        if asks_two_parts(part) or len(coordinated_terms(part, k.weights)) >= 2:
            # "培育多少所标杆学校、多少个虚拟仿真实训基地": a second sentence for what the first lacks.
            chosen = cover_the_other_part(k, chosen, scored, 2)
        for s in chosen:
            before = len(draft.citations)
            n = draft.cite_text(k, s, [t for g in groups for t in g])
            if n > before:  # not already cited
                draft.parts.append(f"\n{draft.quoted(k, n)}[{n}]")
