"""Benchmark: start-up, warm latency per question (no answer cache exists: every question is computed), a 60-question batch, peak memory.

Usage: python scripts/bench.py [--store DIR] [--rounds N]
Questions are written here for the benchmark (not taken from eval/questions.jsonl).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUESTIONS = [
    "职教本科在校生2025年要达到多少？",
    "中职双师型教师比例目标是多少？",
    "那高职呢？",
    "专栏4要建多少个产业学院？",
    "职高毕业能读大专吗？",
    "退役军人上高职有什么政策？",
    "教材建设有哪些任务？",
    "丝路学院2025年要有多少所？",
    "杭州职业技术学院学费多少？",
    "2030年的目标是什么？",
    "老年教育有什么安排？",
    "五年制试点在哪里开展？",
]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", type=Path, default=Path("vectorstore"))
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()

    from assistant.runtime import apply_offline_defaults

    apply_offline_defaults()
    from assistant.service import Assistant
    from assistant.settings import Settings
    from assistant.types import Turn

    settings = Settings.from_env(store_dir=args.store)
    started = time.perf_counter()
    assistant = Assistant(settings)
    startup_s = time.perf_counter() - started

    times: list[float] = []
    history: list[Turn] = []
    for _ in range(args.rounds):
        for q in QUESTIONS:
            t = time.perf_counter()
            answer = assistant.ask(q, history[-1:])
            times.append((time.perf_counter() - t) * 1000)
            history = [Turn(q, answer.answer, answer.citations)]
    times.sort()
    p50 = statistics.median(times)
    p95 = times[int(len(times) * 0.95) - 1]

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for i in range(60):
            fh.write(json.dumps({"id": i, "question": QUESTIONS[i % len(QUESTIONS)]}, ensure_ascii=False) + "\n")
        batch = fh.name
    t = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "ask", "--json", "--batch", batch, "--store", str(args.store)],
        capture_output=True, text=True,
    )
    batch_s = time.perf_counter() - t
    lines = len(out.stdout.splitlines())
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"start-up (load store, models, caches): {startup_s:.2f} s")
    print(f"warm latency over {len(times)} questions: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    print(f"batch of 60 in a new process (start-up included): {batch_s:.2f} s, {lines} JSON lines, exit {out.returncode}")
    print(f"peak RSS: this process {peak_mb:.0f} MB, batch process {child_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
