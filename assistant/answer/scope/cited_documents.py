"""A question about what another document says, which the plan only cites by name in 《》."""

from __future__ import annotations

import re
from typing import Sequence

from ...normalize import normalize


# "《职业院校数字校园规范》里具体有哪些要求": the content of another document the plan only names.
_INSIDE_NAMED_DOC = re.compile(r"《(?P<name>[^》]{2,40})》\s*(?:里|中|里面|当中|的内容|的要求|的规定|具体|规定|要求|讲了|说了|写了|有哪些|包括)")


def named_document_content(question: str, titles: Sequence[str]) -> str | None:
    """Why a question about what another document (named in 《》) says cannot be answered, or None.

    The documents cite other documents by name; their content is not in the store.
    A name that is (part of) one of the store's own titles is not another document.
    """
    norm = normalize(question)
    own = [normalize(t).replace(" ", "") for t in titles]
    for m in _INSIDE_NAMED_DOC.finditer(norm):
        name = m.group("name").replace(" ", "")
        if not any(name in t or t in name for t in own) and "规划" not in name:
            return f"文件只提到了《{m.group('name')}》的名称，没有收录它的具体内容"
    return None
