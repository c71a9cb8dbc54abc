"""Search-side normalization: NFKC plus traditional → simplified.

Applied to what is indexed and to queries, never to the document text that
quotes and offsets refer to.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def normalize(text: str) -> str:
    """NFKC, traditional characters to simplified, lower-case Latin letters."""
    return _converter().convert(unicodedata.normalize("NFKC", text)).lower()
