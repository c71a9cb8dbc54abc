"""What retrieval searches for: the question resolved against the conversation (assistant/answer/context.py)."""

from __future__ import annotations


def test_the_stores_own_titles_are_dropped_from_the_search_text():
    from assistant.answer.context import without_own_titles

    titles = ["浙江省职业教育“十四五”发展规划（2021—2025年）"]
    assert without_own_titles('根据《浙江省职业教育"十四五"发展规划》，双师型比例是多少', titles) == "根据，双师型比例是多少"
    # Another document's name stays; a question that is only the title is kept whole.
    assert without_own_titles("《职业院校数字校园规范》有哪些要求", titles) == "《职业院校数字校园规范》有哪些要求"
    assert without_own_titles("《浙江省职业教育“十四五”发展规划》", titles) == "《浙江省职业教育“十四五”发展规划》"
