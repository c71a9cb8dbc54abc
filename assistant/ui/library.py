"""The 文档库 tab's work: list documents, and (administrators only) add or remove them.

Uploads go through the same ``ingest(settings, paths)`` as the CLI, reusing the
assistant's loaded embedder, then ``assistant.reload()``. Results come back as
plain-text lines; the caller escapes them for display.
"""

from __future__ import annotations

import hmac
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from ..errors import StoreError
from ..ingest.pipeline import ingest, remove_document
from ..service import Assistant
from ..settings import Settings
from .messages import describe_error
from .render import document_rows
from .uploads import SavedUpload, save_upload, uploads_dir

# report(fraction 0..1, description)
Report = Callable[[float, str], None]

_STAGES = {"read": ("读取文档", 0.05, 0.30), "embed": ("计算向量", 0.30, 0.90)}


def _no_report(fraction: float, desc: str) -> None:
    """The default progress report: nowhere."""
    return None


def check_password(settings: Settings, given: str | None) -> bool:
    """True only if an admin password is configured and ``given`` matches it."""
    expected = settings.admin_password
    if not expected or not given:
        return False
    return hmac.compare_digest(expected.encode("utf-8"), str(given).encode("utf-8"))


@dataclass
class Outcome:
    """What an admin action did: readable lines, and whether all of it worked."""

    ok: bool = True
    lines: list[str] = field(default_factory=list)

    def fail(self, line: str) -> None:
        """Record a failure line (the whole outcome is then not ok)."""
        self.ok = False
        self.lines.append(line)


class Library:
    """Document listing and admin actions over one assistant's store (one writer at a time)."""

    def __init__(self, settings: Settings, assistant: Assistant):
        self.settings = settings
        self.assistant = assistant
        self._lock = threading.Lock()

    @property
    def admin_enabled(self) -> bool:
        """Upload/remove exist only when an admin password is configured."""
        return bool(self.settings.admin_password)

    def rows(self) -> list[list[str]]:
        """The 文档库 table rows: title, file, pages, chunks, ingest time, id."""
        catalog = self.assistant.catalog
        when = {doc_id: e.ingested_at for doc_id, e in catalog.documents.items()}
        return document_rows(self.assistant.sources()["documents"], when)

    def choices(self) -> list[tuple[str, str]]:
        """(label, doc_id) pairs for the remove dropdown."""
        return [(f"{d['doc']}（{d['path']}）", d["doc_id"]) for d in self.assistant.sources()["documents"]]

    # -- upload --------------------------------------------------------------------

    def upload(self, files: Sequence[tuple[Path, str]], replace: bool = False, report: Report = _no_report) -> Outcome:
        """Save (temp path, original name) files under uploads/, ingest them, reload."""
        out = Outcome()
        if not files:
            out.fail("请先选择要上传的文件（PDF、TXT、DOCX 或 MD）")
            return out
        if not self._lock.acquire(blocking=False):
            out.fail("另一个上传或删除正在进行，请稍后再试")
            return out
        try:
            self._upload(files, replace, report, out)
        finally:
            self._lock.release()
        return out

    def _upload(self, files: Sequence[tuple[Path, str]], replace: bool, report: Report, out: Outcome) -> None:
        """The upload itself, under the library lock."""
        folder = uploads_dir(Path(self.settings.corpus_dir))
        saved: list[SavedUpload] = []
        for source, original in files:
            try:
                saved.append(save_upload(Path(source), original, folder, replace=replace))
            except Exception as exc:
                out.fail(f"未保存：{describe_error(exc)}")
        if not saved:
            return
        report(0.02, "保存文件")

        def progress(stage: str, done: int, total: int, label: str) -> None:
            """Ingest stages mapped onto one 0..1 progress bar."""
            name, lo, hi = _STAGES.get(stage, (stage, 0.05, 0.9))
            frac = lo + (hi - lo) * (done / total if total else 1.0)
            report(frac, f"{name} {done}/{total} {label}".strip())

        try:
            result = ingest(self.settings, [s.path for s in saved], progress=progress, embedder=self.assistant.embedder)
        except Exception as exc:
            for s in saved:
                s.rollback()
            out.fail(f"入库失败：{describe_error(exc)}")
            return
        failed = {Path(p).resolve(): reason for p, reason in result.failed}
        for s in saved:
            reason = failed.get(s.path.resolve())
            if reason is not None:
                s.rollback()
                kept = "，文档库保留原来的版本" if s.action == "replaced" else ""
                out.fail(f"失败：{s.original}：{reason}{kept}")
            else:
                s.commit()
                verb = {"new": "已添加", "same": "内容未变（已在文档库中）", "replaced": "已替换旧版本"}[s.action]
                out.lines.append(f"{verb}：{s.original} → {self.settings.corpus_dir}/uploads/{s.path.name}")
        for p, reason in result.failed:  # failures that are not one of our files (should not happen)
            if Path(p).resolve() not in {s.path.resolve() for s in saved}:
                out.fail(f"失败：{Path(p).name}：{reason}")
        if result.added or result.replaced:
            report(0.93, "重新加载知识库")
            try:
                self.assistant.reload()
            except Exception as exc:
                out.fail(f"文档已入库，但重新加载失败：{describe_error(exc)}")
                return
        out.lines.append(
            f"本次新增 {len(result.added)}、更新 {len(result.replaced)}、失败 {len(result.failed)}，用时 {result.seconds:.1f} 秒"
        )
        report(1.0, "完成")

    # -- remove --------------------------------------------------------------------

    def remove(self, doc_id: str | None) -> Outcome:
        """Remove one document (and its file if it was uploaded here), then reload."""
        out = Outcome()
        documents = self.assistant.catalog.documents
        if not doc_id:
            out.fail("请先选择要删除的文档")
            return out
        if doc_id not in documents:
            out.fail(f"文档库中没有这个文档：{doc_id}")
            return out
        if len(documents) == 1:
            # An empty store cannot answer anything (and Assistant.reload refuses it).
            out.fail("这是知识库中唯一的文档，不能删除：请先上传其他文档")
            return out
        if not self._lock.acquire(blocking=False):
            out.fail("另一个上传或删除正在进行，请稍后再试")
            return out
        try:
            entry = documents[doc_id]
            try:
                title = remove_document(self.settings, doc_id)
            except Exception as exc:
                out.fail(f"删除失败：{describe_error(exc)}")
                return out
            out.lines.append(f"已删除：{title}")
            self._drop_uploaded_file(entry.path, out)
            try:
                self.assistant.reload()
            except Exception as exc:
                out.fail(f"已删除，但重新加载失败：{describe_error(exc)}")
        finally:
            self._lock.release()
        return out

    def _drop_uploaded_file(self, stored_path: str, out: Outcome) -> None:
        """Delete an uploaded file too, or the next corpus sync would bring it back."""
        corpus = Path(self.settings.corpus_dir)
        source = Path(stored_path) if Path(stored_path).is_absolute() else corpus / stored_path
        folder = uploads_dir(corpus).resolve()
        try:
            if source.resolve().parent == folder and source.is_file():
                source.unlink()
                out.lines.append(f"已删除上传的文件：uploads/{source.name}")
            elif source.exists():
                out.lines.append(
                    f"原文件 {stored_path} 不在 uploads/ 中，未删除；下次运行 `assistant ingest` 同步时会重新加入"
                )
        except OSError as exc:
            out.fail(f"文件未能删除：{describe_error(StoreError(str(exc)))}")
