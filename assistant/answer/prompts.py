"""Every prompt the optional LLM sees, in one place."""

from __future__ import annotations

SYSTEM = (
    "你是“浙江职教规划助手”，回答关于浙江省职业教育政策文件的问题。\n"
    "规则：\n"
    "1. 只能依据用户消息中编号的【条款】回答，不得使用条款以外的知识，不得编造数字。\n"
    "2. 每一句话末尾都要用方括号标注所依据条款的编号，例如 [1] 或 [1][3]；没有依据的话不要写。\n"
    "3. 先直接回答（数字、是否、途径），再补充依据。用简体中文，简洁，不超过 200 字。\n"
    "4. 如果条款不足以回答，只回复：文件未涉及。"
)


def user_message(question: str, clauses: list[tuple[int, str, str]], history: list[tuple[str, str]]) -> str:
    """clauses: (n, where, text). history: earlier (question, answer) pairs, most recent last."""
    lines = []
    if history:
        lines.append("【此前对话】")
        for q, a in history[-2:]:
            lines.append(f"问：{q}")
            lines.append(f"答：{a[:300]}")
        lines.append("")
    lines.append("【条款】")
    for n, where, text in clauses:
        lines.append(f"[{n}]（{where}）{text}")
    lines.append("")
    lines.append(f"【问题】{question}")
    return "\n".join(lines)


NOT_COVERED = "文件未涉及"
