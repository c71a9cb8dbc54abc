"""report.json, report.md and report.png from the scored runs."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from .metrics import METRIC_KEYS

if TYPE_CHECKING:  # pragma: no cover
    from .harness import SystemRun

SYSTEM_LABELS = {
    "assistant": "assistant (extractive)",
    "bm25": "BM25 only (top chunk)",
    "dense": "dense only (top chunk)",
    "naive": "naive LangChain (500/50, Chroma, top 4)",
}
COLUMN_LABELS = {
    "recall_at_1": "R@1",
    "recall_at_5": "R@5",
    "mrr_at_10": "MRR@10",
    "answer_accuracy": "answer acc",
    "citation_accuracy": "citation acc",
    "citation_verified": "verified quotes",
    "refusal_accuracy": "refusal acc",
    "false_refusal_rate": "false refusals",
    "median_answer_chars": "median chars",
    "p50_ms": "p50 ms",
    "p95_ms": "p95 ms",
    "ingest_ms": "ingest ms",
}
SHORT_KEYS = ("recall_at_1", "recall_at_5", "mrr_at_10", "answer_accuracy", "citation_accuracy", "refusal_accuracy", "false_refusal_rate", "p50_ms")


def fmt(key: str, value: Any) -> str:
    if value is None:
        return "–"
    if key.endswith("_ms"):
        return f"{value:.1f}" if value < 10 else f"{value:.0f}"
    if key == "median_answer_chars":
        return f"{value:.0f}"
    return f"{value:.3f}"


def write_reports(
    out_dir: Path,
    data: Mapping[str, Any],
    runs: Sequence["SystemRun"],
    meta: Mapping[str, Any],
    indicator_names: Sequence[str] = (),
) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "report.json").write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (out_dir / "report.md").write_text(render_markdown(data, runs, meta, indicator_names), encoding="utf-8")
    write_chart(out_dir / "report.png", data)


# -- text ---------------------------------------------------------------------------


def summary_table(data: Mapping[str, Any], keys: Sequence[str] = SHORT_KEYS) -> str:
    """A plain fixed-width table for stdout."""
    systems = data["systems"]
    header = ["system"] + [COLUMN_LABELS[k] for k in keys]
    rows = [[name] + [fmt(k, m.get(k)) for k in keys] for name, m in systems.items()]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    line = lambda cells: "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))  # noqa: E731
    return "\n".join([line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ⏎ ")


def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return out


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def render_markdown(data: Mapping[str, Any], runs: Sequence["SystemRun"], meta: Mapping[str, Any], indicator_names: Sequence[str] = ()) -> str:
    from .harness import failure_kind

    systems = data["systems"]
    by_name = {run.name: run for run in runs}
    items = runs[0].results if runs else []
    answerable = sum(1 for r in items if r.item.answerable)
    lines = [
        "# 评测报告 · Evaluation report",
        "",
        f"- Questions: {meta.get('questions')} ({answerable} answerable, {len(items) - answerable} unanswerable), "
        f"from `{meta.get('questions_file')}`",
        f"- Corpus: {meta.get('documents')} document(s), {meta.get('chunks')} assistant chunks, "
        f"{meta.get('naive_chunks')} naive 500/50 chunks; embedding model `{meta.get('model')}` "
        f"(loaded in {fmt('x_ms', meta.get('model_load_ms'))} ms, not counted as ingest)",
        f"- Run time: {meta.get('seconds')} s wall, {meta.get('cpu_seconds')} s CPU, for everything (ingest, index builds, {len(runs)} systems × {len(items)} questions)"
        + (": " + ", ".join(f"{k} {v} s" for k, v in meta["stages_s"].items()) if meta.get("stages_s") else ""),
        "",
        "## Summary",
        "",
    ]
    lines += _md_table(
        ["system"] + [COLUMN_LABELS[k] for k in METRIC_KEYS],
        [[SYSTEM_LABELS.get(name, name)] + [fmt(k, m.get(k)) for k in METRIC_KEYS] for name, m in systems.items()],
    )

    categories = list(next(iter(systems.values()))["by_category"]) if systems else []
    counts = Counter(r.item.category for r in items)
    lines += ["", "## Answer accuracy by category", ""]
    lines += _md_table(
        ["category", "n"] + list(systems),
        [[c, str(counts[c])] + [fmt("answer_accuracy", systems[s]["by_category"][c]["answer_accuracy"]) for s in systems] for c in categories],
    )
    if "assistant" in systems:
        lines += ["", "## The assistant by category", ""]
        cat = systems["assistant"]["by_category"]
        keys = [k for k in METRIC_KEYS if k != "ingest_ms"]
        lines += _md_table(
            ["category", "n"] + [COLUMN_LABELS[k] for k in keys],
            [[c, str(counts[c])] + [fmt(k, cat[c][k]) for k in keys] for c in categories],
        )

    run = by_name.get("assistant")
    if run is not None:
        failed = [r for r in run.results if not r.correct]
        kinds = Counter(_kind_family(failure_kind(r, indicator_names)) for r in failed)
        lines += ["", f"## Assistant failures ({len(failed)} of {len(run.results)})", ""]
        lines += _md_table(["type of failure", "count"], [[k, str(n)] for k, n in kinds.most_common()])
        lines.append("")
        for r in failed:
            lines += _failure_lines(r, failure_kind(r, indicator_names))

    lines += [
        "",
        "## How it is measured",
        "",
        "- Every system answers the same questions in one process, from a store ingested fresh from `corpus/`. "
        "The assistant runs in extractive mode with the answer cache off. BM25 and dense are the assistant's own "
        "lexical index and dense search; their answer is the top chunk, cited by that chunk. The naive pipeline "
        "splits the same document text with `RecursiveCharacterTextSplitter(chunk_size=500, chunk_overlap=50)`, "
        "embeds it with the same model into an in-memory Chroma collection, retrieves the top 4 and answers with "
        "the top one. Baselines see follow-ups as the earlier questions followed by the new one, and refuse only "
        "when they retrieve nothing.",
        "- Retrieval (R@1, R@5, MRR@10; answerable items only): the rank of the first evidence text holding the gold "
        "span, whitespace removed. For the assistant the ranking is its citations in order (an indicator citation "
        "counts with its row display), then the chunks it retrieved; for the baselines, their ranked chunks. "
        "The naive pipeline returns only 4 chunks, so its R@5 and MRR@10 are computed over those 4.",
        "- Answer accuracy: an answerable item is right when the system answered, every expected fact group has an "
        "alternative in the answer as shown (the answer text plus the section headings of its citations and, for "
        "indicator rows, the row as displayed; whitespace ignored; numbers only as whole numbers) and a citation "
        "(for baselines: the returned chunk) holds the gold span. An unanswerable item is right when refused.",
        "- Citation accuracy: share of answerable items whose citations hold the gold span. Verified quotes: share of "
        "all returned quotes that equal `document_text[start:end]` of their document.",
        "- Refusal accuracy: share of unanswerable items refused; false refusals: share of answerable items refused. "
        "Median answer length counts answered items only. Latency is the wall time of one question "
        "(the assistant's `ask`, a baseline's retrieval). Ingest: the assistant's ingest into the fresh store "
        "(shared by BM25 and dense), or the naive split + embed + Chroma build; `ingest_ms` is null per category.",
        "",
    ]
    return "\n".join(lines)


def _kind_family(kind: str) -> str:
    # "…(rank 3)…" and "…(rank 5)…" are one type.
    import re

    return re.sub(r"\s*\((?:rank \d+|gold evidence[^)]*)\)", "", kind)


def _failure_lines(r, kind: str) -> list[str]:
    item, reply = r.item, r.reply
    out = [f"### {item.id} · {item.category} · {kind}", "", f"- Question: {item.question}"]
    if item.history:
        out.append("- History: " + " / ".join(f"Q: {_clip(q, 60)} A: {_clip(a, 60)}" for q, a in item.history))
    if item.answerable:
        facts = " AND ".join(" or ".join(f"“{a}”" for a in g) for g in item.expected_facts)
        out.append(f"- Expected: {facts}; gold: {item.gold.section if item.gold else ''} › “{item.gold.span if item.gold else ''}”")
        if r.missing:
            out.append("- Missing: " + " AND ".join(" or ".join(g) for g in r.missing))
    else:
        out.append("- Expected: a refusal (not in the plan)")
    got = "answered" if reply.found else "refused"
    out.append(f"- Got ({got}): {_clip(reply.answer, 260)}")
    if reply.quotes:
        cited = "; ".join(f"[{i}] {_clip(q.label or q.text, 90)}" for i, q in enumerate(reply.quotes, start=1))
        out.append(f"- Cited: {cited}")
    if item.answerable:
        out.append(f"- Gold evidence rank: {r.outcome.rank if r.outcome.rank else 'not in top 10'}")
    if r.error:
        out.append(f"- Error: {r.error}")
    out.append("")
    return out


# -- chart --------------------------------------------------------------------------


def write_chart(path: Path, data: Mapping[str, Any]) -> None:
    """Grouped bars of the main fractions, and latency, per system (English labels)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    systems = data["systems"]
    names = list(systems)
    keys = ["recall_at_1", "recall_at_5", "mrr_at_10", "answer_accuracy", "citation_accuracy", "refusal_accuracy"]
    fig, (ax, ax2) = plt.subplots(1, 2, figsize=(13, 4.8), gridspec_kw={"width_ratios": [3, 1]})
    width = 0.8 / max(len(names), 1)
    for i, name in enumerate(names):
        values = [systems[name].get(k) for k in keys]
        xs = [j + (i - (len(names) - 1) / 2) * width for j in range(len(keys))]
        bars = ax.bar(xs, [v or 0.0 for v in values], width, label=name)
        for bar, v in zip(bars, values):
            ax.annotate("n/a" if v is None else f"{v:.2f}", (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                        ha="center", va="bottom", fontsize=7, xytext=(0, 1), textcoords="offset points")
    ax.set_xticks(range(len(keys)))
    ax.set_xticklabels([COLUMN_LABELS[k] for k in keys])
    ax.set_ylim(0, 1.1)
    ax.set_ylabel("fraction of questions")
    ax.set_title("Retrieval and answer quality")
    ax.legend(loc="upper right", fontsize=8)
    ax.grid(axis="y", alpha=0.3)

    for i, name in enumerate(names):
        p50, p95 = systems[name].get("p50_ms") or 0.0, systems[name].get("p95_ms") or 0.0
        ax2.bar(i - 0.2, p50, 0.4, color="tab:blue", label="p50" if i == 0 else None)
        ax2.bar(i + 0.2, p95, 0.4, color="tab:orange", label="p95" if i == 0 else None)
    ax2.set_xticks(range(len(names)))
    ax2.set_xticklabels(names, rotation=20)
    ax2.set_yscale("log")
    ax2.set_ylabel("ms per question (log)")
    ax2.set_title("Latency")
    ax2.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
