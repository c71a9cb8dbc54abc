"""Load and validate the evaluation items (one JSON object a line)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import AssistantError


class EvaluationError(AssistantError):
    """The evaluation cannot run as asked (bad question file, missing limits…)."""

    code = "evaluation"


@dataclass(frozen=True)
class Gold:
    section: str  # the heading the evidence sits under
    span: str  # a short verbatim span of the evidence


@dataclass(frozen=True)
class EvalItem:
    id: str
    question: str
    history: tuple[tuple[str, str], ...]
    category: str
    answerable: bool
    expected_facts: tuple[tuple[str, ...], ...]  # every group must be matched by one of its alternatives
    gold: Gold | None
    note: str = ""

    def history_pairs(self) -> list[list[str]]:
        return [[q, a] for q, a in self.history]


def load_questions(path: Path) -> list[EvalItem]:
    """Every item of the file, validated; raises EvaluationError naming the line."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"cannot read question file {path}: {exc}") from None
    items: list[EvalItem] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except ValueError as exc:
            raise EvaluationError(f"{path}:{number}: not valid JSON ({exc})") from None
        item = parse_item(raw, f"{path}:{number}")
        if item.id in seen:
            raise EvaluationError(f"{path}:{number}: duplicate id {item.id!r}")
        seen.add(item.id)
        items.append(item)
    if not items:
        raise EvaluationError(f"{path} holds no questions")
    return items


def parse_item(raw: Any, where: str = "item") -> EvalItem:
    def bad(why: str) -> EvaluationError:
        return EvaluationError(f"{where}: {why}")

    if not isinstance(raw, dict):
        raise bad("each line must be a JSON object")
    for key in ("id", "question", "category"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise bad(f"{key!r} must be a non-empty string")
    answerable = raw.get("answerable")
    if not isinstance(answerable, bool):
        raise bad("'answerable' must be true or false")

    history_raw = raw.get("history") or []
    if not isinstance(history_raw, list):
        raise bad("'history' must be a list of [question, answer] pairs")
    history = []
    for turn in history_raw:
        if not (isinstance(turn, list) and len(turn) == 2 and all(isinstance(t, str) for t in turn)):
            raise bad("'history' must be a list of [question, answer] pairs")
        history.append((turn[0], turn[1]))

    facts_raw = raw.get("expected_facts") or []
    if not isinstance(facts_raw, list):
        raise bad("'expected_facts' must be a list of lists of strings")
    facts = []
    for group in facts_raw:
        if not (isinstance(group, list) and group and all(isinstance(a, str) and a.strip() for a in group)):
            raise bad("each expected fact group must be a non-empty list of non-empty strings")
        facts.append(tuple(group))

    gold_raw = raw.get("gold")
    gold = None
    if gold_raw is not None:
        if not (isinstance(gold_raw, dict) and isinstance(gold_raw.get("section"), str) and isinstance(gold_raw.get("span"), str)):
            raise bad("'gold' must be null or {\"section\": str, \"span\": str}")
        if not gold_raw["span"].strip():
            raise bad("'gold.span' is empty")
        gold = Gold(gold_raw["section"], gold_raw["span"])
    if answerable and (gold is None or not facts):
        raise bad("an answerable item needs 'gold' and 'expected_facts'")
    if not answerable and (gold is not None or facts):
        raise bad("an unanswerable item has no 'gold' and no 'expected_facts'")
    note = raw.get("note") or ""
    if not isinstance(note, str):
        raise bad("'note' must be a string")
    return EvalItem(
        id=raw["id"],
        question=raw["question"],
        history=tuple(history),
        category=raw["category"],
        answerable=answerable,
        expected_facts=tuple(facts),
        gold=gold,
        note=note,
    )
