"""``build_app``: the Gradio Blocks of 浙江职教规划助手, and ``launch_app`` to serve it.

Layout: 问答 (chat, persona, examples, sources, context, staff drafts),
目标指标 (indicator table + charts), 文档库 (documents; admin upload/remove).
Exactly one event is part of the documented API: ``/ask``. Every other event
is ``api_visibility="private"``.

No ``from __future__ import annotations`` here on purpose: Gradio reads the
handlers' type hints at run time to inject ``gr.SelectData`` / ``gr.LikeData``.
"""

import os
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # before gradio is imported

import gradio as gr

from ..service import Assistant
from ..settings import Settings
from ..types import IndicatorRow
from . import charts as charts_mod
from .api import ask_json
from .conversation import Exchange, exchange_for_message, history_turns
from .exports import write_conversation, write_draft
from .feedback import FeedbackLog, rating_of
from .library import Library, check_password
from .messages import describe_error
from .passages import locate
from .personas import DEFAULT_PERSONA, persona, persona_names
from .render import (
    DOCUMENT_HEADERS,
    answer_markdown,
    citation_label,
    context_html,
    context_placeholder,
    error_markdown,
    escape_html,
    escape_markdown,
    sources_html,
    stream_pieces,
    user_markdown,
)

APP_TITLE = "浙江职教规划助手"
# Concurrent events per handler. Retrieval is CPU-bound and short, so a few
# workers keep several users responsive without oversubscribing two cores.
DEFAULT_CONCURRENCY = 8
STREAM_DELAY_S = 0.03  # between streamed pieces of an answer
MAX_UPLOAD = "25mb"

# System fonts only: Gradio's Google-font themes would fetch from the internet.
THEME_FONTS = ["Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "system-ui", "sans-serif"]
THEME_MONO = ["Noto Sans Mono CJK SC", "ui-monospace", "monospace"]

CSS = """
.zj-sources, .zj-context { font-size: 0.95rem; line-height: 1.6; }
.zj-source { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 8px 12px; margin: 6px 0; }
.zj-source-head { font-weight: 600; }
.zj-source-path { color: var(--body-text-color-subdued); font-size: 0.88rem; }
.zj-quote { margin: 6px 0 0 0; padding-left: 10px; border-left: 3px solid #2563eb; white-space: pre-wrap; }
.zj-kind { font-size: 0.8rem; color: var(--body-text-color-subdued); font-weight: 400; }
.zj-n { color: #2563eb; }
.zj-context-head { font-weight: 600; margin-bottom: 6px; }
.zj-context-body { white-space: pre-wrap; padding: 10px 12px; border-radius: 8px; background: var(--background-fill-secondary); }
.zj-context-body mark { background: #fde68a; color: inherit; padding: 0 1px; }
.zj-context-note, .zj-empty { color: var(--body-text-color-subdued); }
"""


def _theme() -> gr.themes.Base:
    """Gradio's default look with system fonts (CJK first), so no font is fetched."""
    return gr.themes.Default(font=THEME_FONTS, font_mono=THEME_MONO)


class _Charts:
    """Chart PNGs for the current indicator rows, redrawn only when the rows change."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="zj-assistant-charts-"))
        self._lock = threading.Lock()
        self._key: tuple | None = None
        self._slots: dict[str, charts_mod.Chart] = {}
        self._round = 0

    def slots(self, rows: list[IndicatorRow]) -> dict[str, charts_mod.Chart]:
        """Slot name → chart, for the slots that have rows."""
        key = tuple((r.unit, r.indicator, r.level, r.baseline_2020, r.target_2025) for r in rows)
        with self._lock:
            if key != self._key:
                self._round += 1  # new file names, so browsers never show a cached old chart
                drawn = charts_mod.render_charts(rows, self.folder / str(self._round))
                self._slots = {c.key: c for c in drawn}
                self._key = key
            return dict(self._slots)


def build_app(settings: Settings, assistant: Assistant | None = None) -> gr.Blocks:
    """The whole web app over ``assistant`` (opened from ``settings`` if not given)."""
    if assistant is None:
        assistant = Assistant(settings)
    ui = _Handlers(settings, assistant)
    private: dict[str, Any] = {"api_visibility": "private"}

    with gr.Blocks(title=APP_TITLE, analytics_enabled=False) as demo:
        exchanges = gr.State([])
        shown = gr.State(None)  # index of the exchange whose sources are on screen
        is_admin = gr.State(False)

        gr.Markdown(
            f"# {APP_TITLE}\n"
            "依据《浙江省职业教育“十四五”发展规划（2021—2025年）》回答问题，每条回答都附有可核对的原文出处。"
            "找不到依据时会直接说明，不会编造。",
            elem_id="zj-header",
        )
        with gr.Tabs(selected="chat") as tabs:
            # -- 问答 ------------------------------------------------------------------
            with gr.Tab("问答", id="chat"):
                with gr.Row():
                    with gr.Column(scale=3):
                        chatbot = gr.Chatbot(
                            label="对话",
                            elem_id="zj-chat",
                            height=520,
                            layout="bubble",
                            sanitize_html=True,
                            render_markdown=True,
                            allow_tags=False,
                            latex_delimiters=[],
                            buttons=[],
                            feedback_options=("Like", "Dislike"),
                            group_consecutive_messages=False,
                            placeholder="请选择身份后输入问题，或点击右侧的示例问题。",
                        )
                        with gr.Row():
                            question = gr.Textbox(
                                show_label=False,
                                placeholder="请输入问题，例如：中职毕业生升入高一级学校的比例目标是多少？",
                                lines=1,
                                max_lines=6,
                                scale=5,
                                elem_id="zj-question",
                            )
                            send = gr.Button("发送", variant="primary", scale=1, elem_id="zj-send")
                        with gr.Row():
                            new_chat = gr.Button("新对话", elem_id="zj-new", size="sm")
                            export = gr.DownloadButton("导出对话（.md）", value=None, elem_id="zj-export", size="sm")
                    with gr.Column(scale=2):
                        who = gr.Radio(persona_names(), value=DEFAULT_PERSONA, label="我是", elem_id="zj-persona")
                        hint = gr.Markdown(persona(DEFAULT_PERSONA).hint, elem_id="zj-persona-hint")
                        draft_on = gr.Checkbox(
                            label="起草答复（生成正式答复稿及引用条款）",
                            value=False,
                            visible=persona(DEFAULT_PERSONA).can_draft,
                            elem_id="zj-draft-mode",
                        )
                        examples = gr.Radio(
                            list(persona(DEFAULT_PERSONA).examples),
                            value=None,
                            label="示例问题（点击即可提问）",
                            elem_id="zj-examples",
                        )
                with gr.Column(visible=False, elem_id="zj-draft-box") as draft_box:
                    draft_text = gr.Textbox(
                        label="答复草稿（可复制）",
                        lines=12,
                        max_lines=30,
                        interactive=False,
                        buttons=["copy"],
                        elem_id="zj-draft",
                    )
                    with gr.Row():
                        draft_docx = gr.DownloadButton("下载 .docx", value=None, elem_id="zj-draft-docx", size="sm")
                        draft_md = gr.DownloadButton("下载 .md", value=None, elem_id="zj-draft-md", size="sm")
                gr.Markdown("### 来源")
                sources = gr.HTML(sources_html(None), js_on_load=None, elem_id="zj-sources")
                source_pick = gr.Radio([], value=None, label="打开来源（在原文上下文中查看，引用部分高亮）", elem_id="zj-source-pick")
                context = gr.HTML(context_placeholder(), js_on_load=None, elem_id="zj-context")

            # -- 目标指标 ----------------------------------------------------------------
            with gr.Tab("目标指标", id="indicators"):
                gr.Markdown("规划“发展目标”表中的全部指标。点击任意一行，即可在“问答”中询问该指标。差距 = 2025 年目标 − 2020 年基数。")
                table = gr.Dataframe(
                    value=ui.indicator_rows(),
                    headers=list(charts_mod.TABLE_HEADERS),
                    datatype="str",
                    type="array",
                    interactive=False,
                    wrap=True,
                    max_height=2000,
                    elem_id="zj-indicators",
                )
                gr.Markdown("#### 2020 年与 2025 年对比（每种单位单独一张图，不同单位不共用坐标轴）")
                initial = ui.chart_updates()
                chart_images = []
                for slot in initial:  # full width each: narrow columns would crop wide charts
                    chart_images.append(
                        gr.Image(
                            type="filepath",
                            interactive=False,
                            buttons=["download", "fullscreen"],
                            elem_classes=["zj-chart"],
                            **slot,
                        )
                    )

            # -- 文档库 ------------------------------------------------------------------
            with gr.Tab("文档库", id="library"):
                docs = gr.Dataframe(
                    value=ui.library.rows(),
                    headers=list(DOCUMENT_HEADERS),
                    datatype="str",
                    type="array",
                    interactive=False,
                    wrap=True,
                    elem_id="zj-docs",
                )
                if ui.library.admin_enabled:
                    gr.Markdown("上传或删除文档需要管理员登录。", elem_id="zj-admin-note")
                    with gr.Row():
                        password = gr.Textbox(label="管理员密码", type="password", scale=3, elem_id="zj-password")
                        login = gr.Button("登录", scale=1, elem_id="zj-login")
                else:
                    gr.Markdown(
                        "上传和删除文档仅限管理员：本服务未设置管理员密码（环境变量 `ASSISTANT_ADMIN_PASSWORD`），这些功能已停用。",
                        elem_id="zj-admin-note",
                    )
                with gr.Column(visible=False, elem_id="zj-admin") as admin_panel:
                    files = gr.File(
                        label="上传文档（PDF、TXT、DOCX、MD）",
                        file_count="multiple",
                        file_types=[".pdf", ".txt", ".docx", ".md"],
                        type="filepath",
                        elem_id="zj-upload",
                    )
                    replace = gr.Checkbox(label="替换同名文档", value=False, elem_id="zj-replace")
                    upload = gr.Button("上传并入库", variant="primary", elem_id="zj-upload-btn")
                    with gr.Row():
                        remove_pick = gr.Dropdown(
                            ui.library.choices(), value=None, label="删除文档", scale=3, elem_id="zj-remove-pick"
                        )
                        remove = gr.Button("删除", variant="stop", scale=1, elem_id="zj-remove-btn")
                admin_status = gr.Markdown("", elem_id="zj-admin-status")

        # -- the documented API: exactly one endpoint ---------------------------------
        with gr.Column(visible=False):
            api_question = gr.Textbox(label="question")
            api_history = gr.Textbox(value="[]", label="history_json")
            api_out = gr.JSON(label="answer")
            api_trigger = gr.Button("ask")
        api_trigger.click(
            ui.api_ask,
            [api_question, api_history],
            api_out,
            api_name="ask",
            api_description=(
                "回答一个问题，返回与 `assistant ask --json` 相同的对象："
                "question, answer, found, mode, warnings, closest, citations[n, kind, doc, section, page, quote, display]。"
                "history_json 为之前的对话：[[问, 答], …] 或之前返回的对象列表。输入有误时返回 {question, error: {code, message}}。"
            ),
        )

        # -- chat events ---------------------------------------------------------------
        chat_outputs = [
            chatbot, exchanges, question, sources, source_pick, context, shown,
            draft_box, draft_text, draft_docx, draft_md, export,
        ]  # fmt: skip
        chat_inputs = [question, exchanges, who, draft_on]
        send.click(ui.respond, chat_inputs, chat_outputs, **private)
        question.submit(ui.respond, chat_inputs, chat_outputs, **private)
        examples.input(ui.take_example, examples, [question, examples], **private).then(
            ui.respond, chat_inputs, chat_outputs, **private
        )
        new_chat.click(ui.new_conversation, None, chat_outputs, **private)
        who.change(ui.switch_persona, who, [hint, draft_on, examples], **private)
        source_pick.input(ui.open_source, [source_pick, exchanges, shown], context, **private)
        chatbot.select(ui.select_message, exchanges, [sources, source_pick, context, shown], **private)
        chatbot.like(ui.like, [exchanges], None, **private)
        table.select(ui.ask_indicator, None, [question, tabs], **private).then(
            ui.respond, chat_inputs, chat_outputs, **private
        )

        # -- library events --------------------------------------------------------------
        library_outputs = [admin_status, docs, remove_pick, table, *chart_images]
        if ui.library.admin_enabled:
            login_outputs = [is_admin, admin_panel, admin_status, password]
            login.click(ui.login, password, login_outputs, **private)
            password.submit(ui.login, password, login_outputs, **private)
            upload.click(ui.upload, [files, replace, is_admin], [*library_outputs, files], **private)
            remove.click(ui.remove, [remove_pick, is_admin], library_outputs, **private)
        demo.load(ui.refresh, None, [docs, remove_pick, table, *chart_images], **private)
    return demo


def launch_app(
    demo: gr.Blocks,
    settings: Settings,
    *,
    host: str | None = None,
    port: int | None = None,
    prevent_thread_lock: bool = False,
    quiet: bool = True,
    concurrency: int = DEFAULT_CONCURRENCY,
) -> str:
    """Serve ``demo`` on host:port (settings by default): queued, local-only assets, no share link.

    Returns the local URL. With ``prevent_thread_lock`` the server runs in the
    background (tests); otherwise this blocks until the server stops.
    """
    demo.queue(default_concurrency_limit=concurrency)
    _, url, _ = demo.launch(
        server_name=host or settings.host,
        server_port=port or settings.port,
        share=False,
        prevent_thread_lock=True,
        quiet=quiet,
        show_error=False,
        theme=_theme(),
        css=CSS,
        footer_links=["api"],
        ssr_mode=False,
        pwa=False,
        mcp_server=False,
        enable_monitoring=False,
        max_file_size=MAX_UPLOAD,
    )
    if not prevent_thread_lock:
        print(f"{APP_TITLE} 已启动：{url}", flush=True)
        demo.block_thread()
    return url


class _Handlers:
    """The event handlers, sharing one assistant, library, feedback log and chart cache."""

    def __init__(self, settings: Settings, assistant: Assistant):
        self.settings = settings
        self.assistant = assistant
        self.library = Library(settings, assistant)
        self.feedback = FeedbackLog(settings.feedback_path)
        self.charts = _Charts()

    # -- shared views ------------------------------------------------------------------

    def indicator_rows(self) -> list[list[str]]:
        """The indicator table rows (with 差距) for the current store."""
        return charts_mod.indicator_table(self.assistant.indicators())

    def chart_updates(self) -> list[dict[str, Any]]:
        """One ``value/label/visible`` dict per chart slot, in ``CHART_SLOTS`` order."""
        try:
            slots = self.charts.slots(self.assistant.indicators())
        except Exception as exc:  # a chart problem must not take the page down
            describe_error(exc)
            slots = {}
        out = []
        for key in charts_mod.CHART_SLOTS:
            chart = slots.get(key)
            if chart is None:
                out.append({"value": None, "label": f"单位：{key}", "visible": False})
            else:
                out.append({"value": str(chart.path), "label": chart.caption, "visible": True})
        return out

    def chart_values(self) -> list[Any]:
        """The chart slots as component updates."""
        return [gr.update(**u) for u in self.chart_updates()]

    def refresh(self) -> tuple:
        """Current documents and indicators (another session may have changed them)."""
        return (
            self.library.rows(),
            gr.update(choices=self.library.choices(), value=None),
            self.indicator_rows(),
            *self.chart_values(),
        )

    # -- API -----------------------------------------------------------------------------

    def api_ask(self, question: str, history_json: str = "[]") -> dict:
        """ask(question, history_json="[]") -> the `assistant ask --json` object."""
        return ask_json(self.assistant, question, history_json)

    # -- chat --------------------------------------------------------------------------

    @staticmethod
    def _messages(exchanges: list[Exchange]) -> list[dict[str, str]]:
        """Chat bubbles rebuilt from the session state (never from browser-sent HTML)."""
        out = []
        for e in exchanges:
            out.append({"role": "user", "content": user_markdown(e.question)})
            reply = answer_markdown(e.answer) if e.answer is not None else error_markdown(e.error)
            out.append({"role": "assistant", "content": reply})
        return out

    @staticmethod
    def _chat_out(**values: Any) -> tuple:
        """A full output tuple for the chat events; anything not given is left as it is."""
        order = (
            "chatbot", "exchanges", "question", "sources", "source_pick", "context", "shown",
            "draft_box", "draft_text", "draft_docx", "draft_md", "export",
        )  # fmt: skip
        unknown = set(values) - set(order)
        assert not unknown, unknown
        return tuple(values.get(name, gr.skip()) for name in order)

    def respond(self, question: str, exchanges: list[Exchange], who: str, draft_on: bool):
        """Ask, then stream the reply into the chat; finally fill sources, draft and export."""
        exchanges = list(exchanges or [])
        p = persona(who)
        mode = "draft" if (p.can_draft and draft_on) else "auto"
        text = question if isinstance(question, str) else ""
        if not text.strip():
            gr.Warning("问题是空的：请输入一个问题")
            yield self._chat_out()
            return
        before = self._messages(exchanges)
        user = {"role": "user", "content": user_markdown(text)}
        yield self._chat_out(chatbot=before + [user, {"role": "assistant", "content": "正在检索规划原文……"}], question="")
        try:
            answer = self.assistant.ask(text, history_turns(exchanges), mode=mode)
        except Exception as exc:
            exchanges.append(Exchange(text, None, describe_error(exc), p.name))
            yield self._chat_out(chatbot=self._messages(exchanges), exchanges=exchanges, export=self._export(exchanges))
            return
        reply = answer_markdown(answer)
        for piece in stream_pieces(reply)[:-1]:
            yield self._chat_out(chatbot=before + [user, {"role": "assistant", "content": piece + " ▍"}])
            time.sleep(STREAM_DELAY_S)
        exchanges.append(Exchange(text, answer, "", p.name))
        draft = answer.mode == "draft" and answer.found
        docx_path = md_path = None
        if draft:
            try:
                docx_path, md_path = write_draft(answer)
            except Exception as exc:
                gr.Warning(escape_html(describe_error(exc)))  # toasts render HTML
        yield self._chat_out(
            chatbot=self._messages(exchanges),
            exchanges=exchanges,
            sources=sources_html(answer),
            source_pick=gr.update(choices=self._source_choices(answer), value=None),
            context=context_placeholder(),
            shown=len(exchanges) - 1,
            draft_box=gr.update(visible=draft),
            draft_text=answer.answer if draft else "",
            draft_docx=str(docx_path) if docx_path else None,
            draft_md=str(md_path) if md_path else None,
            export=self._export(exchanges),
        )

    @staticmethod
    def _source_choices(answer) -> list[tuple[str, str]]:
        """(label, citation number) pairs for the "open a source" radio."""
        return [(citation_label(c), str(c.n)) for c in answer.citations]

    @staticmethod
    def _export(exchanges: list[Exchange]) -> str | None:
        """A fresh .md export of the conversation for the download button (None if empty)."""
        try:
            return str(write_conversation(exchanges)) if exchanges else None
        except Exception as exc:
            describe_error(exc)  # logged; the chat itself still works
            return None

    def new_conversation(self) -> tuple:
        """Clear the chat, its state and every panel that showed one of its answers."""
        return self._chat_out(
            chatbot=[],
            exchanges=[],
            question="",
            sources=sources_html(None),
            source_pick=gr.update(choices=[], value=None),
            context=context_placeholder(),
            shown=None,
            draft_box=gr.update(visible=False),
            draft_text="",
            draft_docx=None,
            draft_md=None,
            export=None,
        )

    @staticmethod
    def take_example(example: str | None) -> tuple:
        """Put the clicked example into the question box and unselect it (so it can be clicked again)."""
        return (example or "", None)

    @staticmethod
    def switch_persona(who: str) -> tuple:
        """Show the persona's hint and examples; only staff get the draft option."""
        p = persona(who)
        return (
            p.hint,
            gr.update(visible=p.can_draft, value=False),
            gr.update(choices=list(p.examples), value=None),
        )

    def open_source(self, n: str | None, exchanges: list[Exchange], shown: int | None) -> str:
        """The chosen citation of the shown answer, highlighted in its surrounding text."""
        try:
            if n is None or shown is None or not 0 <= shown < len(exchanges):
                return context_placeholder()
            answer = exchanges[shown].answer
            citation = next((c for c in (answer.citations if answer else ()) if str(c.n) == str(n)), None)
            if citation is None:
                return context_placeholder()
            found = locate(self.assistant, citation)
            return context_html(citation, found.context, found.note)
        except Exception as exc:
            return f'<div class="zj-context zj-empty">{escape_html(describe_error(exc))}</div>'

    def select_message(self, exchanges: list[Exchange], evt: gr.SelectData) -> tuple:
        """Clicking a message shows the sources of its answer."""
        index = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
        exchange = exchange_for_message(exchanges or [], int(index or 0))
        if exchange is None or exchange.answer is None:
            return (gr.skip(), gr.skip(), gr.skip(), gr.skip())
        i = list(exchanges).index(exchange)
        return (
            sources_html(exchange.answer),
            gr.update(choices=self._source_choices(exchange.answer), value=None),
            context_placeholder(),
            i,
        )

    def like(self, exchanges: list[Exchange], evt: gr.LikeData) -> None:
        """👍/👎 on an answer → one JSONL line in settings.feedback_path."""
        index = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
        exchange = exchange_for_message(exchanges or [], int(index or 0))
        if exchange is None:
            return
        try:
            self.feedback.record(exchange, rating_of(evt.liked), int(index or 0))
            gr.Info("已记录您的反馈，谢谢！")
        except Exception as exc:
            gr.Warning(escape_html(describe_error(exc)))  # toasts render HTML

    def ask_indicator(self, evt: gr.SelectData) -> tuple:
        """A selected table row becomes a chat question (the chat tab is shown)."""
        row = evt.row_value
        if not row or len(row) < 3:
            rows = self.indicator_rows()
            i = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
            row = rows[int(i)] if i is not None and 0 <= int(i) < len(rows) else None
        if not row:
            return (gr.skip(), gr.skip())
        return (charts_mod.question_for_row(row), gr.Tabs(selected="chat"))

    # -- library -------------------------------------------------------------------------

    def login(self, password: str) -> tuple:
        """Check the admin password (server side; the result lives in this session's state only)."""
        if check_password(self.settings, password):
            return (True, gr.update(visible=True), "✅ 已以管理员身份登录。", "")
        time.sleep(1.0)  # slow down guessing
        return (False, gr.update(visible=False), "⚠️ 密码不正确。", "")

    def _library_view(self, outcome_lines: list[str], ok: bool) -> tuple:
        """The status message plus fresh document list, remove choices, table and charts."""
        mark = "✅" if ok else "⚠️"
        status = "\n\n".join(f"{mark if i == 0 else '•'} {escape_markdown(line)}" for i, line in enumerate(outcome_lines))
        return (
            status,
            self.library.rows(),
            gr.update(choices=self.library.choices(), value=None),
            self.indicator_rows(),
            *self.chart_values(),
        )

    def upload(self, files: list[str] | None, replace: bool, is_admin: bool, progress=gr.Progress()) -> tuple:
        """Admin only: save the files under uploads/, ingest them with progress, reload, report."""
        if not is_admin:
            return (*self._library_view(["需要管理员登录才能上传文档"], False), gr.skip())
        try:
            paths = [Path(f) for f in (files or [])]
            outcome = self.library.upload(
                [(p, p.name) for p in paths], replace=bool(replace), report=lambda f, d: progress(f, desc=d)
            )
        except Exception as exc:
            return (*self._library_view([describe_error(exc)], False), gr.skip())
        return (*self._library_view(outcome.lines, outcome.ok), None)

    def remove(self, doc_id: str | None, is_admin: bool) -> tuple:
        """Admin only: remove one document, then reload."""
        if not is_admin:
            return self._library_view(["需要管理员登录才能删除文档"], False)
        try:
            outcome = self.library.remove(doc_id)
        except Exception as exc:
            return self._library_view([describe_error(exc)], False)
        return self._library_view(outcome.lines, outcome.ok)
