"""Sentence scoring: term groups, whole-number matching (assistant/answer/evidence.py)."""

from __future__ import annotations

from assistant.answer.evidence import _occurs, term_groups


def test_a_number_matches_only_as_a_whole_number():
    assert _occurs("2", "重点推进 2 个专业")
    assert not _occurs("2", "重点推进 24 个专业")
    assert not _occurs("2", "增长 1.2 倍")
    assert _occurs("一体化", "开发一体化教材")


def test_an_everyday_word_is_one_group_and_its_parts_are_not_words(assistant):
    groups = term_groups("3+2以后会不会越来越多", assistant.knowledge.weights)
    assert ("3",) not in groups and ("2",) not in groups
    assert any("中高职一体化" in g and "五年制" in g for g in groups)


def test_translations_match_as_whole_phrases(assistant):
    groups = term_groups("职高毕业能读什么", assistant.knowledge.weights)
    assert ("中职", "中等职业教育", "中职学校") in groups
