"""The one place where the web app turns exceptions into what a person reads.

Handlers never let an exception reach Gradio (which would show a bare
"Error"); they call ``describe_error`` and show its text. Unexpected errors are
logged with their traceback on the server and shown without one.
"""

from __future__ import annotations

import sys
import traceback
from typing import Any

from ..errors import (
    AssistantError,
    DocumentError,
    EmptyStoreError,
    QuestionError,
    StoreError,
    StoreLockedError,
)
from .uploads import UploadRefused

_PREFIX = {
    UploadRefused: "上传被拒绝",
    QuestionError: "无法回答这个输入",
    EmptyStoreError: "知识库是空的",
    StoreLockedError: "知识库正在被另一个任务更新",
    StoreError: "知识库出错",
    DocumentError: "文档无法读取",
}


def describe_error(exc: BaseException) -> str:
    """A readable, single-paragraph message for ``exc`` (no traceback)."""
    if isinstance(exc, AssistantError):
        for kind, prefix in _PREFIX.items():
            if isinstance(exc, kind):
                if isinstance(exc, QuestionError):
                    return str(exc)  # already written for the person asking
                return f"{prefix}：{exc}"
        return str(exc) or exc.__class__.__name__
    # Not one of ours: a bug or an environment problem. Keep the details in the log.
    print("".join(traceback.format_exception(exc)), file=sys.stderr)
    return "内部错误：这个请求没有完成（详细信息已记录在服务器日志中）。请稍后再试。"


def error_code(exc: BaseException) -> str:
    """The machine-readable code used by the ``/ask`` API (same codes as the CLI)."""
    return exc.code if isinstance(exc, AssistantError) else "internal"


def error_payload(question: Any, exc: BaseException) -> dict[str, Any]:
    """The ``/ask`` answer for a request that failed: ``{"question", "error": {"code", "message"}}``."""
    return {
        "question": question if isinstance(question, str) else None,
        "error": {"code": error_code(exc), "message": describe_error(exc)},
    }
