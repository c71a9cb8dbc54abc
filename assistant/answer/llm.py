"""Optional LLM mode: any OpenAI-compatible endpoint writes the answer from numbered clauses.

Its markers are checked like everything else: markers that point to no clause
are removed, sentences without a valid citation are flagged, numbers must be
found in the cited clauses, and on any endpoint error or timeout the verified
extractive answer is returned instead, saying so.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..settings import Settings
from ..types import Answer, Citation, IndicatorRow
from .citations import AnswerDraft, split_answer_sentences, verify
from .knowledge import Knowledge
from .evidence import query_terms, score_sentences
from .indicators import given_value
from .prompts import NOT_COVERED, SYSTEM, user_message

_MARKER_RE = re.compile(r"\[(\d{1,3})\]")
MAX_CLAUSES = 8


def chat_model(settings: Settings):
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(
        model=settings.llm_model,
        base_url=settings.llm_base_url,
        api_key=settings.llm_api_key or "not-needed",
        timeout=settings.llm_timeout_s,
        max_retries=0,
        temperature=0,
    )


def build_clauses(k: Knowledge, state: dict[str, Any], extractive: Answer) -> tuple[list[Citation], dict[int, IndicatorRow]]:
    """The extractive answer's citations first, then the best sentences of the other hits."""
    draft = AnswerDraft()
    rows_by_display = {(r.doc_id, r.display()): r for r in k.rows}
    for c in extractive.citations:
        if c.kind == "indicator" and (c.doc_id, c.display) in rows_by_display:
            draft.cite_row(k, rows_by_display[(c.doc_id, c.display)])
        else:
            draft.citations.append(replace(c, n=len(draft.citations) + 1))
    resolved = state["resolved"]
    terms = query_terms(resolved.search_text)
    for s in score_sentences(resolved.search_text, [h for h in state["hits"] if h.chunk.kind != "table"], k.weights, terms):
        if len(draft.citations) >= MAX_CLAUSES:
            break
        if s.coverage >= 0.15:
            draft.cite_text(k, s, terms)
    return draft.citations, draft.rows


def llm_answer(settings: Settings, k: Knowledge, state: dict[str, Any], extractive: Answer) -> Answer:
    clauses, rows = build_clauses(k, state, extractive)
    numbered = [(c.n, " > ".join(c.section[-2:]) or c.doc, c.display if c.kind == "indicator" else c.quote) for c in clauses]
    history = [(t.question, t.answer) for t in state["history"]]
    try:
        from langchain_core.messages import HumanMessage, SystemMessage

        reply = chat_model(settings).invoke(
            [SystemMessage(SYSTEM), HumanMessage(user_message(state["question"], numbered, history))]
        )
        text = reply.content if isinstance(reply.content, str) else str(reply.content)
    except Exception as exc:  # any endpoint failure falls back; the reason is shown
        reason = type(exc).__name__
        return replace(extractive, warnings=extractive.warnings + (f"大模型接口出错（{reason}），已改用抽取式回答",))
    text = text.strip()
    if not text or text.startswith(NOT_COVERED):
        return replace(extractive, warnings=extractive.warnings + ("大模型认为条款不足以回答，已改用抽取式回答",))

    valid = {c.n for c in clauses}
    warnings: list[str] = []
    invalid = sorted({int(m) for m in _MARKER_RE.findall(text) if int(m) not in valid})
    if invalid:
        warnings.append("已删除指向不存在条款的引用标记：" + "、".join(f"[{m}]" for m in invalid))
        text = _MARKER_RE.sub(lambda m: m.group(0) if int(m.group(1)) in valid else "", text)
    for i, sentence in enumerate(split_answer_sentences(text), start=1):
        if sentence.strip() and not _MARKER_RE.search(sentence):
            warnings.append(f"第{i}句没有有效引用，请核对：{sentence.strip()[:40]}")
    # A figure the user stated ("我们现在75%") and its distance to the one cited row's target are supported too.
    only_row = next(iter(rows.values())) if len(rows) == 1 else None
    stated = given_value(state["question"], only_row) if only_row is not None else None
    checked = verify(text, clauses, k.sources, rows, [stated] if stated else [])
    if not checked.citations:
        return replace(extractive, warnings=extractive.warnings + ("大模型回答的引用未通过核对，已改用抽取式回答",))
    return Answer(
        question=extractive.question,
        answer=checked.answer,
        found=True,
        mode="llm",
        citations=checked.citations,
        warnings=tuple(warnings) + checked.dropped,
    )
