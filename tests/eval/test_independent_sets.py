"""The independent question sets (eval/independent/): each parses and is grounded in the plan.

They were written by separate sessions from the plan text alone, without the
main set or the code; see README. These checks are lighter than the main set's:
schema through the harness's own loader, unique ids, every gold span and every
non-numeric expected fact verbatim in the plan.
"""

import re
from pathlib import Path

import pytest

from assistant.evaluation.questions import load_questions

ROOT = Path(__file__).resolve().parents[2]
SETS = sorted((ROOT / "eval" / "independent").glob("*.jsonl"))
PLAN = ROOT / "tests" / "fixtures" / "zhejiang-vocational-education-plan-2021-2025.txt"


# A figure, however written: "80", "7个", "差7", "三万", "百分之五十", "一半".
FIGURE = re.compile(r"\d|^差?[零一二两三四五六七八九十百千万亿半]+[个年倍成万%％]?$|^百分之")


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_there_are_independent_sets():
    assert len(SETS) == 30


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.name)
def test_set_is_grounded_in_the_plan(path):
    plan = flat(PLAN.read_text(encoding="utf-8"))
    items = load_questions(path)
    assert len({i.id for i in items}) == len(items)
    assert sum(not i.answerable for i in items) >= 15
    for item in items:
        if not item.answerable:
            assert item.gold is None and not item.expected_facts, item.id
            continue
        assert flat(item.gold.span) in plan, (item.id, item.gold.span)
        assert flat(item.gold.section) in plan, (item.id, item.gold.section)
        for group in item.expected_facts:
            words = [a for a in group if not FIGURE.search(flat(a))]
            # A group with a figure may also spell it out ("三万", "百分之五十"); only a group of words must be the plan's.
            if words and len(words) == len(group):
                assert any(flat(a) in plan for a in words), (item.id, group)
