"""Downloads: a conversation with its sources (.md) and a staff reply draft (.md, .docx).

Files are written to a fresh folder per export under the system temp dir
(Gradio may serve files from there) with fixed names, so nothing user-typed
ever becomes part of a path. Folders older than a few hours are swept.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Sequence

from ..types import Answer, Citation
from .conversation import Exchange
from .render import page_text, section_path

APP_TITLE = "浙江职教规划助手"
_CLAUSES_HEADING = "引用条款："


def _md_text(text: str) -> str:
    """Keep exported Markdown inert when a viewer renders it: no raw HTML tags."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _quote_block(text: str) -> str:
    """A Markdown block quote of ``text`` (every line prefixed)."""
    return "\n".join("> " + _md_text(line) for line in text.split("\n"))


def citation_line(c: Citation) -> str:
    """"[n] 《文档》 章节路径 · 第p页" — the same wording as the sources panel."""
    return f"[{c.n}] 《{c.doc}》 {section_path(c)} · {page_text(c.page)}"


def conversation_markdown(exchanges: Sequence[Exchange], now: datetime | None = None) -> str:
    """The whole conversation: each question, its answer, and every source quoted verbatim."""
    stamp = (now or datetime.now()).strftime("%Y-%m-%d %H:%M")
    out = [f"# {APP_TITLE} · 对话记录", "", f"导出时间：{stamp}", ""]
    for i, e in enumerate(exchanges, start=1):
        out += [f"## {i}. {_md_text(e.question)}", ""]
        if e.persona:
            out += [f"身份：{e.persona}", ""]
        if e.answer is None:
            out += [f"（未回答：{_md_text(e.error)}）", ""]
            continue
        out += ["**回答：**", "", _md_text(e.answer.answer), ""]
        for w in e.answer.warnings:
            out += [f"提示：{_md_text(w)}", ""]
        if e.answer.citations:
            out += ["**来源：**", ""]
            for c in e.answer.citations:
                out += [_md_text(citation_line(c)), "", _quote_block(c.quote), ""]
    return "\n".join(out).rstrip() + "\n"


def split_draft(answer: Answer) -> tuple[str, list[str], list[str]]:
    """A draft answer as (title, body lines, clause lines)."""
    text = answer.answer.strip("\n")
    head, _, tail = text.partition("\n" + _CLAUSES_HEADING)
    lines = head.split("\n")
    title, body = lines[0].strip(), lines[1:]
    clauses = [line for line in tail.split("\n") if line.strip()]
    if not clauses:
        clauses = [f"[{c.n}] 《{c.doc}》{section_path(c)}，{page_text(c.page)}：“{c.quote}”" for c in answer.citations]
    while body and not body[0].strip():
        body.pop(0)
    return title, body, clauses


def draft_markdown(answer: Answer) -> str:
    """The reply draft as Markdown: title, body, then 引用条款."""
    title, body, clauses = split_draft(answer)
    out = [f"# {_md_text(title)}", ""]
    out += [_md_text(line) for line in body]
    out += ["", "## 引用条款", ""]
    out += [_md_text(c) + "  " for c in clauses]
    return "\n".join(out).rstrip() + "\n"


def write_draft_docx(answer: Answer, path: Path) -> Path:
    """The reply draft as a Word document (python-docx), with 引用条款 as their own section."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    title, body, clauses = split_draft(answer)
    doc = Document()
    style = doc.styles["Normal"]
    style.font.size = Pt(12)
    # East Asian text needs its own font slot, or Word falls back to a Latin font.
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    heading = doc.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(title)
    run.bold = True
    run.font.size = Pt(16)
    for line in body:
        if line.strip():
            doc.add_paragraph(line)
    doc.add_paragraph().add_run("引用条款").bold = True
    for clause in clauses:
        doc.add_paragraph(clause)
    doc.save(str(path))
    return path


EXPORT_ROOT = Path(tempfile.gettempdir()) / "zj-assistant-exports"
_KEEP_SECONDS = 6 * 3600


def export_folder() -> Path:
    """A new private folder under the system temp dir; old ones are removed on the way."""
    EXPORT_ROOT.mkdir(parents=True, exist_ok=True)
    cutoff = time.time() - _KEEP_SECONDS
    for old in EXPORT_ROOT.iterdir():
        try:
            if old.is_dir() and old.stat().st_mtime < cutoff:
                shutil.rmtree(old, ignore_errors=True)
        except OSError:
            pass  # another process swept it first
    return Path(tempfile.mkdtemp(prefix="export-", dir=EXPORT_ROOT))


def write_conversation(exchanges: Sequence[Exchange]) -> Path:
    """The conversation export as a new .md file."""
    path = export_folder() / "对话记录.md"
    path.write_text(conversation_markdown(exchanges), encoding="utf-8")
    return path


def write_draft(answer: Answer) -> tuple[Path, Path]:
    """(docx, md) files of one reply draft."""
    folder = export_folder()
    md = folder / "答复草稿.md"
    md.write_text(draft_markdown(answer), encoding="utf-8")
    return write_draft_docx(answer, folder / "答复草稿.docx"), md
