"""Escaping, and answers / sources / context turned into safe Markdown or HTML.

Everything that comes from a user (questions, uploaded files) or from a
document (answers quote documents verbatim) passes through ``escape_html`` or
``escape_markdown`` here before it reaches a Gradio component. No other module
builds markup from such text, so this is the one file to audit for injection.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping, Sequence

from ..types import Answer, Citation

# Characters with a meaning in HTML, plus the ones Gradio's HTML component
# treats specially: its template is a JS template string and a Handlebars
# template, so "${…}", "{{…}}" and backticks inside a value must stay inert.
_HTML_ENTITIES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#39;",
    "$": "&#36;",
    "{": "&#123;",
    "}": "&#125;",
    "`": "&#96;",
}

# Markdown punctuation escaped wherever it appears: emphasis, code, tables,
# strikethrough, LaTeX, links/images (brackets), and the escape character itself.
_MARKDOWN_ALWAYS = set("\\`*_~|$[]")
# Punctuation that only means something as the first character of a line
# (headings, list items, setext underlines).
_MARKDOWN_LINE_START = set("#-+=")
# A citation marker "[12]": left readable (no backslashes for screen readers)
# when it cannot be part of a link (see ``escape_markdown``).
_MARKER_RE = re.compile(r"\[\d{1,3}\]")

# How much of a very long question the chat bubble repeats back.
MAX_SHOWN_QUESTION = 300


def escape_html(text: Any) -> str:
    """Text as inert HTML: every character that could start markup is an entity."""
    return "".join(_HTML_ENTITIES.get(ch, ch) for ch in str(text))


def escape_markdown(text: Any) -> str:
    """Text as inert Markdown: no HTML, formatting, links, autolinks or code blocks.

    ``<``, ``>`` and ``&`` become entities (rendered as the literal characters);
    Markdown punctuation is backslash-escaped where it could take effect, which
    CommonMark allows for any ASCII punctuation. Kept as is, so the raw text
    (also used as the bubble's aria-label) stays readable: citation markers
    like ``[1]`` that are not at a line start and not followed by ``(``, ``[``
    or ``:`` (such a marker cannot become a link, because every line-start
    bracket is escaped, so no link definition can exist), and digits/dots in
    the middle of a line. Leading spaces are dropped so no line becomes an
    indented code block.
    """
    return "\n".join(_escape_markdown_line(line.lstrip(" \t")) for line in str(text).split("\n"))


def _escape_markdown_line(line: str) -> str:
    """``escape_markdown`` for one line (already stripped of leading spaces)."""
    out: list[str] = []
    i, n = 0, len(line)
    while i < n:
        ch = line[i]
        if ch == "[" and i > 0:
            m = _MARKER_RE.match(line, i)
            if m and (m.end() >= n or line[m.end()] not in "([:"):
                out.append(m.group(0))
                i = m.end()
                continue
        if ch in "<>&":
            out.append(_HTML_ENTITIES[ch])
        elif ch in _MARKDOWN_ALWAYS or ch == "@":  # "@" would start an e-mail autolink
            out.append("\\" + ch)
        elif i == 0 and ch in _MARKDOWN_LINE_START:
            out.append("\\" + ch)
        elif ch in ".)" and 0 < i < 10 and line[:i].isdigit() and line[i + 1 : i + 2] in ("", " ", "\t"):
            # "1. " / "1)" at the start of a line would begin an ordered list
            out.append("\\" + ch)
        elif ch == ":" and line.startswith("//", i + 1):  # "http://" autolinks
            out.append("\\:")
        elif ch == "." and line[max(0, i - 3) : i].lower() == "www":  # "www." autolinks
            out.append("\\.")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def shorten(text: str, limit: int) -> str:
    """At most ``limit`` characters, saying how long the original was."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}…（共 {len(text)} 字）"


def section_path(citation: Citation) -> str:
    """The heading path of a citation ("二、总体思路 › （三）发展目标"), or its document."""
    return " › ".join(citation.section) if citation.section else citation.doc


def page_text(page: int | None) -> str:
    """"第2页", or "页码不详" for documents without pages (TXT, MD, DOCX)."""
    return f"第{page}页" if page else "页码不详"


# -- chat bubbles ---------------------------------------------------------------


def user_markdown(question: str) -> str:
    """The user's bubble: the question exactly as typed, shortened if huge, inert."""
    return escape_markdown(shorten(str(question), MAX_SHOWN_QUESTION))


def answer_markdown(answer: Answer) -> str:
    """The assistant's bubble: the answer with its [n] markers, warnings, and a source list."""
    parts = [escape_markdown(answer.answer)]
    if answer.warnings:
        parts.append("\n".join("⚠️ " + escape_markdown(w) for w in answer.warnings))
    if answer.citations:
        lines = ["**来源**（详见下方“来源”面板，可打开原文上下文）："]
        for c in answer.citations:
            lines.append(
                f"\\[{c.n}\\] 《{escape_markdown(c.doc)}》 {escape_markdown(section_path(c))} · {page_text(c.page)}"
            )
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def error_markdown(message: str) -> str:
    """A readable error in a bubble (the message itself may echo user input)."""
    return "⚠️ " + escape_markdown(message)


def stream_pieces(markdown: str, steps: int = 12) -> list[str]:
    """Growing prefixes of ``markdown`` for a streamed reveal.

    Cuts never fall inside an entity (``&lt;``) or right after a backslash, so
    every prefix is itself inert Markdown.
    """
    if not markdown:
        return [""]
    size = max(1, len(markdown) // steps)
    cuts: list[int] = []
    i = size
    while i < len(markdown):
        j = i
        # Move past an unfinished "&…;" entity or a dangling escape.
        amp = markdown.rfind("&", 0, j)
        if amp != -1 and markdown.find(";", amp) >= j:
            j = markdown.find(";", amp) + 1
        while j < len(markdown) and markdown[j - 1] == "\\":
            j += 1
        cuts.append(j)
        i = j + size
    pieces = [markdown[:c] for c in cuts if c < len(markdown)]
    pieces.append(markdown)
    return pieces


# -- the sources panel ----------------------------------------------------------


def citation_label(citation: Citation) -> str:
    """Plain-text label of a citation for a radio choice (Gradio renders it as text)."""
    return f"[{citation.n}] {section_path(citation)} · {page_text(citation.page)}"


def sources_html(answer: Answer | None) -> str:
    """Every citation of one answer: document, section path, page and the verbatim quote."""
    if answer is None:
        return '<div class="zj-sources zj-empty">提问后，这里会列出回答引用的每一条原文。</div>'
    if not answer.citations:
        note = "这个回答没有引用条款。" if answer.found else "没有找到能回答这个问题的条款，因此没有引用。"
        return f'<div class="zj-sources zj-empty">{escape_html(note)}</div>'
    cards = []
    for c in answer.citations:
        kind = "指标表" if c.kind == "indicator" else "条款"
        cards.append(
            '<div class="zj-source">'
            f'<div class="zj-source-head"><span class="zj-n">[{c.n}]</span> 《{escape_html(c.doc)}》'
            f' <span class="zj-kind">{kind}</span></div>'
            f'<div class="zj-source-path">{escape_html(section_path(c))} · {escape_html(page_text(c.page))}</div>'
            f'<blockquote class="zj-quote">{escape_html(c.quote)}</blockquote>'
            "</div>"
        )
    return '<div class="zj-sources">' + "".join(cards) + "</div>"


def context_html(citation: Citation, context: Mapping[str, str] | None, note: str = "") -> str:
    """The cited clause inside its surrounding text, the quoted span in one ``<mark>``.

    ``context`` is ``Assistant.context(...)`` (before / quote / after). The
    ``<mark>`` holds exactly the quote's characters (entities decode back to
    them), so its text equals the citation's quote.
    """
    head = (
        f'<div class="zj-context-head"><span class="zj-n">[{citation.n}]</span> 《{escape_html(citation.doc)}》'
        f"<br>{escape_html(section_path(citation))} · {escape_html(page_text(citation.page))}</div>"
    )
    if context is None:
        body = f'<div class="zj-context-body"><mark>{escape_html(citation.quote)}</mark></div>'
    else:
        body = (
            '<div class="zj-context-body">'
            f'{escape_html(context["before"])}<mark>{escape_html(context["quote"])}</mark>{escape_html(context["after"])}'
            "</div>"
        )
    foot = f'<div class="zj-context-note">{escape_html(note)}</div>' if note else ""
    return f'<div class="zj-context">{head}{body}{foot}</div>'


def context_placeholder() -> str:
    """The context view before a source is opened."""
    return '<div class="zj-context zj-empty">选择上方的一条来源，可在这里查看它在原文中的上下文（引用部分高亮）。</div>'


# -- the document library ------------------------------------------------------


def document_rows(documents: Iterable[Mapping[str, Any]], ingested_at: Mapping[str, str]) -> list[list[str]]:
    """Rows for the 文档库 table (plain strings: the Dataframe shows them as text)."""
    rows = []
    for d in documents:
        when = ingested_at.get(d["doc_id"], "")
        rows.append(
            [
                str(d["doc"]),
                str(d["path"]),
                str(d["pages"]) if d.get("pages") else "-",
                str(d["chunks"]),
                when.replace("T", " ").replace("+00:00", " UTC"),
                str(d["doc_id"]),
            ]
        )
    return rows


DOCUMENT_HEADERS: Sequence[str] = ("标题", "文件", "页数", "分块数", "入库时间", "文档 ID")
