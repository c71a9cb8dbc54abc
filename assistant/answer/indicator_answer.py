"""Answers from the indicator table: which rows a question asks for, and the answer built from them.

The rows give the 2020 baseline, the 2025 target and the gap exactly; the plan's
measures that act on an indicator follow, each cited. Matching a question to
rows is ``indicators.py``; this module decides when the table answers and composes it.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Sequence

from ..normalize import normalize
from ..retrieval.lexical import counts_students, expand_query
from ..types import Hit, IndicatorRow
from .citations import AnswerDraft
from .evidence import Scored, term_groups
from .indicators import (
    LEVEL_SCHOOLS,
    LEVEL_SPELLINGS,
    LEVELS,
    QUANTITY_CUES,
    asked_unit,
    asks_quantity,
    context_grams,
    describe_distance,
    describe_row,
    given_value,
    indicator_core,
    level_grams,
    ladder_levels,
    mentioned_levels,
    prefer_own_words,
    select_rows,
    unit_compatible,
)
from .context import Resolved
from .knowledge import Knowledge
from .measures import asks_measures, key_term, related_measures
from .listing import asks_list, asks_two_parts
from .scope.clauses import DISTINCTIVE_FREQ, asked_clauses, question_parts
from .scope.figures import asks_money


ROW_MIN_SCORE = 0.42  # a row's match score when the table ranks among the top hits
ROW_MIN_SCORE_UNRANKED = 0.55  # and when it does not
INDICATOR_NAMED_LEXICAL = 0.8  # of an indicator name's weight the question must hold to name it
OTHER_LEVEL_MIN_LEXICAL = 0.6  # how clearly the previous question named its row


# The words of an indicator's name that say what kind of figure it is, not what it counts.
_KIND_OF_FIGURE = frozenset(("数量", "人数", "比例"))


_NOW_CUES = ("现在", "目前", "现状", "进展", "差多少", "还差", "当前", "now", "current")


# "多少毕业生", "几所学校": a count of things (a noun right after 多少/几), not a share.
# "有多少能拿到" asks how many of them can, not a count in some unit: 多少 before 能/可以/会 counts nothing.
_COUNT_OF = re.compile(r"(?:多少|(?<![哪好这那近前])几)(?!个?百分点|个?点|比例|比重|倍|成|[呢吗啊呀了的是能可会])[\u4e00-\u9fff]")


_RATIO_WORDS = re.compile(r"比例|比重|占比|比率|率|百分|覆盖|%|多大|\b(?:percent(?:age)?|rates?|shares?|proportions?|ratios?)\b")
_COUNT_OF_EN = re.compile(r"\bhow many\b")
# Words that ask for a figure, unlike the 几 of "哪几种" (a list).
_ASKS_FIGURE = re.compile(r"多少|比例|比重|占比|目标|达到|基数|人数|%|率|how many|how much|target|rate")


def names_indicator(k: Knowledge, resolved: Resolved, query_vector) -> bool:
    """The question spells out an indicator's name ("1+X证书获取率的起点和目标"): a value asked
    for is that row's, and another word of the question ("起点") only frames the asking."""
    if not k.rows:
        return False
    return _spells_out_a_name(k.matcher.match(resolved.search_text, query_vector))


def _spells_out_a_name(matches) -> bool:
    return max((m.lexical for m in matches), default=0.0) >= INDICATOR_NAMED_LEXICAL


BARE_NAME_EXTRA_CHARS = 4  # characters besides an indicator's name in a question that is just the name


def _only_a_name(k: Knowledge, text: str) -> bool:
    """The question is an indicator's name and little else ("中职生均仪器设备值", "1+X证书获取率呢"): its values are asked."""
    name, share = k.matcher.closest_name(text)
    if share < INDICATOR_NAMED_LEXICAL:
        return False
    core = set(indicator_core(name))
    rest = [c for c in normalize(text) if "\u4e00" <= c <= "\u9fff" and c not in core]
    return len(rest) <= BARE_NAME_EXTRA_CHARS


def _names_row_key(k: Knowledge, matches, text: str) -> bool:
    """The question names what the best-matching row counts ("把专升本比例往25%上推"): its key term."""
    key = key_term(k, matches[0].row) if matches else ""
    return bool(key) and key in normalize(text)


# Schooling outside vocational education, named on its own: no vocational level's row counts it.
_OTHER_SCHOOLING = re.compile(r"普通高中|普高|(?<!职业)高中(?!段)|初中|小学|幼儿园|普通本科|本科高校")
_LEVEL_NAMED = re.compile("|".join((*LEVEL_SPELLINGS, "本科")))


def indicator_rows(k: Knowledge, resolved: Resolved, query_vector, hits: Sequence[Hit]) -> list[IndicatorRow]:
    """The indicator rows that answer the question, or none when it asks no quantity or names no row."""
    if not k.rows:
        return []
    asked = resolved.question if not resolved.previous else resolved.search_text
    clauses = asked_clauses(asked)
    plain: list = []  # the rows matched on the question's own words, computed once when needed

    def plain_matches():
        if not plain:
            plain.append(k.matcher.match(resolved.search_text, query_vector))
        return plain[0]

    def is_named() -> bool:  # as names_indicator
        return _spells_out_a_name(plain_matches())

    # "职业体验覆盖面要到100%，有哪些具体抓手？", "要把专升本比例往25%上推，有哪些举措":
    # the measures of a row the question names, or whose key term it holds, with the row.
    row_measures = asks_measures(asked) and asks_quantity(asked) and (
        is_named() or _names_row_key(k, plain_matches(), resolved.search_text)
    )
    if not asks_quantity(clauses) and not row_measures and not _only_a_name(k, resolved.search_text):
        return []  # "为了提高双师型比例，招聘上提了什么条件？" asks for conditions, not the ratio
    if asks_list(clauses) and not _ASKS_FIGURE.search(clauses) and not (row_measures or is_named()):
        return []  # "有哪几种招生途径" lists ways; its 几 asks for no figure
    expanded = expand_query(resolved.search_text)
    matches = k.matcher.match(resolved.search_text, query_vector, expanded)
    # "十四五职业教育总的目标是什么": 职业教育 is in the table's title, so in every row; it names none.
    context = context_grams(k.rows)
    matches = [m for m in matches if not m.shared or m.shared - context]
    # The question's own level wins over the one in the previous turn ("那高职呢？").
    levels = mentioned_levels(resolved.question, expand_query(resolved.question)) or mentioned_levels(
        resolved.search_text, expanded
    )
    if not levels and _OTHER_SCHOOLING.search(normalize(resolved.question)):
        # "普通高中在校生有多少": a row named for a level of vocational schooling counts other students.
        matches = [m for m in matches if not _LEVEL_NAMED.search(m.row.indicator)]
    table_ranked = any(h.chunk.kind == "table" for h in hits[:3])
    min_score = ROW_MIN_SCORE if table_ranked else ROW_MIN_SCORE_UNRANKED
    own = prefer_own_words(matches, context, ROW_MIN_SCORE)
    if own and matches and own[0] is not matches[0] and matches[0].score >= min_score:
        # The level-only row was good enough to answer, so the row that shares a word of its own is too.
        min_score = ROW_MIN_SCORE
    matches = own
    generic = context | level_grams() | _KIND_OF_FIGURE
    if not any(m.shared - generic for m in matches):
        # "高职院校生师比目标": a row that shares only a level and its schools is named by nothing the
        # question asks about; only a close embedding match makes it the row asked for. Nor does the
        # kind of figure name one: "高职院校数量" is not the 丝路学院数量 row.
        min_score = max(min_score, ROW_MIN_SCORE_UNRANKED)
    ladder = ladder_levels(resolved.question, levels) if asks_two_parts(asked) else []
    rows = select_rows(matches, levels, min_score=min_score, parts_asked=asks_two_parts(asked), ladder=ladder)
    rows = [r for r in rows if not other_kind_named(k, resolved.search_text, r)]
    if row_measures and not asks_quantity(clauses) and rows:
        # Only the measures are asked: of the one indicator the question names ("哪些具体项目" names no row of 项目).
        rows = [r for r in rows if r.indicator == rows[0].indicator]
    # A count asked in one unit is not answered by a row in another (几所 ≠ 万人).
    if asked_unit(resolved.question):
        # In a message of several questions, each asks in its own unit (or in none: "覆盖率要达到多少").
        parts = [p for p in question_parts(resolved.question) if asks_quantity(p)] or [resolved.question]
        units = [asked_unit(p) for p in parts]
        rows = [r for r in rows if any(u is None or unit_compatible(u, r.unit) for u in units)]
    counted = _COUNT_OF.search(normalize(resolved.question)) or _COUNT_OF_EN.search(normalize(resolved.question))
    if counted and not _RATIO_WORDS.search(normalize(resolved.question)):
        rows = [r for r in rows if r.unit != "%"]  # "送出去多少毕业生" counts people, it asks no share
    if asks_money(asked_clauses(resolved.question)):
        # "平均工资多少" is not a share of teachers, nor is "评上双师型工资能涨多少" a raise of that share.
        rows = [r for r in rows if r.unit.endswith("元")]
    return rows


_STRIP = re.compile(r"[\s“”\"'‘’（）()、，,。·？?！!]")


def other_kind_named(k: Knowledge, question: str, row: IndicatorRow) -> bool:
    """The question names another kind of the thing the row counts: where the row names which one by
    its key term ("“双师型”教师占专业课教师比例"), the question puts a word of its own ("兼职教师占专业课教师的比例")."""
    from ..retrieval.lexical import is_stopword, tag, word_frequency

    core = indicator_core(row.indicator)
    q = _STRIP.sub("", normalize(question))
    m = SequenceMatcher(None, q, core, autojunk=False).find_longest_match(0, len(q), 0, len(core))
    if m.size < 3 or m.a == 0 or m.b == 0:
        return False
    asked = [(w, f) for w, f in tag(q[: m.a]) if w.strip()]
    named = [w for w, _ in tag(core[: m.b]) if w.strip()]
    if not asked or not named:
        return False
    word, flag = asked[-1]
    generic = (*LEVEL_SPELLINGS, *LEVEL_SCHOOLS, "学校", "院校", "全省", "浙江", "省")
    return (
        len(word) >= 2 and flag.startswith(("n", "x", "v")) and not is_stopword(word) and word not in QUANTITY_CUES
        and word not in core and not any(word in g or g in word for g in generic)
        and named[-1] not in q and named[-1] == key_term(k, row) and not set(word) & set(named[-1])
        and word_frequency(named[-1]) < DISTINCTIVE_FREQ  # a term of the field (双师型), not 学生
    )


def other_level_only(k: Knowledge, resolved: Resolved, query_vector) -> str | None:
    """"那中职呢？" after a row only 高职 has (高职院校专任教师中研究生学历比例): why the table cannot answer."""
    if not k.rows or not resolved.previous:
        return None
    levels = mentioned_levels(resolved.question, expand_query(resolved.question))
    if len(levels) != 1 or not asks_quantity(asked_clauses(resolved.search_text)):
        return None
    # The row the previous question was about: the best match of that question alone.
    matches = k.matcher.match(resolved.previous, None, expand_query(resolved.previous))
    if not matches or matches[0].lexical < OTHER_LEVEL_MIN_LEXICAL:
        return None
    row = matches[0].row
    named_for = [lvl for lvl in LEVELS if lvl in row.indicator]
    has_level = any(r.indicator == row.indicator and r.level == levels[0] for r in k.rows)
    if named_for and levels[0] not in named_for and not has_level:
        return f"发展目标表中“{indicator_core(row.indicator)}”只有{'、'.join(named_for)}的指标，没有{levels[0]}的数据"
    return None


def states_row_value(rows: Sequence[IndicatorRow], best: Scored) -> bool:
    """The best sentence states a row's 2025 target ("年培训人数达到 150 万人次"): the row is the same fact, as data."""
    text = best.sentence.text
    return any(
        re.search(rf"(?<![\d.]){re.escape(r.target_2025)}(?![\d.])\s*(?:{re.escape(r.unit)}|万|%|个|所)", text)
        for r in rows
        if r.target_2025 not in ("-", "—")
    )


def rows_it_states(rows: Sequence[IndicatorRow], best: Scored) -> list[IndicatorRow]:
    """Of several rows, those whose value the best sentence states, when it states any ("高职毕业生拿职业技能
    高等级证书的比例": its sentence states the 1+X row's 30%, not the 专升本 row's): the rows the question asks."""
    stated = [r for r in rows if states_row_value([r], best)]
    return stated or list(rows)


def _without_level(core: str) -> str:
    """A row's name without the level or kind of school it opens with (高职高专在校生人数 → 在校生人数)."""
    for prefix in sorted((*LEVEL_SCHOOLS, *LEVEL_SPELLINGS, "职教本科"), key=len, reverse=True):
        if core.startswith(prefix):
            return core[len(prefix) :]
    return ""


def text_explains_better(k: Knowledge, rows: Sequence[IndicatorRow], best: Scored, terms: Sequence[str], question: str = "") -> bool:
    """Compare how much of the question the rows hold with how much the best sentence holds.

    "读高职的学生有多少人" asks a level's 在校生人数 in everyday words: that row is what it asks,
    whatever else of the question the row lacks."""
    if counts_students(question) and any(_without_level(indicator_core(r.indicator)) == "在校生人数" for r in rows):
        return False
    # Levels are settled by row selection (and may come from the previous turn).
    content = [t for t in terms if t not in LEVELS and not any(t in cue or cue in t for cue in QUANTITY_CUES)]
    if not content:
        return False
    weight = {t: k.weights.idf(t) for t in content}
    total = sum(weight.values()) or 1.0
    # A row's headings (the table's title, "…“十四五”发展目标") are its context, as a sentence's are.
    row_text = normalize(" ".join(f"{' '.join(r.section)} {r.dimension} {r.indicator} {r.level or ''}" for r in rows))
    sentence = normalize(best.sentence.text + " " + " ".join(best.sentence.chunk.section))
    row_cov = sum(w for t, w in weight.items() if t in row_text) / total
    text_cov = sum(w for t, w in weight.items() if t in sentence) / total
    return row_cov < 0.5 and text_cov > row_cov + 0.15


def answer_indicators(k: Knowledge, draft: AnswerDraft, rows: Sequence[IndicatorRow], question: str, scored, terms) -> None:
    for row in rows[:4]:
        n = draft.cite_row(k, row)
        draft.parts.append(f"{describe_row(row)}[{n}]。")
    # "我们现在75%，还差几个点": the distance from the user's own figure, for a single row.
    given = given_value(question, rows[0]) if len(rows) == 1 else None
    distance = describe_distance(rows[0], given) if given else None
    if distance:
        draft.given.append(given)
        draft.parts.append(f"{distance}[{draft.cite_row(k, rows[0])}]。")
    notes = {r.note for r in rows if r.note}
    if notes:
        n = draft.cite_row(k, rows[0])
        draft.parts.append(f"{'；'.join(sorted(notes))}[{n}]。")
    if any(cue in question for cue in _NOW_CUES):
        draft.parts.append("规划期为2021—2025年，表中给出的是2020年基数和2025年目标，没有逐年的实际进展数据。")
    # The plan's measures that act on this indicator: sentences that hold the
    # indicator's own distinctive terms, not just the question's wording.
    focus_groups = term_groups(" ".join(indicator_core(r.indicator) for r in rows))
    focus = [t for g in focus_groups for t in g]
    related = related_measures(k, rows, question, scored, focus_groups, lambda s: states_row_value(rows, s)) if focus else []
    if related:
        draft.parts.append("\n规划中相关的举措：")
        for s in related:
            n = draft.cite_text(k, s, focus)
            draft.parts.append(f"{draft.quoted(k, n)}[{n}]")


# The indicator table's first column is headed 维度; its values group the indicators.
# The plan's text uses 维度 too ("从…就业质量等维度"): the question must be about the indicators.
_DIMENSIONS_ASKED = re.compile(r"维度|(?:哪几类|哪些类|几大类|哪几个方面|哪几块)")


_ABOUT_INDICATORS = re.compile(r"指标|目标表|发展目标")


def asks_dimensions(question: str) -> bool:
    norm = normalize(question)
    if "专栏" in norm or not (_DIMENSIONS_ASKED.search(norm) and _ABOUT_INDICATORS.search(norm)):
        return False
    return asks_list(norm) or asks_quantity(norm) or "几个" in norm


def answer_dimensions(k: Knowledge, draft: AnswerDraft) -> None:
    first: dict[str, IndicatorRow] = {}
    for row in sorted(k.rows, key=lambda r: r.start):
        if row.dimension:
            first.setdefault(row.dimension, row)
    parts = [f"{name}[{draft.cite_row(k, row)}]" for name, row in first.items()]
    draft.parts.append("发展目标表的指标分为以下维度：" + "、".join(parts) + "。")
    note = next((r for r in first.values() if r.note), None)
    if note is not None:
        draft.parts.append(f"{note.note}[{draft.cite_row(k, note)}]。")
