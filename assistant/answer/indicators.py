"""Answer target questions from the structured indicator rows, exactly.

Rows are matched by the IDF-weighted character bigrams they share with the
question plus the cosine between the question and the indicator name; levels
(中职/高职) mentioned in the question select rows of that level.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from ..normalize import normalize
from ..types import IndicatorRow
from .citations import format_number
from .numerals import figures_in_digits

LEVELS = ("中职", "高职")
# How the table spells a level out in a row's name ("高职（高专）在校生人数"): words of the level, not of the indicator.
LEVEL_SPELLINGS = ("中职", "高职", "高专", "高职高专", "中等职业", "高等职业")
# A level with its kind of school ("中职学校", "高职院校"): a row named for a level shares these with any
# question about that level, whatever it asks.
LEVEL_SCHOOLS = ("中职学校", "中等职业学校", "高职院校", "高等职业院校", "职业院校")
# Words that ask for a quantity, a target or a gap (generic question forms).
QUANTITY_CUES = (
    "多少", "几", "多大", "多不多", "多吗", "比例", "比率", "占比", "率", "目标", "达到", "指标", "基数", "数值", "数量", "人数",
    "起点", "终点", "基线", "目标值",
    "现在", "目前", "现状", "差", "提高", "提升", "增加", "增长", "变化", "从", "到2025", "2025", "2020",
    "万人", "%", "百分", "所", "个", "元", "覆盖", "how many", "how much", "target", "rate", "percent",
)
_CORE_RE = re.compile(r"[（(][^（）()]*[）)]\s*$")
_STRIP_RE = re.compile(r"[\s“”\"'‘’（）()、，,。·]")


@dataclass(frozen=True)
class RowMatch:
    row: IndicatorRow
    score: float
    lexical: float
    shared: frozenset[str] = frozenset()  # the name's bigrams that the question holds


def indicator_core(name: str) -> str:
    """The indicator name without its unit, normalized, punctuation removed."""
    return _STRIP_RE.sub("", normalize(_CORE_RE.sub("", name)))


def _bigrams(text: str) -> list[str]:
    return [text[i : i + 2] for i in range(len(text) - 1)]


def _english_terms(question: str) -> list[str]:
    """The plan's terms for an English question's domain phrases, minus levels and quantity words."""
    from ..retrieval.lexical import translate_english

    if len(re.findall(r"[A-Za-z]{2,}", question)) < 4:
        return []
    terms = translate_english(normalize(question)).split()
    return [t for t in dict.fromkeys(terms) if t not in LEVELS and not any(c in t or t in c for c in QUANTITY_CUES)]


class IndicatorMatcher:
    """Scores indicator rows against a question."""

    def __init__(self, rows: Sequence[IndicatorRow], name_vectors: dict[str, list[float]] | None = None):
        self.rows = list(rows)
        self.names = sorted({r.indicator for r in self.rows})
        self.name_vectors = name_vectors or {}
        df: Counter[str] = Counter()
        self._grams = {}
        self._cores = {}
        for name in self.names:
            core = indicator_core(name)
            grams = set(_bigrams(core))
            self._cores[name] = core
            self._grams[name] = grams
            df.update(grams)
        n = max(len(self.names), 1)
        self._idf = {g: math.log(1 + n / c) for g, c in df.items()}

    def held(self, question_norm: str, name: str, words: frozenset[str] | None = None) -> frozenset[str]:
        """The name's bigrams that the question holds as words: a word of the question's own
        (``words``, its segmentation), or part of three characters both share. A bigram the
        question only holds across its words' edge is none: 院校|生师比 holds no 在校生's 校生."""
        from ..retrieval.lexical import tokenize

        if words is None:
            words = frozenset(tokenize(question_norm))
        core = self._cores[name]
        out = set()
        for i in range(len(core) - 1):
            g = core[i : i + 2]
            if g not in question_norm:
                continue
            wider = (i > 0 and core[i - 1 : i + 2] in question_norm) or (i + 3 <= len(core) and core[i : i + 3] in question_norm)
            if g in words or wider:
                out.add(g)
        return frozenset(out)

    def lexical(self, question_norm: str, name: str, words: frozenset[str] | None = None) -> float:
        return self._share(name, self.held(question_norm, name, words))

    def _share(self, name: str, held: frozenset[str]) -> float:
        """The IDF-weighted share of the name's bigrams that ``held`` holds."""
        total = sum(self._idf[g] for g in self._grams[name]) or 1.0
        return sum(self._idf[g] for g in held) / total

    def closest_name(self, text: str) -> tuple[str, float]:
        """The indicator name that shares most of ``text``'s words (by ``lexical``), and that share."""
        from ..retrieval.lexical import tokenize

        norm = _STRIP_RE.sub("", normalize(text))
        words = frozenset(tokenize(norm))
        scored = [(name, self.lexical(norm, name, words)) for name in self.names]
        return max(scored, key=lambda item: item[1], default=("", 0.0))

    def match(self, question: str, query_vector: Sequence[float] | None = None, expanded: str = "") -> list[RowMatch]:
        from ..retrieval.lexical import tokenize

        q = _STRIP_RE.sub("", normalize(question + " " + expanded))
        words = frozenset(tokenize(q))
        # An English question names an indicator only through the glossary's terms:
        # how many of those the name holds is the lexical evidence.
        english = _english_terms(question)
        scored: dict[str, tuple[float, float, frozenset[str]]] = {}
        for name in self.names:
            shared = self.held(q, name, words)
            lex = self._share(name, shared)
            if english:
                core = indicator_core(name)
                lex = max(lex, 0.8 * sum(t in core for t in english) / len(english))
            dense = 0.0
            if query_vector is not None and name in self.name_vectors:
                dense = sum(a * b for a, b in zip(query_vector, self.name_vectors[name]))
            # e5 cosines sit in ~0.7–0.9; rescale so 0.8 → 0.5.
            scored[name] = (0.65 * lex + 0.35 * max(0.0, (dense - 0.7) * 5), lex, shared)
        out = [RowMatch(r, *scored[r.indicator]) for r in self.rows]
        out.sort(key=lambda m: -m.score)
        return out


def context_grams(rows: Sequence[IndicatorRow]) -> frozenset[str]:
    """Bigrams of the headings the rows sit under ("浙江省职业教育“十四五”发展目标") and of the levels:
    words that describe every row, so sharing only them with a question picks none."""
    headings = {normalize(h) for r in rows for h in r.section}
    return frozenset(g for text in (*headings, *LEVELS) for g in _bigrams(_STRIP_RE.sub("", text)))


def level_grams() -> frozenset[str]:
    """Bigrams of the levels' spellings and of their schools' names."""
    return frozenset(g for text in (*LEVEL_SPELLINGS, *LEVEL_SCHOOLS) for g in _bigrams(text))


def prefer_own_words(matches: Sequence[RowMatch], context: frozenset[str], min_score: float) -> list[RowMatch]:
    """Rows that share a word of their own with the question, when one scores ``min_score``: a row that
    shares only a level and its schools ("中职学校在校生人数" for "中职学校里双师型老师占多少") gives way."""
    generic = context | level_grams()
    if not any(m.score >= min_score and m.shared - generic for m in matches):
        return list(matches)
    return [m for m in matches if not m.shared or m.shared - generic]


def mentioned_levels(text: str, expanded: str = "") -> list[str]:
    """Levels the question names, everyday words included (职高 → 中职, 大专 → 高职)."""
    norm = normalize(text + " " + expanded)
    return [lvl for lvl in LEVELS if lvl in norm]


# Cues of one character that ask for a quantity only after a figure ("30所", "13000元"): alone they are
# parts of other words (这个, 场所, 多元, 从事).
_FIGURE_CUES = ("个", "所", "元", "从")
_FIGURE_CUE_RE = re.compile(r"\d\s*[个所元]|从\S{0,16}到")


# "越来越差", "很差": 差 says something is poor, it asks no gap.
_POOR = re.compile(r"(?:越来越|很|太|变|较|比较|更|特别)差")


def asks_quantity(text: str) -> bool:
    norm = _POOR.sub("", normalize(text))
    return any(cue in norm for cue in QUANTITY_CUES if cue not in _FIGURE_CUES) or bool(_FIGURE_CUE_RE.search(norm))


def select_rows(
    matches: Sequence[RowMatch], levels: Sequence[str], min_score: float = 0.42, parts_asked: bool = False,
    ladder: Sequence[str] = (),
) -> list[IndicatorRow]:
    """The best-matching indicator(s), narrowed to the levels asked about.

    ``parts_asked``: the question asks about two things ("A和B分别多少"); a row that holds
    words of the question that no chosen row holds is the other part, even when it scores lower.
    ``ladder``: the levels named, 职教本科 included ("高职和职教本科在校生分别多少"); each one named
    gets its own row of the same thing."""
    if levels:
        # An indicator named for another level ("中职学校在校生人数" when 高职 is asked) is not it.
        matches = [
            m for m in matches
            if any(lvl in m.row.indicator for lvl in levels) or not any(lvl in m.row.indicator for lvl in LEVELS)
        ]
    if not matches or matches[0].score < min_score:
        return []
    best = matches[0].score
    # Words of the question that the best row holds, levels aside; a row that holds only
    # some of them ("中职…比例" for "中职双师型比例") is a near name, not another asked row.
    level_grams = {g for lvl in LEVEL_SPELLINGS for g in _bigrams(lvl)}  # the level, not its schools
    best_shared = matches[0].shared - level_grams
    school_grams = {g for w in (*LEVEL_SCHOOLS, "学院") for g in _bigrams(w)}
    names: list[str] = []
    for m in matches:
        if m.score < max(min_score, 0.85 * best) or m.row.indicator in names:
            continue
        if names and best_shared and (m.shared - level_grams) < best_shared:
            continue
        if names and not (m.shared - level_grams - school_grams):
            continue  # "高职学院…": sharing only a level and a kind of school (丝路学院) names no other row

        names.append(m.row.indicator)
    if parts_asked:
        held = {g for m in matches if m.row.indicator in names for g in m.shared} - level_grams
        for m in matches:
            if m.score >= min_score and m.row.indicator not in names and len(m.shared - level_grams - held) >= 2:
                names.append(m.row.indicator)
                held |= m.shared
    ladder = list(dict.fromkeys([*levels, *ladder]))
    if len(ladder) >= 2:
        # "中职和高职在校生分别多少": a level whose own row (中职学校在校生人数) names the same thing as the best row.
        for lvl in ladder:
            if any(lvl in name for name in names) or not any(lvl in m.row.indicator for m in matches):
                continue
            same = next(
                (m for m in matches if lvl in m.row.indicator and m.score >= min_score and len((m.shared - level_grams) & best_shared) >= 2),
                None,
            )
            if same is not None and same.row.indicator not in names:
                names.append(same.row.indicator)
    names = names[:3]
    rows = [m.row for m in matches if m.row.indicator in names]
    by_name: dict[str, list[IndicatorRow]] = {}
    for r in rows:
        by_name.setdefault(r.indicator, []).append(r)
    chosen: list[IndicatorRow] = []
    for name in names:
        group = by_name[name]
        leveled = [r for r in group if r.level in levels]
        chosen.extend(leveled if (leveled and levels) else group)
    # Keep document order so 中职 comes before 高职.
    seen = set()
    unique = []
    for r in sorted(chosen, key=lambda r: r.start):
        if (r.indicator, r.level) not in seen:
            seen.add((r.indicator, r.level))
            unique.append(r)
    return unique


_BACHELOR = re.compile(r"职教本科|职业本科|本科(?!高校)")


def ladder_levels(question: str, levels: Sequence[str]) -> list[str]:
    """The levels a question names, 职教本科 among them: the table has rows for it too."""
    return [*levels, "职教本科"] if _BACHELOR.search(normalize(question)) else list(levels)


def describe_row(row: IndicatorRow) -> str:
    """'职业院校“双师型”教师占专业课教师比例（高职）：2020年为71.7%，2025年目标为80%，提高8.3个百分点'."""
    name = _CORE_RE.sub("", row.indicator).strip()
    level = f"（{row.level}）" if row.level else ""
    unit = row.unit

    def fmt(value: str) -> str:
        return f"{value}{unit}" if unit == "%" else f"{value}{unit}"

    parts = []
    if not has_baseline(row):
        parts.append("2020年无基数（表中为“-”）")
    else:
        parts.append(f"2020年为{fmt(row.baseline_2020)}")
    parts.append(f"2025年目标为{fmt(row.target_2025)}")
    try:
        gap = float(row.target_2025) - float(row.baseline_2020)
    except ValueError:
        gap = None
    if gap is not None:
        amount = format_number(abs(gap))
        verb = "提高" if gap >= 0 else "降低"
        if unit == "%":
            parts.append(f"需{verb}{amount}个百分点")
        else:
            parts.append(f"需{'增加' if gap >= 0 else '减少'}{amount}{unit}")
    return f"{name}{level}：" + "，".join(parts)


# "多少人能拿到" asks a share as much as a count; "考过几个证" asks nothing.
_UNIT_ASK = re.compile(r"(?:多少|(?<![哪好这那近前过了])几)\s*(个百分点|百分点|个点|亿元|万元|元|万人次|人次|万人|人(?!能|会|可|有机会)|所|个|家|项|本|门|名|篇|倍)")


def asked_unit(question: str) -> str | None:
    """The unit a question counts in ("几所" → "所"), if it names one."""
    m = _UNIT_ASK.search(normalize(question))
    return m.group(1) if m else None


def unit_compatible(asked: str, unit: str) -> bool:
    if asked in ("个百分点", "百分点", "个点"):
        return unit == "%"
    if asked == "个":
        return unit in ("个", "所")  # "多少个专业" counts things; a share is asked as "几个点"
    if asked in ("人", "万人", "人次", "万人次"):
        return "人" in unit
    if asked in ("元", "万元", "亿元"):
        return unit.endswith("元")
    return asked == unit


_BASELINE_ASK = re.compile(r"2020|十三五末|现在|目前|(?<!实)现有")
_TARGET_ASK = re.compile(r"2025|目标|十四五|要达到|要到|要提|[提增升]\S?到|达到|将来|以后|期末")


def asks_baseline_only(question: str) -> bool:
    """"2020年…是多少": the question asks for the starting figure and not the 2025 target."""
    norm = normalize(question)
    return bool(_BASELINE_ASK.search(norm)) and not _TARGET_ASK.search(norm) and not asks_gap(norm)


def has_baseline(row: IndicatorRow) -> bool:
    return row.baseline_2020 not in ("-", "—", "")


_GAP_ASK = re.compile(r"(提高|提升|增加|增长|相差|还差|差多少|差距|差了|多多少|涨)")


_COMPARED = r"(?:和|与|跟|同|比|离|距|距离)"


def compared_with_target(question: str, word: str) -> bool:
    """"目标和现状差多少", "现状离目标还差多少": ``word`` is what the target is compared with."""
    norm = normalize(question)
    w = re.escape(word)
    return bool(
        re.search(rf"目标\s*{_COMPARED}\s*{w}[^，,。？?]{{0,4}}{_GAP_ASK.pattern}", norm)
        or re.search(rf"{w}\s*{_COMPARED}\s*(?:2025\s*年?)?的?目标[^，,。？?]{{0,4}}{_GAP_ASK.pattern}", norm)
    )


def asks_gap(question: str) -> bool:
    """The question asks how far 2020 is from 2025, which only an indicator row answers exactly."""
    return bool(_GAP_ASK.search(normalize(question)))


# "我们现在是75%", "我校目前 12000 元": the user's own current figure (not a year, not a 专栏 number).
# A figure the user states: not part of a term ("1+X"), not a year.
_GIVEN_VALUE = re.compile(r"(?<![\d.专栏+＋])(\d+(?:\.\d+)?)\s*(%|％|个百分点|万人|万|人|所|个|元)?(?![\d.+＋]|\s*年)")
# The user speaks of their own school or of now: "我院…占58%", "我们现在75%", "去年才22%".
_GIVEN_CUE = re.compile(r"现在|目前|现有|已经|已|我们|我[校院市县区所]|咱|本[校院]|学校|今年|去年|才|只有")


def given_value(question: str, row: IndicatorRow) -> str | None:
    """The current value the user states for ``row``'s indicator, in its unit, if exactly one.

    A figure written with the row's unit outranks bare numbers ("…大概22%" over a stray "3")."""
    norm = figures_in_digits(normalize(question))  # "我们现在一万一左右" → 11000
    if not _GIVEN_CUE.search(norm):
        return None
    with_unit, bare = [], []
    for m in _GIVEN_VALUE.finditer(norm):
        number, unit = m.group(1), (m.group(2) or "").replace("％", "%")
        if unit == "万" and row.unit in ("元", "人", "人次"):
            number, unit = format_number(float(number) * 10_000), row.unit  # "我们现在1.4万" of a figure in 元
        if number in (row.baseline_2020, row.target_2025) or re.fullmatch(r"20\d\d", number):
            continue
        if unit and not (unit == row.unit or (unit == "万" and row.unit.startswith("万"))):
            continue
        if not unit and row.unit == "%" and float(number) > 100:
            continue
        (with_unit if unit else bare).append(number)
    values = with_unit or bare
    return values[0] if len(values) == 1 else None


def describe_distance(row: IndicatorRow, given: str) -> str | None:
    """'按您给出的75%计算，距2025年目标80%还差5个百分点'."""
    try:
        gap = float(row.target_2025) - float(given)
    except ValueError:
        return None
    unit = row.unit
    amount = format_number(abs(gap))
    step = "个百分点" if unit == "%" else unit
    if gap > 0:
        return f"按您给出的{given}{unit}计算，距2025年目标{row.target_2025}{unit}还差{amount}{step}"
    if gap == 0:
        return f"按您给出的{given}{unit}计算，已达到2025年目标{row.target_2025}{unit}"
    return f"按您给出的{given}{unit}计算，已超过2025年目标{row.target_2025}{unit}{amount}{step}"

