"""jieba tokenization, the word tables, and BM25 on the real plan (assistant/retrieval/lexical.py)."""

from __future__ import annotations

import re

from assistant.normalize import normalize
from assistant.retrieval.lexical import LexicalIndex, expand_query, synonyms, tokenize, translate_english
from assistant.types import Chunk

from conftest import PLAN_TXT


def test_domain_terms_stay_whole_and_search_mode_adds_their_parts():
    tokens = tokenize("推进中高职一体化和1+X证书制度试点")
    assert "中高职一体化" in tokens and "1+x" in tokens
    assert "和" not in tokens  # a stopword
    assert tokens == ["推进", "中高", "高职", "一体", "一体化", "中高职一体化", "1+x", "证书", "制度", "试点"]


def test_traditional_characters_are_searched_as_simplified():
    assert "中小学生" in tokenize("中小學生職業體驗") and "职业体验" in tokenize("中小學生職業體驗")


def test_everyday_words_bring_the_documents_terms():
    assert expand_query("职高毕业能读大专吗") == "职高毕业能读大专吗 中职 中等职业教育 中职学校 高职 高专 专科 高职院校"
    assert translate_english("how many vocational undergraduate students") == "职教本科 本科职业教育 学生 在校生"


def test_every_term_the_synonym_table_maps_to_is_a_word_of_the_plan():
    # A translation the plan never uses can match nothing; the table is written from the plan.
    plan = re.sub(r"\s+", "", normalize(PLAN_TXT.read_text(encoding="utf-8")))
    missing = [(word, t) for word, terms in synonyms().items() for t in terms if re.sub(r"\s+", "", t) not in plan]
    assert missing == []


def _chunk(n: int, text: str) -> Chunk:
    return Chunk(chunk_id=f"c{n}", doc_id="d", doc_title="t", section=("s",), column=None, column_title=None,
                 page=None, start=0, end=len(text), text=text)


def test_bm25_ranks_a_tiny_corpus_exactly():
    chunks = [_chunk(0, "稳步发展职教本科"), _chunk(1, "提高专升本比例，适度增加专升本计划"), _chunk(2, "建设活页式教材")]
    index = LexicalIndex(chunks, [tokenize(c.text) for c in chunks])
    # 升本 (inside 专升本) is an everyday word for 专升本 and 本科: the 本科 chunk follows.
    assert [h.chunk.chunk_id for h in index.search("专升本", 3)] == ["c1", "c0"]
    assert [h.chunk.chunk_id for h in index.search("活页式", 3)] == ["c2"]
    # Chunks without any term score 0 and are left out.
    assert index.search("宿舍", 3) == []


def test_bm25_top_sections_on_the_real_plan(assistant):
    def top(query):
        return [h.chunk.section[-1] for h in assistant.retriever.bm25(query, 2)]

    assert top("活页式教材") == ["（八）强化职业教育数字化支撑", "（四）全面提升人才培养质量"]
    assert top("双师型教师培养培训基地") == ["专栏 6：职业院校“双师型”教师建设计划", "（五）打造高素质“双师型”教师队伍"]
    assert top("老年大学")[0] == "（七）提升职业院校社会服务能力"


def test_an_everyday_word_inside_a_longer_word_is_not_that_word():
    from assistant.retrieval.lexical import synonyms_in

    assert "职高" not in synonyms_in("高职高专在校生2020年有多少万")  # 高职高专 holds the characters, not 职高
    assert "职高" in synonyms_in("孩子读职高")
    assert {"职高", "职高生"} <= set(synonyms_in("职高生能升本科吗"))
    assert "大专" in synonyms_in("那大专升本的比例呢")  # the segmenter's guess 那大|专升本 does not hide it


def test_a_group_of_people_in_everyday_words_is_the_plans_group():
    from assistant.retrieval.lexical import expand_query

    assert "群体" in expand_query("高职扩招面向哪些人群").split()


def test_user_dictionary_terms_are_tagged_with_their_part_of_speech():
    from assistant.retrieval.lexical import tag

    # Tagged as the nouns they are, not as unknown words (x), so the scope checks see them.
    assert tag("双师型教师比例")[0] == ("双师型", "n")
    assert ("生师比", "n") in tag("高职院校生师比规划目标是多少？")
