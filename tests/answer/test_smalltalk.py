"""Greetings, thanks and "what can you do" (assistant/answer/smalltalk.py)."""

from __future__ import annotations

import pytest

from assistant.answer.smalltalk import small_talk

TITLES = ["浙江省职业教育“十四五”发展规划(2021—2025 年)"]


@pytest.mark.parametrize("question", ["你好", "您好！", "在吗？", "hello", "你能做什么？", "你是谁", "怎么用", "你好，你能做什么？"])
def test_a_greeting_or_a_question_about_the_assistant_gets_what_it_covers(question):
    reply = small_talk(question, TITLES)
    assert reply is not None and not reply.found and not reply.citations and not reply.closest
    assert reply.answer.startswith("您好！我是浙江职教规划助手，只根据《浙江省职业教育“十四五”发展规划(2021—2025 年)》作答")


@pytest.mark.parametrize("question", ["谢谢！", "好的谢谢", "明白了，谢谢"])
def test_thanks_gets_a_short_reply(question):
    assert small_talk(question, TITLES).answer == "不客气！关于《浙江省职业教育“十四五”发展规划(2021—2025 年)》还有什么问题，随时可以问我。"


@pytest.mark.parametrize("question", ["你好，中职学生能升本科吗", "谢谢，那高职呢？", "你能告诉我专升本比例吗", "你们学校好吗"])
def test_a_question_that_also_asks_something_is_not_small_talk(question):
    assert small_talk(question, TITLES) is None


def test_small_talk_on_the_real_store_cites_nothing(assistant):
    a = assistant.ask("你好")
    assert not a.found and a.citations == () and "只根据《浙江省职业教育" in a.answer
    assert assistant.ask("你好，中职学生能升本科吗？").found
