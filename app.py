"""浙江职教规划助手 — the web app.

    python app.py [--host 127.0.0.1] [--port 7860] [--store vectorstore]

Host and port also come from ASSISTANT_HOST / ASSISTANT_PORT (flags win). If
the store is empty, the documents in corpus/ are ingested first. Everything is
local: no share link, no analytics, no fonts or scripts from the internet.
The app itself is built by ``assistant.ui.app.build_app`` (re-exported here).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Sequence

from assistant.runtime import apply_offline_defaults

apply_offline_defaults()  # before gradio, torch or chromadb are imported

from assistant.errors import AssistantError  # noqa: E402
from assistant.settings import Settings  # noqa: E402

if TYPE_CHECKING:
    import gradio as gr

    from assistant.service import Assistant


def build_app(settings: Settings, assistant: Assistant | None = None) -> gr.Blocks:
    """See ``assistant.ui.app.build_app`` (imported lazily: gradio is heavy)."""
    from assistant.ui.app import build_app as _build

    return _build(settings, assistant)


def settings_from(argv: Sequence[str] | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Settings from ASSISTANT_* variables, then the command-line flags."""
    args = parse_args(argv)
    return Settings.from_env(env, host=args.host, port=args.port, store_dir=args.store)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line: --host, --port, --store."""
    parser = argparse.ArgumentParser(description="浙江职教规划助手：网页版")
    parser.add_argument("--host", default=None, help="address to listen on (default 127.0.0.1 or $ASSISTANT_HOST)")
    parser.add_argument("--port", type=int, default=None, help="port (default 7860 or $ASSISTANT_PORT)")
    parser.add_argument("--store", type=Path, default=None, help="store folder (default vectorstore/ or $ASSISTANT_STORE)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Open (or first fill) the store, build the app, serve it until stopped; returns the exit code."""
    try:
        settings = settings_from(argv)
        from assistant.ui.app import launch_app
        from assistant.ui.startup import open_assistant

        assistant = open_assistant(settings)
        launch_app(build_app(settings, assistant), settings)
    except AssistantError as exc:
        from assistant.ui.messages import describe_error

        print(f"错误：{describe_error(exc)}", file=sys.stderr)
        return 1
    except OSError as exc:  # typically: the port is taken
        print(f"错误：无法启动网页服务（{exc}）：请用 --port 或 ASSISTANT_PORT 换一个端口", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
