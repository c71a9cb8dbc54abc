"""The sentences a text answer quotes: each coordinated term covered (assistant/answer/passages.py)."""

from __future__ import annotations

from assistant.answer.evidence import score_sentences, term_groups
from dataclasses import replace

from assistant.answer.passages import cover_the_coordinates
from assistant.types import Hit


def _scored(assistant, question):
    """Every text sentence scored as the composer scores them: terms and embedding closeness."""
    k = assistant.knowledge
    sims = k.sentences.similarities(assistant.embedder.embed_query(question))
    dense = {key: float(v) for key, v in zip(k.sentences.keys, sims)}
    hits = [Hit(c, 0.0, "rest") for c in k.chunks if c.kind == "text"]
    return score_sentences(question, hits, k.weights, term_groups(question, k.weights), dense)


def test_a_coordinated_part_no_chosen_sentence_holds_brings_its_best_sentence(assistant):
    scored = _scored(assistant, "省级和设区市各自负责统筹什么")
    city = next(s for s in scored if s.sentence.text.startswith("设区市强化对中职教育发展的区域统筹"))
    chosen = cover_the_coordinates([city], scored, [("省级",)], limit=4, sources=assistant.knowledge.sources)
    assert [s.sentence.text[:8] for s in chosen] == ["设区市强化对中职", "省级强化高等职业"]
    # Held already: nothing changes.
    assert cover_the_coordinates(chosen, scored, [("设区",)], limit=4, sources=assistant.knowledge.sources) == chosen


def test_covering_two_terms_in_a_full_answer_keeps_both(assistant):
    scored = _scored(assistant, "省级和设区市各自负责统筹什么")
    others = [s for s in scored if "省级" not in s.sentence.text and "设区" not in s.sentence.text][:4]
    chosen = cover_the_coordinates(others, scored, [("省级",), ("设区",)], limit=4, sources=assistant.knowledge.sources)
    assert len(chosen) == 4 and chosen[0] is others[0]
    assert any("省级" in s.sentence.text for s in chosen) and any("设区" in s.sentence.text for s in chosen)


def test_a_coordinated_part_set_right_beside_the_other_needs_a_lower_score(assistant):
    scored = _scored(assistant, "省级和设区市各自负责统筹什么")
    city = next(s for s in scored if s.sentence.text.startswith("设区市强化对中职教育发展的区域统筹"))
    province = next(s for s in scored if s.sentence.text.startswith("省级强化高等职业"))
    sources = assistant.knowledge.sources
    # The 省级 sentence scores a third of the best: below the floor for a sentence found anywhere,
    # above the one for the sentence the document sets right before the 设区市 one.
    strong_city = replace(city, score=3 * province.score)
    chosen = cover_the_coordinates([strong_city], scored, [("省级",), ("设区",)], limit=4, sources=sources)
    assert [s.sentence.text[:8] for s in chosen] == ["设区市强化对中职", "省级强化高等职业"]
    # Far from any holder of the other part, the same score is not enough.
    far = [s for s in scored if s is not province]
    elsewhere = replace(province, sentence=next(s.sentence for s in far if "省级" in s.sentence.text and s.score < province.score))
    assert cover_the_coordinates([strong_city], [elsewhere], [("省级",), ("设区",)], limit=4, sources=sources) == [strong_city]


def test_the_province_and_the_cities_each_get_their_clause(assistant):
    answer = assistant.ask("职业教育分级统筹，省里和设区市怎么分工？")
    quotes = " ".join(c.quote for c in answer.citations)
    assert "省级强化高等职业教育学校布局和专业结构统筹" in quotes
    assert "设区市强化对中职教育发展的区域统筹" in quotes


def test_a_sentence_joins_the_answer_from_a_share_of_the_best_score(assistant):
    from assistant.answer.citations import AnswerDraft
    from assistant.answer.passages import SHARE_OF_BEST, answer_text

    scored = _scored(assistant, "职业院校怎么到国外办学")
    far_apart = [s for s in scored if s.coverage >= 0.2]
    first, second, third = far_apart[0], far_apart[5], far_apart[10]
    ranked = [replace(first, score=1.0), replace(second, score=SHARE_OF_BEST + 0.02), replace(third, score=SHARE_OF_BEST - 0.02)]
    draft = AnswerDraft()
    answer_text(assistant.knowledge, draft, ranked, [])
    quoted = " ".join(c.quote for c in draft.citations)
    assert second.sentence.text[:20] in quoted and third.sentence.text[:20] not in quoted
