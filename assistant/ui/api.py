"""The documented ``/ask`` endpoint: the same JSON object as ``assistant ask --json``."""

from __future__ import annotations

import json
from typing import Any

from ..answer.context import parse_history
from ..errors import QuestionError
from ..service import Assistant
from .messages import error_payload


def ask_json(assistant: Assistant, question: Any, history_json: Any = "[]") -> dict[str, Any]:
    """Answer ``question`` given earlier turns as JSON; failures become ``{"question", "error"}``.

    ``history_json`` is what ``--history-json`` takes: ``[["问","答"], …]`` or a
    list of earlier answer objects (as returned here), so a client can feed
    each answer back for a follow-up.
    """
    try:
        raw: Any = []
        if isinstance(history_json, str) and history_json.strip():
            try:
                raw = json.loads(history_json)
            except ValueError as exc:
                raise QuestionError(f"history_json 不是有效的 JSON：{exc}") from None
        elif history_json not in (None, ""):
            raise QuestionError(f"history_json 必须是 JSON 字符串，收到 {type(history_json).__name__}")
        answer = assistant.ask(question, parse_history(raw), mode="auto")
        return answer.to_json()
    except Exception as exc:  # every failure is reported in the payload, never raised to the client
        return error_payload(question, exc)
