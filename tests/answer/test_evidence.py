"""Sentence scoring: term groups, whole-number matching (assistant/answer/evidence.py)."""

from __future__ import annotations

import os
import subprocess
import sys

from assistant.answer.evidence import _occurs, cut_across, score_sentences, term_groups
from assistant.types import Hit


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


def test_a_common_one_character_verb_or_adverb_is_no_term(assistant):
    groups = term_groups("职校能不能多培养点数字化人才", assistant.knowledge.weights)
    assert ("多",) not in groups and ("数字化",) in groups and ("培养",) in groups
    # A one-character noun or place word stays: 市 (市一级), 后 (两后生).
    assert ("市",) in term_groups("市一级要办什么样的学校", assistant.knowledge.weights)
    assert ("后",) in term_groups("初中毕业后没再读书", assistant.knowledge.weights)


def test_a_domain_term_the_segmenter_cuts_apart_is_still_a_term():
    # jieba reads 中 | 职能 in "读中职能不能"; 中职 is still what is asked about.
    assert ("中职",) in term_groups("读中职能不能直接读高职？")


def test_everyday_words_starting_at_one_place_group_the_same_under_any_hash_seed():
    # 升本科 and 升本 start together: the longer one is taken first, whatever the set order.
    code = "from assistant.answer.evidence import term_groups; print(term_groups('大专读完想升本科，专升本会增加吗'))"
    outputs = {
        subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONHASHSEED": str(seed)},
                       capture_output=True, text=True, check=True).stdout
        for seed in range(4)
    }
    assert len(outputs) == 1
    assert "('本科', '升入')]" in outputs.pop()


def test_a_term_counts_as_holding_the_plain_words_it_stands_for(assistant):
    k = assistant.knowledge
    sentence = [s for s in score_sentences("中职 本科", [Hit(c, 0.0, "t") for c in k.chunks if c.kind != "table"], k.weights)
                if "中本一体化" in s.sentence.text][0]
    assert sentence.coverage == 1.0 and set(sentence.matched) == {"中职", "本科"}


def test_a_year_with_a_time_word_is_the_plans_horizon_not_a_term(assistant):
    groups = term_groups("想在2025年前把我们学校双师型比例提上去，规划里有哪些具体举措可以对标？", assistant.knowledge.weights)
    flat = {t for g in groups for t in g}
    assert "双师型" in flat and not flat & {"2025", "年前"}
    # A year asked about is a term.
    assert ("2025",) in term_groups("2025年要建多少所高水平学校", assistant.knowledge.weights)
    a = assistant.ask("想在2025年前把我们学校双师型比例提上去，规划里有哪些具体举措可以对标？")
    assert "双师型" in a.citations[0].quote


def test_a_pointing_word_is_no_term():
    groups = term_groups("这些指标是什么性质？我们学校那些专业呢")
    flat = {t for g in groups for t in g}
    assert {"指标", "性质", "学校", "专业"} <= flat
    assert not flat & {"这些", "那些", "我们"}


def test_what_the_user_already_knows_is_no_term(assistant):
    w = assistant.knowledge.weights
    # "除了丝路学院，……还有哪些做法": the rest of the question says enough, so 丝路学院 is not looked for.
    groups = term_groups("除了丝路学院，规划在提升国际合作质量、搭建合作平台方面还有哪些做法？", w)
    assert not any("丝路学院" in t for g in groups for t in g)
    assert ("国际",) in groups and ("合作",) in groups
    # "除了退役军人还有哪些人": the rest says nothing, so 退役军人's list is what is asked.
    groups = term_groups("除了退役军人还有哪些人？", w)
    assert any("退役军人" in t for g in groups for t in g)


def test_asking_whether_the_plan_covers_something_names_no_topic(assistant):
    from assistant.answer.scope import asked_clauses

    groups = term_groups("我在厂里上班，想去培训提升一下但是没空脱产，规划有考虑吗", assistant.knowledge.weights)
    assert ("考虑",) not in groups and ("培训",) in groups
    # "规划有考虑吗" asks about the clauses before it, which therefore ask too.
    assert asked_clauses("我想去培训提升一下，规划有考虑吗") == "我想去培训提升一下,规划有考虑吗"


def test_a_word_for_a_way_is_what_is_asked_not_a_topic():
    from assistant.answer.evidence import term_groups

    terms = [t for g in term_groups("初中毕业读中专，有没有能读到本科的路子？") for t in g]
    assert "路子" not in terms and "本科" in terms


def test_all_the_way_up_is_a_through_route_not_the_belt_and_road(assistant):
    from assistant.retrieval.lexical import synonyms_in

    # "一路读到本科": 一路 alone would match 一带一路; the phrase is the plan's 贯通式培养 and 长学制.
    assert "一路读" in synonyms_in("初中毕业读中专，有没有能一路读到本科的路子？")
    a = assistant.ask("初中毕业读中专，有没有能一路读到本科的路子？")
    assert not any("一带一路" in c.quote for c in a.citations)
    assert any("稳步推进中本一体化和四年制高职培养试点" in c.quote for c in a.citations)


def test_a_word_of_the_documents_cut_across_by_the_segmenter_is_a_term(assistant):
    # jieba reads 打 | 造成 in 打造成; the plan's 打造 is what is asked about.
    assert ("打造", "造成") in cut_across("最后要打造成什么")
    groups = term_groups("最后要打造成什么", assistant.knowledge.weights)
    assert ("打造",) in groups
    # Where the longer piece is a word of the documents, its cut stands.
    assert all(g != ("学职",) for g in term_groups("读中职能不能升本科", assistant.knowledge.weights))


def test_a_long_sentence_whose_asked_words_lie_apart_is_quoted_in_two_windows(assistant):
    a = assistant.ask("指导思想里以什么为牵引？最后落脚要打造什么？")
    first, second = a.citations[0], a.citations[1]
    assert "以数字化改革为牵引" in first.quote and "全国职教高地" in second.quote
    assert first.end <= second.start and len(first.quote) <= 200 and len(second.quote) <= 200
    assert a.answer.startswith("以习近平新时代中国特色社会主义思想为指导")
    assert "……[1]现代化水平大幅提升的职业教育发展新格局" in a.answer
