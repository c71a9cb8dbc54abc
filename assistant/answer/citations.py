"""Where a citation is built, and where every citation is verified before it is shown.

A text citation quotes a verbatim span of its document's text; an indicator
citation quotes the table row as it stands there. Before an answer leaves, each
quote is checked against the source, each number in the answer must occur in
a quote it cites (or be the difference of two values of one cited row), and
whatever fails is dropped with its markers renumbered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Mapping, Sequence

from ..types import Chunk, Citation, IndicatorRow

if TYPE_CHECKING:
    from .evidence import Scored
    from .knowledge import Knowledge

MAX_QUOTE_CHARS = 200
_MARKER_RE = re.compile(r"\[(\d{1,3})\]")
_NUMBER_RE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")


def section_display(section: Sequence[str], doc_title: str) -> str:
    return " > ".join(section) if section else doc_title


def text_citation(n: int, chunk: Chunk, start: int, end: int, document_text: str) -> Citation:
    """Cite document_text[start:end] (a span inside ``chunk``)."""
    quote = document_text[start:end]
    page = f" · 第{chunk.page}页" if chunk.page else ""
    return Citation(
        n=n,
        kind="text",
        doc=chunk.doc_title,
        section=chunk.section,
        page=chunk.page,
        quote=quote,
        display=f"《{chunk.doc_title}》 {section_display(chunk.section, chunk.doc_title)}{page}",
        doc_id=chunk.doc_id,
        start=start,
        end=end,
    )


def indicator_citation(n: int, row: IndicatorRow, doc_title: str, span: tuple[int, int] | None = None, text: str = "") -> Citation:
    """A row's citation: its display names the level asked; its quote is ``text[span]`` (the indicator's
    block in the table, see ``Knowledge.row_spans``), or the row's own line without a span."""
    start, end = span if span and text else (row.start, row.end)
    return Citation(
        n=n,
        kind="indicator",
        doc=doc_title,
        section=row.section,
        page=row.page,
        quote=text[start:end] if span and text else row.quote,
        display=row.display(),
        doc_id=row.doc_id,
        start=start,
        end=end,
    )


def quote_window(text: str, start: int, end: int, focus: Sequence[str] = ()) -> tuple[int, int]:
    """Shrink [start, end) to at most MAX_QUOTE_CHARS, keeping the part that holds ``focus`` terms."""
    if end - start <= MAX_QUOTE_CHARS:
        return start, end
    span = text[start:end]
    cuts = [0] + [m.end() for m in re.finditer(r"[，、；：,;]", span)] + [len(span)]
    best = (0, -1.0)
    for i, a in enumerate(cuts[:-1]):
        j = i + 1
        while j + 1 < len(cuts) and cuts[j + 1] - a <= MAX_QUOTE_CHARS:
            j += 1
        b = min(cuts[j], a + MAX_QUOTE_CHARS)
        window = span[a:b]
        score = sum(len(t) for t in focus if t and t in window) - 0.001 * a
        if score > best[1]:
            best = (a, score)
    a = best[0]
    b = max(c for c in cuts if c - a <= MAX_QUOTE_CHARS) if any(c - a <= MAX_QUOTE_CHARS and c > a for c in cuts) else a + MAX_QUOTE_CHARS
    b = min(b, a + MAX_QUOTE_CHARS, len(span))
    return start + a, start + b


@dataclass
class AnswerDraft:
    """The answer under construction: its parts and the citations their [n] markers point to."""

    parts: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    rows: dict[int, IndicatorRow] = field(default_factory=dict)
    given: list[str] = field(default_factory=list)  # figures the user stated ("我们现在75%")

    def cite_text(self, k: "Knowledge", scored: "Scored", terms: Sequence[str]) -> int:
        """Cite a scored sentence (its window around ``terms`` when long); the marker's number."""
        s = scored.sentence
        text = k.sources[s.chunk.doc_id]
        start, end = quote_window(text, s.start, s.end, scored.matched or terms)
        for c in self.citations:
            if c.kind == "text" and c.doc_id == s.chunk.doc_id and c.start == start and c.end == end:
                return c.n
        n = len(self.citations) + 1
        self.citations.append(text_citation(n, s.chunk, start, end, text))
        return n

    def clause_part(self, k: "Knowledge", run: Sequence["Scored"], terms: Sequence[str]) -> str:
        """The answer's words for sentences that follow one another in the document (see
        ``clause_runs``): one quote holds them all, and each sentence carries its marker."""
        if len(run) == 1:
            n = self.cite_text(k, run[0], terms)
            rest = self._rest_window(k, run[0], terms, n)
            if rest is None:
                return f"{self.quoted(k, n)}[{n}]"
            # A sentence too long for one quote whose asked words lie far apart: a second quote holds the rest.
            m = len(self.citations) + 1
            s = run[0].sentence
            self.citations.append(text_citation(m, s.chunk, *rest, k.sources[s.chunk.doc_id]))
            parts = sorted([(self.citations[n - 1].start, n), (rest[0], m)])
            return "".join(f"{self.quoted(k, i)}[{i}]" for _, i in parts)
        first, last = run[0].sentence, run[-1].sentence
        text = k.sources[first.chunk.doc_id]
        n = next((c.n for c in self.citations if c.kind == "text" and c.doc_id == first.chunk.doc_id and c.start == first.start and c.end == last.end), 0)
        if not n:
            n = len(self.citations) + 1
            self.citations.append(text_citation(n, first.chunk, first.start, last.end, text))
        return "".join(f"{_whole(s.sentence.text)}[{n}]" for s in run)

    def _rest_window(self, k: "Knowledge", scored: "Scored", terms: Sequence[str], n: int) -> tuple[int, int] | None:
        """The part of a long sentence outside citation ``n``'s window that holds the focus terms the
        window leaves out ("以数字化改革为牵引……" and, 100 characters on, "打造全国职教高地"), or None."""
        s, cited = scored.sentence, self.citations[n - 1]
        text = k.sources[s.chunk.doc_id]
        inside = text[cited.start : cited.end]
        left = [t for t in (scored.matched or terms) if len(t) >= 2 and t in s.text and t not in inside]
        for a, b in ((cited.end, s.end), (s.start, cited.start)):
            if b > a and any(t in text[a:b] for t in left):
                window = quote_window(text, a, b, left)
                if not any(c.kind == "text" and c.doc_id == s.chunk.doc_id and (c.start, c.end) == window for c in self.citations):
                    return window
        return None

    def cite_row(self, k: "Knowledge", row: IndicatorRow) -> int:
        """Cite an indicator row (once per answer); the marker's number."""
        for n, cited in self.rows.items():
            if cited == row:
                return n
        n = len(self.citations) + 1
        self.citations.append(indicator_citation(n, row, k.titles.get(row.doc_id, ""), k.row_span(row), k.sources.get(row.doc_id, "")))
        self.rows[n] = row
        return n

    def quoted(self, k: "Knowledge", n: int) -> str:
        """The answer repeats exactly what the citation quotes (a sentence, or its window)."""
        c = self.citations[n - 1]
        text = c.quote
        if not text.endswith(_ENDS_SENTENCE):
            source = k.sources.get(c.doc_id, "")
            # A whole line without a full stop (a table's note) is complete; a cut sentence is not.
            whole_line = c.end >= len(source) or source[c.end] == "\n"
            text = text.rstrip("，、,：:") + ("。" if whole_line else "……")
        return _LINE_BREAK.sub("", text)


_LINE_BREAK = re.compile(r"\s*\n\s*")
_ENDS_SENTENCE = ("。", "！", "？", "；", "”", "!", "?", ";")


def _whole(sentence: str) -> str:
    """A sentence followed by a line break in its document, as the answer gives it."""
    text = _LINE_BREAK.sub("", sentence.strip())
    return text if text.endswith(_ENDS_SENTENCE) else text.rstrip("，、,：:") + "。"


def clause_runs(chosen: Sequence["Scored"], sources: Mapping[str, str]) -> list[list["Scored"]]:
    """Group chosen sentences that follow one another in one chunk, with nothing but whitespace
    between them, so that one quote holds a clause the document wrote as several sentences
    ("育训并举，突破发展。" and the sentence that states it). A run never quotes more than
    MAX_QUOTE_CHARS; runs keep the order of their best sentence, a run's sentences the document's."""
    runs: list[list["Scored"]] = []
    for s in chosen:
        joined = [s]
        for run in list(runs):
            if adjacent(run, s, sources) and _span(run + joined) <= MAX_QUOTE_CHARS:
                joined = run + joined
                runs.remove(run)
        runs.append(sorted(joined, key=lambda x: x.sentence.start))
    first = {id(s): i for i, s in enumerate(chosen)}
    return sorted(runs, key=lambda run: min(first[id(s)] for s in run))


def adjacent(run: Sequence["Scored"], s: "Scored", sources: Mapping[str, str]) -> bool:
    """``s`` comes right before or after a sentence of ``run`` in one chunk, with only whitespace between."""
    text = sources.get(s.sentence.chunk.doc_id, "")
    for m in run:
        a, b = m.sentence, s.sentence
        if a.chunk.chunk_id != b.chunk.chunk_id:
            continue
        if a.end <= b.start and not text[a.end : b.start].strip():
            return True
        if b.end <= a.start and not text[b.end : a.start].strip():
            return True
    return False


def _span(run: Sequence["Scored"]) -> int:
    return max(s.sentence.end for s in run) - min(s.sentence.start for s in run)


@dataclass(frozen=True)
class Verified:
    answer: str
    citations: tuple[Citation, ...]
    dropped: tuple[str, ...]  # why things were dropped, for warnings


def verify(
    answer: str,
    citations: Sequence[Citation],
    sources: Mapping[str, str],
    rows: Mapping[int, IndicatorRow] | None = None,
    given: Sequence[str] = (),
) -> Verified:
    """Check quotes against ``sources`` (doc_id → text) and numbers against cited quotes.

    ``rows`` maps citation numbers of indicator citations to their rows, so a
    gap such as 8.3 (80 − 71.7) counts as supported. ``given`` are figures the
    user stated in the question: they, and their distance to a cited row's
    target, count as supported too.
    """
    rows = rows or {}
    dropped: list[str] = []
    valid: dict[int, Citation] = {}
    for c in citations:
        text = sources.get(c.doc_id)
        if text is None:
            dropped.append(f"[{c.n}] 来源文档不在知识库中")
            continue
        if not c.quote or text[c.start : c.end] != c.quote or len(c.quote) > MAX_QUOTE_CHARS + 80:
            dropped.append(f"[{c.n}] 引文与原文不符")
            continue
        valid[c.n] = c

    kept_sentences: list[str] = []
    for sentence in split_answer_sentences(answer):
        markers = [int(m) for m in _MARKER_RE.findall(sentence)]
        if not markers:
            if _NUMBER_RE.search(_MARKER_RE.sub("", sentence)) and not _is_framing(sentence):
                dropped.append(f"无引用的数字句已删除：{sentence.strip()[:30]}")
                continue
            kept_sentences.append(sentence)
            continue
        good = [m for m in markers if m in valid]
        if not good:
            dropped.append(f"引用无效的句子已删除：{sentence.strip()[:30]}")
            continue
        body = _MARKER_RE.sub("", sentence)
        if not _numbers_supported(body, [valid[m] for m in good], [rows[m] for m in good if m in rows], given):
            dropped.append(f"数字无法在引文中核对的句子已删除：{sentence.strip()[:30]}")
            continue
        sentence = _MARKER_RE.sub(lambda m: m.group(0) if int(m.group(1)) in valid else "", sentence)
        kept_sentences.append(sentence)

    text = "".join(kept_sentences)
    used = []
    for m in _MARKER_RE.findall(text):
        if int(m) in valid and int(m) not in used:
            used.append(int(m))
    mapping = {old: new for new, old in enumerate(used, start=1)}
    text = _MARKER_RE.sub(lambda m: f"[{mapping[int(m.group(1))]}]" if int(m.group(1)) in mapping else "", text)
    # Clause lists (draft mode) may cite without a marker in the body: keep used ones only.
    renumbered = tuple(replace(valid[old], n=new) for old, new in mapping.items())
    return Verified(text.strip(), renumbered, tuple(dropped))


def split_answer_sentences(text: str) -> list[str]:
    """Split after 。！？ or a line break, keeping citation markers with their sentence."""
    parts = re.findall(r".*?(?:[。！？!?](?:\[\d{1,3}\])*|\n|$)", text, flags=re.S)
    return [p for p in parts if p]


def _is_framing(sentence: str) -> bool:
    # Years of the plan period and list numbering are framing, not claims.
    body = re.sub(r"20(?:2[0-5])\s*年|^\s*\d+[.、]|（\d+）|\(\d+\)|第\d+页|十四五|2021—2025|2021-2025", "", sentence)
    return not _NUMBER_RE.search(body)


def _numbers_supported(
    sentence: str, cited: Sequence[Citation], rows: Sequence[IndicatorRow], given: Sequence[str] = ()
) -> bool:
    allowed: set[str] = set(given)
    for c in cited:
        allowed.update(_NUMBER_RE.findall(c.quote))
        allowed.update(_NUMBER_RE.findall(c.display))
    for row in rows:
        values = [v for v in (row.baseline_2020, row.target_2025) if _NUMBER_RE.fullmatch(v)]
        if len(values) == 2:
            allowed.add(format_number(abs(float(values[1]) - float(values[0]))))
        if _NUMBER_RE.fullmatch(row.target_2025):
            allowed.update(format_number(abs(float(row.target_2025) - float(g))) for g in given)
    for number in _NUMBER_RE.findall(sentence):
        if number not in allowed and not _is_period_year(number):
            return False
    return True


def _is_period_year(number: str) -> bool:
    return number in {"2020", "2021", "2022", "2023", "2024", "2025"}


def format_number(value: float) -> str:
    """80 - 71.7 → '8.3'; 76 - 74.3 → '1.7'; 150 - 120 → '30'."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"
