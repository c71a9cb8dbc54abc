"""Fixtures for the web app tests: a served app in-process, one as a subprocess, a browser.

- ``ui_url``: ``build_app`` over the session ``assistant`` (plan store), served
  in this process on a free port. No admin password: read-only.
- ``admin_app``: ``python app.py`` as a subprocess over a *copy* of the plan
  store (uploads must not change the shared store), with an admin password,
  started early so its start-up overlaps the other tests.
- ``browser``: Debian's chromium driven by Playwright. Missing chromium is a
  failure with the install command, never a skip.
"""

from __future__ import annotations

import os
import queue
import shutil
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
ADMIN_PASSWORD = "test-admin-密码"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


# -- the in-process app ------------------------------------------------------------


@pytest.fixture(scope="session")
def ui_settings(plan_settings, tmp_path_factory):
    """The plan store's settings, with feedback written to a temp file (never the repo)."""
    tmp = tmp_path_factory.mktemp("ui")
    return plan_settings.with_(feedback_path=tmp / "feedback.jsonl", admin_password="")


@pytest.fixture(scope="session")
def ui_url(ui_settings, assistant) -> Iterator[str]:
    from assistant.ui.app import build_app, launch_app

    demo = build_app(ui_settings, assistant)
    url = launch_app(demo, ui_settings, host="127.0.0.1", port=free_port(), prevent_thread_lock=True)
    yield url
    demo.close()


# -- the subprocess app (administrator) ----------------------------------------------


@dataclass
class AdminApp:
    url: str
    settings_env: dict[str, str]
    corpus: Path
    store: Path
    log: list[str]
    password: str = ADMIN_PASSWORD


def _pump(stream, lines: "queue.Queue[str]", log: list[str]) -> None:
    for line in iter(stream.readline, ""):
        log.append(line.rstrip("\n"))
        lines.put(line)
    stream.close()


@pytest.fixture(scope="session")
def _admin_process(plan_settings, plan_corpus, tmp_path_factory):
    """Start ``python app.py`` on a copy of the plan store (returns at once; see ``admin_app``)."""
    tmp = tmp_path_factory.mktemp("admin")
    store, corpus = tmp / "store", tmp / "corpus"
    shutil.copytree(plan_settings.store_dir, store)
    shutil.copytree(plan_corpus, corpus)
    port = free_port()
    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "GRADIO_ANALYTICS_ENABLED": "False",
        "PYTHONUNBUFFERED": "1",
        "ASSISTANT_STORE": str(store),
        "ASSISTANT_CORPUS": str(corpus),
        "ASSISTANT_ADMIN_PASSWORD": ADMIN_PASSWORD,
        "ASSISTANT_FEEDBACK_PATH": str(tmp / "feedback.jsonl"),
        "ASSISTANT_PORT": str(port),  # the environment sets the port; --host is tested as a flag
    }
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "app.py"), "--host", "127.0.0.1"],
        cwd=tmp,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: "queue.Queue[str]" = queue.Queue()
    log: list[str] = []
    threading.Thread(target=_pump, args=(proc.stdout, lines, log), daemon=True).start()
    yield proc, lines, log, port, env, corpus, store
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="session")
def admin_app(_admin_process) -> AdminApp:
    """Wait until the subprocess app prints its address."""
    proc, lines, log, port, env, corpus, store = _admin_process
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail("app.py exited during start-up:\n" + "\n".join(log))
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            continue
        if "已启动：" in line:
            url = line.split("已启动：", 1)[1].strip()
            assert url == f"http://127.0.0.1:{port}/", url
            return AdminApp(url, env, corpus, store, log)
    pytest.fail("app.py did not print its address within 180 s:\n" + "\n".join(log))


@pytest.fixture(scope="session", autouse=True)
def _start_admin_early(request):
    """Begin the subprocess start-up before the first UI test, so it overlaps them."""
    if any("browser" in item.keywords for item in request.session.items):
        request.getfixturevalue("_admin_process")


# -- the browser -----------------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = shutil.which("chromium")
    if not path:
        pytest.fail("chromium is not installed: run `apt-get install -y chromium fonts-noto-cjk` (CI installs it)")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    """A fresh page that may only talk to loopback; anything else is recorded and aborted."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    external: list[str] = []

    def guard(route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "http://localhost", "data:", "blob:")):
            route.continue_()
        else:
            external.append(url)
            route.abort()

    context.route("**/*", guard)
    pg = context.new_page()
    pg.external_requests = external  # type: ignore[attr-defined]
    yield pg
    context.close()
    assert not external, f"the page tried to fetch from outside: {external}"
