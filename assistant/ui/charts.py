"""The 目标指标 tab: the indicator table (with 差距) and 2020-vs-2025 charts.

Charts are PNGs drawn with matplotlib's object API (no pyplot global state,
so concurrent sessions cannot interfere). Each unit gets its own axis: a
percentage and a headcount on one scale would make either unreadable.
"""

from __future__ import annotations

import re
import sys
import textwrap
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from ..types import IndicatorRow

TABLE_HEADERS: tuple[str, ...] = ("维度", "指标", "层次", "2020", "2025", "差距", "单位")

# Preferred CJK families, most to least wanted; Debian's fonts-noto-cjk gives the first.
_CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Noto Sans CJK JP",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
    "Microsoft YaHei",
    "PingFang SC",
    "SimHei",
    "Noto Serif CJK SC",
)
_CJK_FILE_HINT = re.compile(r"cjk|wqy|wenquanyi|sourcehan|droidsansfallback|simhei|msyh|yahei|pingfang|notosanssc", re.I)

# Figures: units that are plain counts of things share one figure, one axis each.
_FIGURE_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("%", ("%",)),
    ("万人", ("万人",)),
    ("元", ("元",)),
    ("所/个", ("所", "个")),
)
# Used only when no CJK font exists, so the chart still has readable words.
_ASCII_UNITS = {"%": "%", "万人": "10k people", "元": "yuan", "所": "institutions", "个": "programmes"}

_font_lock = threading.Lock()
_font_cache: dict[str, str | None] = {}


def cjk_font() -> str | None:
    """A font family that can draw Chinese, found via matplotlib's font manager, or None.

    matplotlib's font list is cached on disk and may predate an installed font,
    so if no known family is listed, likely CJK files on the system are added.
    """
    with _font_lock:
        if "family" in _font_cache:
            return _font_cache["family"]
        from matplotlib import font_manager

        def known() -> str | None:
            """The first preferred family the font manager knows."""
            names = {f.name for f in font_manager.fontManager.ttflist}
            return next((fam for fam in _CJK_FAMILIES if fam in names), None)

        family = known()
        if family is None:
            for path in font_manager.findSystemFonts():
                if _CJK_FILE_HINT.search(Path(path).name):
                    try:
                        font_manager.fontManager.addfont(path)
                    except (OSError, RuntimeError, ValueError):
                        continue  # an unreadable font file is not worth failing over
            family = known()
        if family is None:
            print("提示：未找到中文字体（可安装 fonts-noto-cjk），图表将使用英文标签", file=sys.stderr)
        _font_cache["family"] = family
        return family


def number(value: str) -> float | None:
    """A printed table value as a number ("74.3" → 74.3; "-" or "" → None)."""
    text = value.strip().replace(",", "").replace("，", "")
    try:
        return float(text)
    except ValueError:
        return None


def _decimals(value: str) -> int:
    """Digits after the decimal point as printed ("0.48" → 2)."""
    return len(value.split(".", 1)[1]) if "." in value else 0


def gap(baseline: str, target: str) -> str:
    """target − baseline as printed precision allows, signed ("+1.7"); "-" if either is missing."""
    b, t = number(baseline), number(target)
    if b is None or t is None:
        return "-"
    places = max(_decimals(baseline.strip()), _decimals(target.strip()))
    return f"{t - b:+.{places}f}"


def short_name(indicator: str) -> str:
    """The indicator without its trailing unit ("中职学校在校生人数（万人）" → "中职学校在校生人数")."""
    return re.sub(r"[（(][^（）()]*[）)]\s*$", "", indicator).strip() or indicator


def indicator_table(rows: Sequence[IndicatorRow]) -> list[list[str]]:
    """The rows for the table, columns as in ``TABLE_HEADERS``."""
    return [
        [r.dimension, r.indicator, r.level or "", r.baseline_2020, r.target_2025, gap(r.baseline_2020, r.target_2025), r.unit]
        for r in rows
    ]


def question_for_row(row: Sequence[str]) -> str:
    """The chat question asked when a table row is selected."""
    indicator, level = str(row[1]), str(row[2] or "")
    name = short_name(indicator)
    if level:
        name = f"{name}（{level}）"
    return f"{name}的2025年目标是多少？"


@dataclass(frozen=True)
class Chart:
    """One drawn PNG and the caption shown with it."""

    key: str  # the slot: one of CHART_SLOTS
    path: Path
    caption: str


# The app shows one image per slot; units outside the four known groups share
# the "其他" figure, still one axis per unit.
CHART_SLOTS: tuple[str, ...] = tuple(title for title, _ in _FIGURE_GROUPS) + ("其他",)


def render_charts(rows: Sequence[IndicatorRow], out_dir: Path) -> list[Chart]:
    """One PNG per unit group (%, 万人, 元, 所/个, 其他), each unit on its own axis."""
    out_dir.mkdir(parents=True, exist_ok=True)
    by_unit: dict[str, list[tuple[int, IndicatorRow]]] = {}
    for i, r in enumerate(rows, start=1):
        by_unit.setdefault(r.unit, []).append((i, r))
    grouped = {u for _, units in _FIGURE_GROUPS for u in units}
    groups = [(title, tuple(u for u in units if u in by_unit)) for title, units in _FIGURE_GROUPS]
    groups.append(("其他", tuple(u for u in by_unit if u not in grouped)))
    font = cjk_font()
    charts = []
    for n, (title, units) in enumerate(groups, start=1):
        if not units:
            continue
        path = out_dir / f"indicators-{n}.png"
        _draw(path, [(u, by_unit[u]) for u in units], font)
        shown = "、".join(units) if title == "其他" else title
        charts.append(Chart(title, path, f"单位：{shown}（2020 年基数与 2025 年目标）"))
    return charts


def _label(i: int, row: IndicatorRow, font: str | None) -> str:
    """The y-axis label of a row: its short name and level, wrapped; "#i" without a CJK font."""
    if font is None:
        return f"#{i}"
    text = short_name(row.indicator) + (f"（{row.level}）" if row.level else "")
    return "\n".join(textwrap.wrap(text, 16)) or text


def _draw(path: Path, panels: list[tuple[str, list[tuple[int, IndicatorRow]]]], font: str | None) -> None:
    """Grouped horizontal bars (2020 grey, 2025 blue), one axis per unit, written to ``path``."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    heights = [max(1.6, 0.62 * len(items) + 0.9) for _, items in panels]
    fig = Figure(figsize=(8.6, sum(heights) + 0.3), dpi=110)
    FigureCanvasAgg(fig)
    rc = {"family": font} if font else {}
    axes = fig.subplots(len(panels), 1, squeeze=False, gridspec_kw={"height_ratios": heights})[:, 0]
    for ax, (unit, items) in zip(axes, panels):
        labels = [_label(i, r, font) for i, r in items]
        base = [number(r.baseline_2020) for _, r in items]
        target = [number(r.target_2025) for _, r in items]
        ys = list(range(len(items)))
        h = 0.38
        ax.barh([y - h / 2 for y in ys], [b or 0 for b in base], height=h, color="#9aa5b1", label="2020")
        ax.barh([y + h / 2 for y in ys], [t or 0 for t in target], height=h, color="#2563eb", label="2025")
        top = max([v for v in base + target if v is not None] or [1.0])
        for y, b, t, (_, r) in zip(ys, base, target, items):
            if b is None:
                missing = "2020 年无数据" if font else "no 2020 value"
                ax.text(top * 0.01, y - h / 2, missing, va="center", fontsize=8, color="#6b7280", **rc)
            else:
                ax.text(b + top * 0.01, y - h / 2, r.baseline_2020, va="center", fontsize=8)
            if t is not None:
                ax.text(t + top * 0.01, y + h / 2, r.target_2025, va="center", fontsize=8, fontweight="bold")
        ax.set_yticks(ys)
        ax.set_yticklabels(labels, fontsize=8.5, **rc)
        ax.invert_yaxis()  # table order, top to bottom
        ax.set_xlim(0, top * 1.15)
        unit_label = unit if font else _ASCII_UNITS.get(unit, "")
        ax.set_xlabel(f"单位：{unit}" if font else f"unit: {unit_label}", fontsize=9, **rc)
        ax.spines[["top", "right"]].set_visible(False)
        # Above the plot, so it never covers a bar or its value label.
        ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=2, fontsize=8, frameon=False)
    fig.tight_layout()
    fig.savefig(path, format="png")
