"""The `assistant` command: a thin layer that turns argv into calls and errors into messages."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Sequence

from .errors import AssistantError
from .runtime import apply_offline_defaults


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        from .settings import Settings

        settings = Settings.from_env(store_dir=args.store)
        apply_offline_defaults(settings.hub_offline)
        return args.handler(args, settings)
    except AssistantError as exc:
        _fail(exc, json_mode=getattr(args, "json", False))
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("已中断（知识库保持上一次完整提交的状态）", file=sys.stderr)
        return 130


def _fail(exc: AssistantError, json_mode: bool) -> None:
    if json_mode:
        print(json.dumps({"error": {"code": exc.code, "message": str(exc)}}, ensure_ascii=False))
    print(f"错误：{exc}", file=sys.stderr)


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--store", type=Path, default=None, help="store folder (default: vectorstore/ or $ASSISTANT_STORE)")
    parser = argparse.ArgumentParser(prog="assistant", description="浙江职教规划助手: ingest documents and answer questions with citations")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("ingest", parents=[common], help="sync the store with corpus/, or add/replace given files")
    p.add_argument("paths", nargs="*", type=Path, help="files or folders to add/replace (default: sync all of corpus/)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(handler=cmd_ingest)

    p = sub.add_parser("remove", parents=[common], help="remove one document from the store")
    p.add_argument("doc_id")
    p.set_defaults(handler=cmd_remove)

    p = sub.add_parser("sources", parents=[common], help="documents, 专栏 and indicator rows in the store")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_sources)

    p = sub.add_parser("ask", parents=[common], help="answer a question with citations")
    p.add_argument("question", nargs="?", help="the question")
    p.add_argument("--json", action="store_true", help="print one JSON object per answer")
    p.add_argument("--history-json", default=None, help='earlier turns: [["问","答"], …] or answer objects')
    p.add_argument("--batch", type=Path, default=None, help='JSONL file of {"question", "history", "id"}')
    p.add_argument("--draft", action="store_true", help="a formal reply draft (关于…的答复) with its clauses")
    p.add_argument("--extractive", action="store_true", help="never call the LLM even if one is configured")
    p.set_defaults(handler=cmd_ask)

    p = sub.add_parser("eval", parents=[common], help="run the evaluation against baselines")
    p.add_argument("--out", type=Path, default=Path("eval"), help="folder for report.md, report.json and the chart")
    p.add_argument("--questions", type=Path, default=Path("eval/questions.jsonl"))
    p.add_argument("--check", action="store_true", help="fail when the assistant falls below eval/limits.json")
    p.set_defaults(handler=cmd_eval)
    return parser


# -- ingest ---------------------------------------------------------------------


def cmd_ingest(args: argparse.Namespace, settings) -> int:
    from .ingest.pipeline import ingest

    progress = _Progress()
    report = ingest(settings, paths=list(args.paths) or None, progress=progress, embedder=None)
    progress.close()
    for path, reason in report.failed:
        print(f"失败：{path}: {reason}", file=sys.stderr)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        rebuilt = "（设置已变化，已重建）" if report.rebuilt else ""
        print(
            f"完成{rebuilt}：新增 {len(report.added)}，更新 {len(report.replaced)}，未变 {len(report.unchanged)}，"
            f"删除 {len(report.removed)}，失败 {len(report.failed)}；写入 {report.chunks} 个分块，"
            f"库中共 {report.total_chunks} 个分块；用时 {report.seconds:.1f} 秒"
        )
    return 0 if report.ok else 1


class _Progress:
    """A tqdm bar per stage on stderr."""

    def __init__(self) -> None:
        self.bar = None
        self.stage = ""

    def __call__(self, stage: str, done: int, total: int, label: str) -> None:
        from tqdm import tqdm

        if stage != self.stage:
            self.close()
            self.stage = stage
            names = {"read": "读取文档", "embed": "计算向量", "sentence-vectors": "句子向量"}
            self.bar = tqdm(
                total=total, desc=names.get(stage, stage), unit="个", file=sys.stderr, leave=False,
                disable=not sys.stderr.isatty(),  # no \r noise between the failure lines in logs
            )
        if self.bar is not None:
            self.bar.total = total
            self.bar.n = done
            self.bar.set_postfix_str(label[:30])
            self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def cmd_remove(args: argparse.Namespace, settings) -> int:
    from .ingest.pipeline import remove_document

    title = remove_document(settings, args.doc_id)
    print(f"已删除：{args.doc_id}（{title}）")
    return 0


# -- sources --------------------------------------------------------------------


def cmd_sources(args: argparse.Namespace, settings) -> int:
    from .catalog import load_catalog
    from .service import sources_of

    data = sources_of(load_catalog(Path(settings.store_dir)))
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
        return 0
    if not data["documents"]:
        print(f"知识库 {settings.store_dir} 为空：请先运行 `assistant ingest`")
        return 0
    print("文档：")
    for d in data["documents"]:
        pages = f"{d['pages']} 页" if d["pages"] else "-"
        print(f"  {d['doc_id']}  {d['doc']}  [{d['path']}]  {d['chunks']} 个分块  {pages}")
    print(f"\n专栏（{len(data['columns'])}）：")
    for c in data["columns"]:
        print(f"  专栏 {c['n']}：{c['title']}")
    print(f"\n发展目标指标（{len(data['indicators'])}）：")
    print(f"  {'维度':<6}{'主要指标':<40}{'层次':<4}{'2020':>8}{'2025':>8}  单位")
    for r in data["indicators"]:
        print(f"  {r['dimension']:<6}{r['indicator']:<40}{r['level'] or '':<4}{r['baseline_2020']:>8}{r['target_2025']:>8}  {r['unit']}")
    return 0


# -- ask ------------------------------------------------------------------------


def cmd_ask(args: argparse.Namespace, settings) -> int:
    from .answer.context import parse_history
    from .errors import QuestionError
    from .service import Assistant

    mode = "draft" if args.draft else ("extractive" if args.extractive else "auto")
    if args.batch is None and args.question is None:
        raise QuestionError("请给出问题，例如：assistant ask \"中职双师型教师比例目标是多少？\"")
    history_raw: Any = []
    if args.history_json:
        try:
            history_raw = json.loads(args.history_json)
        except ValueError as exc:
            raise QuestionError(f"--history-json is not valid JSON: {exc}") from None
    assistant = Assistant(settings)
    if args.batch is not None:
        return _ask_batch(assistant, args.batch, mode)
    answer = assistant.ask(args.question, parse_history(history_raw), mode=mode)
    if args.json:
        print(json.dumps(answer.to_json(), ensure_ascii=False))
    else:
        print(render_answer(answer))
    return 0


def _ask_batch(assistant, path: Path, mode: str) -> int:
    from .answer.context import parse_history

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        from .errors import QuestionError

        raise QuestionError(f"cannot read batch file {path}: {exc}") from None
    failed = False
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        item: Any = None
        try:
            item = json.loads(line)
            if not isinstance(item, dict) or "question" not in item:
                raise ValueError('each line must be an object with a "question"')
            answer = assistant.ask(item["question"], parse_history(item.get("history") or []), mode=mode)
            out = answer.to_json()
        except (ValueError, AssistantError) as exc:
            failed = True
            code = exc.code if isinstance(exc, AssistantError) else "bad_line"
            question = item.get("question") if isinstance(item, dict) else None
            out = {"question": question if isinstance(question, str) else None, "error": {"code": code, "message": f"line {number}: {exc}"}}
        if isinstance(item, dict) and "id" in item:
            out = {"id": item["id"], **out}
        print(json.dumps(out, ensure_ascii=False), flush=True)
    return 1 if failed else 0


def render_answer(answer) -> str:
    lines = [answer.answer, ""]
    if answer.citations:
        lines.append("来源：")
        for c in answer.citations:
            section = " > ".join(c.section) if c.section else c.doc
            page = f"，第{c.page}页" if c.page else ""
            lines.append(f"[{c.n}] {section}{page}")
            lines.append(f"    “{c.quote}”")
    if answer.warnings:
        lines.append("提示：" + "；".join(answer.warnings))
    return "\n".join(lines)


# -- eval -----------------------------------------------------------------------


def cmd_eval(args: argparse.Namespace, settings) -> int:
    from .evaluation.harness import run_evaluation

    return run_evaluation(settings, args.questions, args.out, check=args.check)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
