"""Greetings, thanks and "what can you do": answered with what the assistant covers, not with a clause.

A greeting has no clause to cite; answering it with the best-scoring sentence
(or a refusal listing "closest sections") would puzzle the user. Only a
question that is nothing but small talk is caught here.
"""

from __future__ import annotations

import re
from typing import Sequence

from ..normalize import normalize
from ..types import Answer

_SEP = r"[呀啊吗呢哦哈嘛啦~～!！.。,，、?？\s]*"
_GREETING = r"(?:你好|您好|嗨|哈喽|哈啰|hello|hi|hey|早上好|上午好|中午好|下午好|晚上好|在吗|在不在|有人吗)"
_THANKS = r"(?:谢谢|多谢|感谢|谢啦|谢了|thanks|thank you|好的|好|明白了|知道了|懂了|ok|okay|再见|拜拜|bye)(?:你|您)?"
_ABOUT_YOU = (
    r"(?:请问)?(?:你|您)(?:是谁|是什么|是干什么的|能做什么|能干什么|会什么|会做什么|可以做什么|可以干什么|"
    r"有什么用|能回答什么|能回答哪些问题|可以问什么|可以回答什么)"
    r"|怎么用|如何使用|使用说明|帮助|help|what can you do|who are you"
)
# A message made of nothing but such phrases ("好的谢谢", "你好，你能做什么？").
_ONLY = re.compile(rf"^(?:(?:{_GREETING}|{_THANKS}|{_ABOUT_YOU}){_SEP})+$")
_ONLY_THANKS = re.compile(rf"^(?:{_THANKS}{_SEP})+$")


def small_talk(question: str, titles: Sequence[str]) -> Answer | None:
    """The reply to a greeting, thanks or a question about the assistant itself; None for anything else."""
    norm = normalize(question).strip()
    docs = "、".join(f"《{t}》" for t in titles) or "知识库中的文件"
    if _ONLY_THANKS.match(norm):
        text = f"不客气！关于{docs}还有什么问题，随时可以问我。"
    elif _ONLY.match(norm):
        text = (
            f"您好！我是浙江职教规划助手，只根据{docs}作答，每个回答都附有原文出处和页码。"
            "可以问我：2025年的发展目标和指标（例如“高职‘双师型’教师比例要达到多少”）；"
            "升学通道（中职、高职、职教本科、专升本、中高职一体化）；各专栏和主要任务里的具体举措；"
            "工作人员还可以让我按引用条款起草答复。文件没有涉及的问题，我会直接说明。"
        )
    else:
        return None
    return Answer(question=question, answer=text, found=False, mode="extractive")
