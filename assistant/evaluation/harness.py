"""``assistant eval``: ingest into a fresh store, run four systems on the same questions, report.

Everything happens in one process: the corpus is ingested into a temporary
store (timed), the assistant and its two retrievers answer from it, the naive
LangChain pipeline builds its own in-memory index from the same document text
(timed), and every system gets every question. Progress goes to stderr, a
summary table to stdout, the reports into ``out_dir``.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from ..settings import Settings
from .metrics import Outcome, facts_matched, first_hit_rank, holds_span, missing_facts, summarize, summarize_by_category
from .questions import EvalItem, EvaluationError, load_questions
from .systems import Reply, System, quote_verified

LIMIT_KEYS = {"answer_accuracy": "min", "refusal_accuracy": "min", "false_refusal_rate": "max"}
LIMITS_FILE = "limits.json"


@dataclass
class ItemResult:
    """One system's reply to one item, scored, with what the failure list needs."""

    item: EvalItem
    reply: Reply
    outcome: Outcome
    missing: list[list[str]] = field(default_factory=list)
    error: str = ""

    @property
    def correct(self) -> bool:
        return self.outcome.correct


@dataclass
class SystemRun:
    name: str
    results: list[ItemResult]
    ingest_ms: float | None

    def metrics(self) -> dict[str, Any]:
        outcomes = [r.outcome for r in self.results]
        return {**summarize(outcomes, self.ingest_ms), "by_category": summarize_by_category(outcomes)}


# -- scoring one reply ----------------------------------------------------------------


def score_reply(item: EvalItem, reply: Reply, sources: Mapping[str, str], error: str = "") -> ItemResult:
    span = item.gold.span if item.gold else None
    rank = first_hit_rank(reply.ranked, span) if span else None
    cites_gold = bool(span) and reply.found and any(holds_span(q.evidence_text(), span) for q in reply.quotes)
    shown = reply.shown
    facts_ok = item.answerable and reply.found and facts_matched(item.expected_facts, shown)
    outcome = Outcome(
        category=item.category,
        answerable=item.answerable,
        found=reply.found,
        rank=rank,
        facts_ok=facts_ok,
        cites_gold=cites_gold,
        quotes=len(reply.quotes),
        quotes_verified=sum(1 for q in reply.quotes if quote_verified(q, sources)),
        answer_chars=len(reply.answer),
        latency_ms=reply.latency_ms,
    )
    missing = missing_facts(item.expected_facts, shown) if item.answerable and reply.found else []
    return ItemResult(item, reply, outcome, missing, error)


def failure_kind(result: ItemResult, indicator_names: Sequence[str] = ()) -> str:
    """A short name for why an item failed ("" when it did not).

    ``indicator_names`` are the rows of the plan's indicator table, so a wrong
    row can be told from a wrong text passage.
    """
    o, reply = result.outcome, result.reply
    if o.correct:
        return ""
    if result.error:
        return "error"
    if not o.answerable:
        return "answered an unanswerable question"
    if not o.found:
        where = f" (gold evidence retrieved at rank {o.rank})" if o.rank else " (gold evidence not retrieved either)"
        return "refused an answerable question" + where
    if o.cites_gold:
        return "gold passage cited, expected fact missing from the answer"
    if o.facts_ok:
        return "facts right, but no citation holds the gold span"
    span = result.item.gold.span if result.item.gold else ""
    gold_is_row = any(holds_span(name, span) for name in indicator_names)
    cited_rows = any(q.kind == "indicator" for q in reply.quotes)
    if cited_rows and gold_is_row:
        return "wrong indicator row"
    if cited_rows:
        return "answered from the indicator table, gold is a text passage"
    if gold_is_row:
        return "answered with text, gold is an indicator row"
    if o.rank:
        return f"gold passage retrieved (rank {o.rank}) but not cited"
    return "wrong passage: gold evidence not retrieved"


# -- running -------------------------------------------------------------------------


def run_system(system: System, items: Sequence[EvalItem], sources: Mapping[str, str], progress: bool = True) -> SystemRun:
    from tqdm import tqdm

    results: list[ItemResult] = []
    bar = tqdm(items, desc=f"{system.name:<9}", unit="q", file=sys.stderr, leave=False, disable=not progress)
    for item in bar:
        error = ""
        try:
            reply = system.run(item.question, item.history_pairs())
        except Exception as exc:  # one broken question must not lose the whole run
            error = f"{type(exc).__name__}: {exc}"
            reply = Reply(f"（出错：{error}）", False, (), (), 0.0)
        results.append(score_reply(item, reply, sources, error))
    bar.close()
    return SystemRun(system.name, results, system.ingest_ms)


class _IngestProgress:
    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.bar = None
        self.stage = ""

    def __call__(self, stage: str, done: int, total: int, label: str) -> None:
        if not self.enabled:
            return
        from tqdm import tqdm

        if stage != self.stage:
            self.close()
            self.stage = stage
            self.bar = tqdm(total=total, desc=f"ingest:{stage}", unit="", file=sys.stderr, leave=False)
        if self.bar is not None:
            self.bar.total = total
            self.bar.n = done
            self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build_systems(settings: Settings, progress: bool = True) -> tuple[list[System], Callable[[], None], dict[str, Any]]:
    """Ingest the corpus into a fresh temporary store and build the four systems on it.

    Returns the systems, a cleanup function and facts about the build.
    """
    from ..ingest.pipeline import ingest
    from ..retrieval.embeddings import Embedder
    from ..service import Assistant
    from .systems import AssistantSystem, BM25System, DenseSystem, NaiveLangChainSystem

    tmp = tempfile.TemporaryDirectory(prefix="assistant-eval-")
    try:
        eval_settings = settings.with_(store_dir=Path(tmp.name) / "store", chroma_url="")
        started = time.perf_counter()
        embedder = Embedder(eval_settings)
        embedder.warm_up()  # loading the model is not part of ingesting
        model_ms = (time.perf_counter() - started) * 1000.0

        bar = _IngestProgress(progress)
        started = time.perf_counter()
        report = ingest(eval_settings, progress=bar, embedder=embedder)
        ingest_ms = (time.perf_counter() - started) * 1000.0
        bar.close()
        if not report.ok or report.total_chunks == 0:
            failed = "; ".join(f"{p}: {why}" for p, why in report.failed) or "no chunks"
            raise EvaluationError(f"ingest of {eval_settings.corpus_dir} failed: {failed}")
        started = time.perf_counter()
        assistant = Assistant(eval_settings, embedder=embedder)
        assistant_ms = (time.perf_counter() - started) * 1000.0
        naive = NaiveLangChainSystem(assistant.knowledge.sources, assistant.knowledge.titles, assistant.embedder)
    except BaseException:
        tmp.cleanup()
        raise

    main = AssistantSystem(assistant, ingest_ms)

    def cleanup() -> None:
        main.close()
        naive.close()
        tmp.cleanup()

    systems: list[System] = [
        main,
        BM25System(assistant.retriever, ingest_ms),
        DenseSystem(assistant.retriever, ingest_ms),
        naive,
    ]
    facts = {
        "documents": len(assistant.knowledge.sources),
        "chunks": report.total_chunks,
        "naive_chunks": len(naive.documents),
        "model_load_ms": round(model_ms, 1),
        "stages_s": {
            "model load": model_ms / 1000.0,
            "ingest": ingest_ms / 1000.0,
            "assistant start": assistant_ms / 1000.0,
            "naive index": (naive.ingest_ms or 0.0) / 1000.0,
        },
        "model": settings.embedding_model,
        "sources": assistant.knowledge.sources,
        "indicator_names": sorted({r.indicator for r in assistant.knowledge.rows}),
    }
    return systems, cleanup, facts


def run_evaluation(settings: Settings, questions_path: Path, out_dir: Path, check: bool = False, progress: bool = True) -> int:
    """Run everything, write the reports; with ``check``, 1 when the assistant breaks a limit."""
    from ..runtime import apply_offline_defaults
    from .report import summary_table, write_reports

    started = time.perf_counter()
    cpu_started = time.process_time()
    items = load_questions(Path(questions_path))
    limits = load_limits(limits_path(Path(questions_path))) if check else None
    apply_offline_defaults(settings.hub_offline)
    _log(f"评测：{len(items)} 个问题，语料 {settings.corpus_dir}，临时知识库（每次重新导入）")
    systems, cleanup, facts = build_systems(settings, progress=progress)
    stages = dict(facts["stages_s"])
    runs = []
    try:
        for system in systems:
            system_started = time.perf_counter()
            runs.append(run_system(system, items, facts["sources"], progress=progress))
            stages[f"{system.name} questions"] = time.perf_counter() - system_started
    finally:
        cleanup()
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started

    data = {"systems": {run.name: run.metrics() for run in runs}}
    meta = {
        "questions": len(items),
        "questions_file": str(questions_path),
        "seconds": round(seconds, 1),
        "cpu_seconds": round(cpu_seconds, 1),
        "documents": facts["documents"],
        "chunks": facts["chunks"],
        "naive_chunks": facts["naive_chunks"],
        "model": facts["model"],
        "model_load_ms": facts["model_load_ms"],
        "stages_s": {k: round(v, 1) for k, v in stages.items()},
        "errors": {run.name: sum(1 for r in run.results if r.error) for run in runs},
    }
    write_reports(Path(out_dir), data, runs, meta, facts["indicator_names"])
    print(summary_table(data))
    print(f"\n{len(items)} 个问题，用时 {seconds:.1f} 秒（CPU {cpu_seconds:.1f} 秒）；报告：{Path(out_dir) / 'report.md'}")
    for name, n in meta["errors"].items():
        if n:
            _log(f"警告：{name} 有 {n} 个问题出错（计为拒答），详见 report.md")

    if limits is None:
        return 0
    broken = check_limits(data["systems"]["assistant"], limits)
    for line in broken:
        print(f"limit failed: {line}")
    if not broken:
        print("limits ok: " + ", ".join(f"{k} {v}" for k, v in limits.items()))
    return 1 if broken else 0


# -- limits --------------------------------------------------------------------------


def limits_path(questions_path: Path) -> Path:
    """eval/limits.json sits beside the question file."""
    return questions_path.parent / LIMITS_FILE


def load_limits(path: Path) -> dict[str, float]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EvaluationError(f"--check needs {path} (answer_accuracy, refusal_accuracy, false_refusal_rate)") from None
    except (OSError, ValueError) as exc:
        raise EvaluationError(f"cannot read {path}: {exc}") from None
    if not isinstance(raw, dict):
        raise EvaluationError(f"{path} must hold a JSON object")
    limits: dict[str, float] = {}
    for key, value in raw.items():
        if key not in LIMIT_KEYS:
            raise EvaluationError(f"{path}: unknown limit {key!r} (known: {', '.join(LIMIT_KEYS)})")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise EvaluationError(f"{path}: {key} must be a number in 0..1, got {value!r}")
        limits[key] = float(value)
    return limits


def check_limits(metrics: Mapping[str, Any], limits: Mapping[str, float]) -> list[str]:
    """Each broken limit as a readable line (empty: all kept)."""
    broken = []
    for key, bound in limits.items():
        value = metrics.get(key)
        if value is None:
            continue  # not applicable to this question set
        if LIMIT_KEYS[key] == "min" and value < bound:
            broken.append(f"{key} {value:.4f} < {bound:.4f}")
        elif LIMIT_KEYS[key] == "max" and value > bound:
            broken.append(f"{key} {value:.4f} > {bound:.4f}")
    return broken
