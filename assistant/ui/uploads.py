"""Saving uploaded files under ``<corpus_dir>/uploads/``, safely.

A browser-supplied file name is untrusted: only its last component is kept,
reduced to letters, digits, CJK, ``-`` and ``_``, with a supported suffix. The
final path is checked to sit directly in the uploads folder. An existing file
of the same name is never replaced silently: identical content is a re-upload,
different content is refused unless the administrator asked to replace it, in
which case the old file is kept as a hidden backup until the ingest succeeds.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Literal

from ..errors import DocumentError
from ..ingest.readers import SUPPORTED_SUFFIXES

UPLOAD_SUBDIR = "uploads"
MAX_STEM_CHARS = 80


class UploadRefused(DocumentError):
    """The upload was not saved (name clash without "replace", bad type, bad name)."""


def uploads_dir(corpus_dir: Path) -> Path:
    """Where uploads live: inside the corpus, so a corpus sync keeps them."""
    return Path(corpus_dir) / UPLOAD_SUBDIR


def safe_filename(name: str) -> str:
    """A harmless file name from a browser-supplied one ("../../a b?.PDF" → "a_b.pdf")."""
    base = unicodedata.normalize("NFKC", PurePosixPath(str(name).replace("\\", "/")).name)
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    suffix = "." + suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        shown = suffix if suffix != "." else "（无扩展名）"
        raise UploadRefused(str(name), f"不支持的文件类型 {shown}：只接受 {'、'.join(SUPPORTED_SUFFIXES)}")
    # \w covers letters and digits of every script (CJK included); everything else becomes "_".
    stem = re.sub(r"[^\w-]+", "_", stem).strip("._-")[:MAX_STEM_CHARS].strip("._-")
    return (stem or "document") + suffix


@dataclass(frozen=True)
class SavedUpload:
    """A file saved by ``save_upload``, with the means to undo or confirm it."""

    path: Path  # where it now lives, inside the uploads folder
    original: str  # the name the browser gave
    action: Literal["new", "same", "replaced"]
    backup: Path | None = None  # the previous version while "replaced" is not yet committed

    def rollback(self) -> None:
        """Undo the save after a failed ingest (restore the old version, or drop the new file)."""
        if self.action == "replaced" and self.backup is not None and self.backup.exists():
            os.replace(self.backup, self.path)
        elif self.action == "new":
            self.path.unlink(missing_ok=True)

    def commit(self) -> None:
        """Forget the backup after a successful ingest."""
        if self.backup is not None:
            self.backup.unlink(missing_ok=True)


def _same_content(a: Path, b: Path) -> bool:
    """Byte-for-byte equality, read in blocks."""
    if a.stat().st_size != b.stat().st_size:
        return False
    with a.open("rb") as fa, b.open("rb") as fb:
        while True:
            x, y = fa.read(1 << 16), fb.read(1 << 16)
            if x != y:
                return False
            if not x:
                return True


def save_upload(source: Path, original_name: str, folder: Path, replace: bool = False) -> SavedUpload:
    """Copy ``source`` into ``folder`` under a sanitized ``original_name``."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / safe_filename(original_name)
    if target.resolve().parent != folder.resolve():  # e.g. a symlink planted in the folder
        raise UploadRefused(original_name, "文件名不安全，已拒绝")
    backup = None
    action: Literal["new", "same", "replaced"] = "new"
    if target.exists():
        if target.is_file() and _same_content(source, target):
            return SavedUpload(target, original_name, "same")
        if not replace:
            raise UploadRefused(
                original_name,
                f"文档库中已有同名文件 {target.name}（内容不同）。如需用新版本替换，请勾选“替换同名文档”后重新上传",
            )
        backup = target.with_name(f".{target.name}.bak")  # dot files are skipped by ingest
        os.replace(target, backup)
        action = "replaced"
    # Write beside the target, then rename: a half-copied file is never ingested.
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".upload-", suffix=".part")
    os.close(fd)
    try:
        shutil.copyfile(source, tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        if backup is not None:
            os.replace(backup, target)
        raise
    return SavedUpload(target, original_name, action, backup)
