"""jieba tokenization with the domain dictionary, synonym expansion, and BM25.

Indexed text and queries are normalized the same way (NFKC, traditional →
simplified), so a question in simplified characters finds ``中小學生``.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from importlib import resources
from typing import Iterable, Sequence

from ..normalize import normalize
from ..types import Chunk, Hit

_STOPWORDS = frozenset(
    "的 了 和 与 及 等 在 是 为 对 将 把 被 从 到 以 而 并 或 也 都 就 之 其 这 那 有 个 中 上 下 "
    "吗 呢 吧 啊 么 什么 怎么 怎样 如何 哪些 哪个 多少 是否 能否 可以 我 你 他 我们 你们 请问 请 一下 "
    "规划 浙江 浙江省 十四五 年 要 会 能 里 里面 方面 关于 有关 还 又 呀 嘛 "
    "以后 之后 以前 还能 还有 需要 应该 想 想要 具体 哪里 什么时候 多少钱 怎么办 有没有 是不是 能不能 "
    "干嘛 干啥 干什么 为啥 为什么 咋 咋样 怎么样 "
    "多长时间 多久 多长 几年 好几年 一共 总共 大概 大约 大致 一下 可不可以 会不会 要不要 分别 以及 主要 一些 哪 谁 啥 吗 么 呗 了解 知道 告诉 说 讲 提到 提出 写 "
    "what which how many much is are the of for in to by does do will should a an and or plan zhejiang".split()
)
_TOKEN_OK = re.compile(r"\w")
_lock = threading.Lock()


@lru_cache(maxsize=1)
def _tokenizer():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    with resources.files("assistant.data").joinpath("userdict.txt").open("r", encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if parts:
                # The part of speech too, so tagging reads 双师型 as the noun it is, not an unknown word (x).
                tokenizer.add_word(normalize(parts[0]), int(parts[1]) if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None)
    tokenizer.initialize()
    return tokenizer


def _read_table(name: str) -> dict[str, tuple[str, ...]]:
    """A data table of ``word<TAB>words…`` lines (``#`` comments), normalized like the index."""
    table: dict[str, tuple[str, ...]] = {}
    text = resources.files("assistant.data").joinpath(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, _, words = line.partition("\t")
        table[normalize(word.strip())] = tuple(normalize(w) for w in words.split())
    return table


@lru_cache(maxsize=1)
def synonyms() -> dict[str, tuple[str, ...]]:
    """Everyday word → the terms the documents use."""
    return _read_table("synonyms.tsv")


@lru_cache(maxsize=1)
def domain_terms() -> tuple[str, ...]:
    """The domain's own terms (the user dictionary): 中职, 双师型, 专升本…"""
    text = resources.files("assistant.data").joinpath("userdict.txt").read_text(encoding="utf-8")
    return tuple(normalize(line.split()[0]) for line in text.splitlines() if line.split())


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, tuple[str, ...]]:
    """A term of the documents → the plainer words it stands for (中本一体化 → 中职 本科)."""
    return _read_table("abbreviations.tsv")


def spelled_out(text: str) -> str:
    """The plainer words of the terms ``text`` holds, for matching a question's words against it."""
    return " ".join(w for term, words in abbreviations().items() if term in text for w in words)


def tokenize(text: str) -> list[str]:
    """Normalized search tokens: jieba's search-mode words minus stopwords and punctuation."""
    return list(_tokens(text))


# One question is segmented many times over while it is answered (its clauses, its parts):
# the segmentations of recent texts are kept.
_SEGMENTATIONS_KEPT = 4096


@lru_cache(maxsize=_SEGMENTATIONS_KEPT)
def _tokens(text: str) -> tuple[str, ...]:
    with _lock:  # jieba's Tokenizer is not thread-safe while it initializes
        tokenizer = _tokenizer()
    words = tokenizer.lcut_for_search(normalize(text))
    return tuple(w for w in (w.strip() for w in words) if w and w not in _STOPWORDS and _TOKEN_OK.search(w))


@lru_cache(maxsize=1)
def _pos_tokenizer():
    import jieba.posseg

    with _lock:
        return jieba.posseg.POSTokenizer(_tokenizer())


def tag(text: str) -> list[tuple[str, str]]:
    """(word, part of speech) in precise mode, on normalized text."""
    return list(_tags(text))


@lru_cache(maxsize=_SEGMENTATIONS_KEPT)
def _tags(text: str) -> tuple[tuple[str, str], ...]:
    return tuple((p.word, p.flag) for p in _pos_tokenizer().lcut(normalize(text)))


def word_frequency(word: str) -> int:
    """How common the word is in general Chinese (jieba's dictionary count; 0 if unknown)."""
    return _tokenizer().FREQ.get(word, 0)


def is_stopword(word: str) -> bool:
    return word in _STOPWORDS


def synonym_sources(text: str) -> set[str]:
    """Everyday words in ``text`` that the synonym table translates."""
    return set(synonyms_in(normalize(text)))


@lru_cache(maxsize=1)
def _named_terms() -> frozenset[str]:
    """The domain's terms and the synonym table's everyday words."""
    return frozenset(domain_terms()) | frozenset(synonyms())


@lru_cache(maxsize=_SEGMENTATIONS_KEPT)
def synonyms_in(norm: str) -> tuple[str, ...]:
    """The synonym table's everyday words that ``norm`` (normalized text) holds.

    An occurrence with neither end on a word's edge, inside one dictionary word or across two terms
    of the domain, is none: 高职高专 holds the characters of 职高, not the word. Other cuts of the
    segmenter are guesses (那大|专升本 still holds 大专), and 职高生 holds 职高."""
    with _lock:
        tokenizer = _tokenizer()
    table = synonyms()
    terms = _named_terms()
    owner: dict[int, tuple[int, str]] = {}  # character offset → the word of the segmentation it is in, with its offset
    starts, at = {0}, 0
    for word in tokenizer.lcut(norm, HMM=False):
        for j in range(at, at + len(word)):
            owner[j] = (at, word)
        at += len(word)
        starts.add(at)

    def straddles(i: int, j: int) -> bool:
        if i in starts or j in starts:
            return False
        (first, left), (last, right) = owner[i], owner[j - 1]
        return first == last or (left in terms and right in terms)  # inside 高职高专, or across 高职|高专

    found = []
    for word in table:
        i = norm.find(word)
        while i != -1:
            if not straddles(i, i + len(word)):
                found.append(word)
                break
            i = norm.find(word, i + 1)
    return tuple(found)


@lru_cache(maxsize=1)
def glossary_en() -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    """English domain phrases → the plan's Chinese terms (for questions asked in English)."""
    entries = []
    text = resources.files("assistant.data").joinpath("glossary_en.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        phrase, _, terms = line.partition("\t")
        # Plurals too: "programs" is "program".
        pattern = re.compile(r"(?<![a-z])" + re.escape(phrase.strip().lower()) + r"(?:e?s)?(?![a-z])")
        entries.append((pattern, tuple(terms.split())))
    # Longer phrases first, so "higher vocational" wins over "vocational".
    entries.sort(key=lambda e: -len(e[0].pattern))
    return tuple(entries)


def translate_english(text: str) -> str:
    """The plan's terms for the English domain phrases in ``text`` ("" if none)."""
    lowered = text.lower()
    found: list[str] = []
    for pattern, terms in glossary_en():
        if pattern.search(lowered):
            lowered = pattern.sub(" ", lowered)
            found.extend(t for t in terms if t not in found)
    return " ".join(found)


# "读中职的学生有多少万人", "有多少学生？": the students there are, counted to the end of the clause,
# are the documents' 在校生 (not "学生有多少人能升学", which counts some of them, nor "招多少学生").
_STUDENTS_COUNTED = re.compile(
    r"(?:学生[^，,。？?；;！!]{0,6}有(?:多少|几)\s*万?\s*人|有(?:多少|几)\s*万?\s*(?:个)?学生)(?=[呢啊吧呀哦嘛？?，,。；;！!]|$)"
)


def counts_students(text: str) -> bool:
    """The text asks how many students there are (their number, the documents' 在校生人数)."""
    return bool(_STUDENTS_COUNTED.search(normalize(text)))


def expand_query(text: str) -> str:
    """Append the documents' terms for everyday (or English) words found in the query."""
    norm = normalize(text)
    table = synonyms()
    extra = [term for word in synonyms_in(norm) for term in table[word]]
    if counts_students(norm):
        extra += ["在校生人数", "在校生"]
    if re.search(r"[a-z]{3}", norm):
        extra.append(translate_english(norm))
    return norm + (" " + " ".join(extra) if extra else "")


class LexicalIndex:
    """BM25 over chunks; tokens are computed at ingest and stored with the chunks."""

    def __init__(self, chunks: Sequence[Chunk], tokens: Sequence[Sequence[str]]):
        from rank_bm25 import BM25Okapi

        if len(chunks) != len(tokens):
            raise ValueError(f"chunks and tokens differ in length: {len(chunks)} != {len(tokens)}")
        self.chunks = list(chunks)
        # BM25Okapi cannot take an empty corpus; a placeholder keeps the API uniform.
        self._bm25 = BM25Okapi([list(t) or ["\u2400"] for t in tokens] or [["\u2400"]])

    def search(self, query: str, k: int, expand: bool = True) -> list[Hit]:
        if not self.chunks:
            return []
        terms = tokenize(expand_query(query) if expand else query)
        if not terms:
            return []
        scores = self._bm25.get_scores(terms)
        order = sorted(range(len(self.chunks)), key=lambda i: -scores[i])[:k]
        return [Hit(self.chunks[i], float(scores[i]), "bm25") for i in order if scores[i] > 0]


def index_tokens(texts: Iterable[str]) -> list[list[str]]:
    return [tokenize(t) for t in texts]
