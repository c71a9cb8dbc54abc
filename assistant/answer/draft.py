"""Staff mode: a formal reply draft (关于…的答复) built from the cited clauses."""

from __future__ import annotations

import re
from dataclasses import replace

from ..types import Answer, Citation

_QUESTION_NOISE = re.compile(
    r"(请问|想问一下|想问|我想知道|是多少|是什么|有哪些|包括哪些|有什么|能不能|可不可以|是不是|有没有|"
    r"怎么样|怎么|如何|什么|哪些|多少|吗|呢|？|\?|。|！|!)"
)
_DANGLING = re.compile(r"(的|是|有|为|包括|要|会|能)+$")


def reply_topic(question: str) -> str:
    """The subject of a question, for the reply title: "中职双师型教师比例目标是多少？" → "中职双师型教师比例目标"."""
    topic = _QUESTION_NOISE.sub("", question).strip(" ，,、")
    topic = _DANGLING.sub("", topic).strip(" ，,、")
    return topic[:30] or "有关问题"


def clause_line(c: Citation) -> str:
    section = " > ".join(c.section) if c.section else c.doc
    page = f"，第{c.page}页" if c.page else ""
    return f"[{c.n}] 《{c.doc}》{section}{page}：“{c.quote}”"


def draft_reply(answer: Answer) -> Answer:
    """Wrap a verified answer in the formal reply format; refusals stay refusals."""
    if not answer.found:
        return replace(answer, mode="draft")
    title = f"关于{reply_topic(answer.question)}的答复"
    docs = sorted({c.doc for c in answer.citations})
    basis = "、".join(f"《{d}》" for d in docs)
    body = answer.answer.replace("\n规划中相关的举措：", "\n规划中相关的举措如下：")
    lines = [
        title,
        "",
        "您好！您反映的问题已收悉。经研究，现答复如下：",
        f"根据{basis}的有关规定：{body}",
        "",
        "感谢您对我省职业教育工作的关心和支持。",
        "",
        "引用条款：",
        *[clause_line(c) for c in answer.citations],
    ]
    return replace(answer, answer="\n".join(lines), mode="draft")
