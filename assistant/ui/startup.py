"""Opening the assistant for the web app: ingest ``corpus/`` first if the store is empty."""

from __future__ import annotations

import sys
from typing import Callable

from ..errors import EmptyStoreError
from ..ingest.pipeline import ingest
from ..service import Assistant
from ..settings import Settings

Log = Callable[[str], None]


def _stderr(line: str) -> None:
    """Default log: one line on stderr (stdout carries the ready address)."""
    print(line, file=sys.stderr, flush=True)


class _PrintProgress:
    """Ingest progress as a few printed lines (a server log, not a terminal bar)."""

    def __init__(self, log: Log):
        self.log = log
        self.last: tuple[str, int] = ("", -1)

    def __call__(self, stage: str, done: int, total: int, label: str) -> None:
        names = {"read": "读取文档", "embed": "计算向量"}
        pct = int(100 * done / total) if total else 100
        step = pct // 25  # at most five lines per stage
        if (stage, step) != self.last:
            self.last = (stage, step)
            self.log(f"  {names.get(stage, stage)}：{done}/{total} {label}".rstrip())


def open_assistant(settings: Settings, log: Log = _stderr) -> Assistant:
    """``Assistant(settings)``, after ingesting the corpus folder if nothing is in the store yet.

    Raises the assistant's own errors (e.g. ``EmptyStoreError`` when the corpus
    has no readable document) for the caller to report.
    """
    try:
        return Assistant(settings)
    except EmptyStoreError:
        log(f"知识库 {settings.store_dir} 为空：正在导入 {settings.corpus_dir}/ 中的文档……")
    report = ingest(settings, progress=_PrintProgress(log))
    for path, reason in report.failed:
        log(f"  失败：{path}：{reason}")
    log(f"导入完成：新增 {len(report.added)} 个文档，共 {report.total_chunks} 个分块，用时 {report.seconds:.1f} 秒")
    return Assistant(settings)
