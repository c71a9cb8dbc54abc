"""The head nouns of asked clauses, and verbs a question word asks for read as nouns."""

from __future__ import annotations

from assistant.answer.scope.heads import asked_heads
from assistant.answer.scope.unknown_words import unknown_topics


def test_the_head_noun_of_an_asked_clause_is_what_it_is_about():
    assert asked_heads("我家孩子读中职，是不是可以免学费？") == {"学费"}
    assert asked_heads("我在工厂打工，还有机会读高职吗？") == {"高职"}


def test_a_noun_qualifying_the_head_is_asked_about_too():
    assert asked_heads("中职学校宿舍条件有什么要求？") == {"宿舍", "条件"}
    assert asked_heads("学校食堂有哪些规定？") == {"学校食堂"}


def test_what_is_asked_for_by_a_verb_after_a_question_word():
    from assistant.answer.scope.heads import tag_asked

    assert ("处罚", "vn") in tag_asked("对企业有什么处罚？")
    # A verb that qualifies the noun after it stays a verb: 指标 is what is asked for.
    assert ("量化", "vn") not in tag_asked("有什么量化指标？")
    assert "处罚" in asked_heads("《职业教育法》对不参与校企合作的企业有什么处罚？")


def test_a_word_after_a_predicate_adverb_is_said_of_the_topic_not_the_topic(assistant):
    # "还算数吗": 算数 says whether the credits count; 学分银行 is the topic.
    assert "算数" not in asked_heads("以后换学校还算数吗？")
    assert asked_heads("中职学生还有补贴吗？") == {"补贴"}
    a = assistant.ask("孩子在职校修的课拿的证，以后换学校还算数吗？听说有个学分银行")
    assert a.found and "学分银行" in a.citations[0].quote


def test_a_doubled_verb_is_its_base_verb_and_what_one_studies_is_a_field(assistant):
    from assistant.answer.scope.heads import _base_verb, tag_asked

    assert (_base_verb("做做"), _base_verb("了解了解"), _base_verb("体验")) == ("做", "了解", "体验")
    k = assistant.knowledge
    # 烘焙 is tagged a verb; after 学 or before 专业 it names a field the documents never mention.
    assert ("烘焙", "vn") in tag_asked("职高有烘焙专业吗？")
    assert unknown_topics("能去职校学学烘焙吗？", k.corpus_norm, k.weights) == [("烘焙", "vn")]
    assert not assistant.ask("能去职校学烘焙吗？").found
    assert not assistant.ask("听说职高有烘焙专业，是真的吗？").found
    # The segmenter's first word is not after a study verb ("听说……").
    assert assistant.ask("听说有那种五年制的，初中毕业直接读五年，浙江有吗？").found
