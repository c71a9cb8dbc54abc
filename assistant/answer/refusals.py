"""Refusals, the answer naming where the last answer's clauses come from, and the check every answer passes."""

from __future__ import annotations

from typing import Sequence

from ..types import Answer, Hit
from .citations import AnswerDraft, section_display, verify
from .knowledge import Knowledge


def refusal(question: str, reason: str, hits: Sequence[Hit]) -> Answer:
    """The documents do not cover the question: say why, name the closest sections, cite nothing."""
    closest: list[str] = []
    for h in hits:
        label = f"《{h.chunk.doc_title}》 {section_display(h.chunk.section, h.chunk.doc_title)}"
        if label not in closest:
            closest.append(label)
        if len(closest) == 3:
            break
    text = f"抱歉，现有文件没有涉及这个问题：{reason}。"
    if closest:
        text += "最接近的章节是：" + "；".join(closest) + "。"
    text += "我不会编造文件之外的信息，建议咨询相关学校或教育主管部门。"
    return Answer(question=question, answer=text, found=False, mode="extractive", closest=tuple(closest))


def source_answer(k: Knowledge, question: str, previous: Answer) -> Answer:
    """Where the previous answer comes from: each clause with its section path and page, cited."""
    if not previous.found or not previous.citations:
        return refusal(question, "上一个回答没有引用任何条款", ())
    parts = ["上一个回答引用的条款出自："]
    for c in previous.citations:
        where = section_display(c.section, c.doc)
        page = f"第{c.page}页，" if c.page else ""
        parts.append(f"\n《{c.doc}》{where}（{page}原文：“{c.quote}”）[{c.n}]")
    verified = verify("".join(parts), previous.citations, k.sources)
    if not verified.citations:
        return refusal(question, "引用的条款未能通过核对", ())
    return Answer(question=question, answer=verified.answer, found=True, mode="extractive", citations=verified.citations)


def finish(k: Knowledge, draft: AnswerDraft, question: str, hits: Sequence[Hit]) -> Answer:
    """Verify every quote and number of the draft; refuse if nothing survives."""
    verified = verify("".join(draft.parts), draft.citations, k.sources, draft.rows, draft.given)
    if not verified.citations:
        return refusal(question, "找到的条款未能通过引文核对", hits)
    return Answer(
        question=question,
        answer=verified.answer,
        found=True,
        mode="extractive",
        citations=verified.citations,
        warnings=tuple(k.warnings) + verified.dropped,
    )
