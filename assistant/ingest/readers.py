"""Read .txt/.md, .pdf and .docx files into raw pages of text.

Readers only decode; repairing extraction defects is ``repair.py``'s job.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import DocumentError

SUPPORTED_SUFFIXES = (".txt", ".md", ".pdf", ".docx")


@dataclass(frozen=True)
class RawSource:
    """Decoded text of a file, one string per page (a single page for non-PDFs)."""

    path: Path
    kind: str  # "text", "pdf", "docx"
    pages: tuple[str, ...]
    content_hash: str

    @property
    def paged(self) -> bool:
        return self.kind == "pdf"


def unsupported_reason(path: Path) -> str:
    shown = path.suffix.lower() or "(none)"
    return f"unsupported file type {shown} (supported: {', '.join(SUPPORTED_SUFFIXES)})"


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_source(path: Path) -> RawSource:
    """Decode one file; raise ``DocumentError`` naming the file and the reason."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise DocumentError(str(path), "no such file")
    if path.is_dir():
        raise DocumentError(str(path), "is a directory, not a file")
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(str(path), unsupported_reason(path))
    data = path.read_bytes()
    if not data.strip():
        raise DocumentError(str(path), "file is empty")
    digest = file_hash(data)
    if suffix in (".txt", ".md"):
        pages: tuple[str, ...] = tuple(decode_text(data, path).split("\f"))
        kind = "text"
    elif suffix == ".pdf":
        pages = _read_pdf(data, path)
        kind = "pdf"
    else:
        pages = (_read_docx(path),)
        kind = "docx"
    if not any(p.strip() for p in pages):
        raise DocumentError(str(path), "contains no text")
    return RawSource(path=path, kind=kind, pages=pages, content_hash=digest)


def decode_text(data: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), else GB18030 (a superset of GBK/GB2312)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text.replace("\r\n", "\n").replace("\r", "\n")
    raise DocumentError(str(path), f"cannot decode the text: {_utf8_error(data)}, and it is not GBK/GB18030 either")


def _utf8_error(data: bytes) -> str:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"invalid UTF-8 byte 0x{data[exc.start]:02x} at offset {exc.start}"
    return "UTF-8 decoding gives control characters, not text"


def _looks_like_text(text: str) -> bool:
    # GB18030 decodes almost any byte string; reject results full of control
    # characters or private-use code points, which mean it was not really GBK.
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\n\r\t\f") or 0xE000 <= ord(ch) <= 0xF8FF)
    return bad <= max(2, len(text) // 200)


def _read_pdf(data: bytes, path: Path) -> tuple[str, ...]:
    import io
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            from pypdf.errors import DependencyError

            try:
                unlocked = reader.decrypt("")
            except DependencyError:
                raise DocumentError(
                    str(path), "PDF is encrypted with AES; reading it needs the 'cryptography' package"
                ) from None
            except Exception:  # pypdf raises several types for unsupported crypto
                unlocked = 0
            if not unlocked:
                raise DocumentError(str(path), "PDF is encrypted (password protected)")
        pages = tuple(_page_text(page) for page in reader.pages)
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise DocumentError(str(path), f"corrupt or unreadable PDF ({type(exc).__name__})") from None
    except Exception as exc:  # pypdf surfaces odd internals on damaged files
        raise DocumentError(str(path), f"corrupt or unreadable PDF ({type(exc).__name__})") from None
    if not pages:
        raise DocumentError(str(path), "PDF has no pages")
    if not any(p.strip() for p in pages):
        raise DocumentError(str(path), "PDF has no text layer (scanned image?); OCR it first")
    return pages


def _page_text(page) -> str:
    """pypdf's text of one page, with an empty line where a wider vertical gap
    than the usual line pitch separates two lines (a paragraph or block break
    that the plain text would otherwise lose)."""
    fragments: list[tuple[str, float]] = []

    def visit(text, cm, tm, font_dict, font_size) -> None:
        if text:
            fragments.append((text, tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))

    text = page.extract_text(visitor_text=visit) or ""
    if "".join(t for t, _ in fragments) != text:
        return text  # positions do not line up with the text: keep it as pypdf gives it
    ys: list[float | None] = [None]  # y of each line: that of its first visible fragment
    for fragment, y in fragments:
        for k, piece in enumerate(fragment.split("\n")):
            if k:
                ys.append(None)
            if ys[-1] is None and piece.strip():
                ys[-1] = y
    lines = text.split("\n")
    if len(lines) != len(ys):
        return text
    steps: list[float] = []
    last = None
    for y in ys:
        if y is not None:
            if last is not None and abs(last - y) > 0.01:
                steps.append(abs(last - y))
            last = y
    if len(steps) < 4:
        return text
    pitch = sorted(steps)[len(steps) // 2]
    out: list[str] = []
    last = None
    for line, y in zip(lines, ys):
        if y is not None:
            if last is not None and abs(last - y) > 1.6 * pitch and out and out[-1].strip():
                out.append("")
            last = y
        out.append(line)
    return "\n".join(out)


def _read_docx(path: Path) -> str:
    import zipfile

    try:
        import docx
    except ImportError:  # pragma: no cover - dependency is declared
        raise DocumentError(str(path), "python-docx is not installed") from None
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocumentError(str(path), f"corrupt or unreadable DOCX ({type(exc).__name__})") from None
    except Exception as exc:
        raise DocumentError(str(path), f"corrupt or unreadable DOCX ({type(exc).__name__})") from None
    lines: list[str] = []
    # Body paragraphs and tables in document order.
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for row in child.iter():
                if not row.tag.endswith("}tr"):
                    continue
                cells = []
                for cell in row.iterchildren():
                    if cell.tag.endswith("}tc"):
                        cells.append("".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t")))
                lines.append("\t".join(cells))
    return "\n\n".join(lines)
