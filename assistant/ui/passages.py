"""Finding a cited passage in the current store, for the "open the source" view."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from ..errors import AssistantError
from ..service import Assistant
from ..types import Citation


@dataclass(frozen=True)
class Located:
    """A citation's quote in its surrounding text (``context`` None when it cannot be found)."""

    context: Mapping[str, str] | None
    note: str = ""


def locate(assistant: Assistant, citation: Citation) -> Located:
    """The quote where the citation says it is, else wherever it now occurs verbatim.

    Offsets can be missing (citations rebuilt from JSON history) or stale (the
    document was replaced since the answer), so the stored offsets are only
    trusted when the text there still equals the quote.
    """
    if citation.doc_id and citation.start >= 0:
        try:
            ctx = assistant.context(citation.doc_id, citation.start, citation.end)
            if ctx["quote"] == citation.quote:
                return Located(ctx)
        except AssistantError:
            pass  # fall through to a search by content
    sources = assistant.knowledge.sources
    order = [citation.doc_id] if citation.doc_id in sources else []
    order += [d for d in sources if d != citation.doc_id]
    for doc_id in order:
        at = sources[doc_id].find(citation.quote) if citation.quote else -1
        if at >= 0:
            return Located(assistant.context(doc_id, at, at + len(citation.quote)))
    return Located(None, "原文已更新或已删除，无法显示上下文；上面是回答时引用的原文。")
