"""Starting the app: settings from flags and environment, and ingesting an empty store first."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from assistant.ui.startup import open_assistant

ROOT = Path(__file__).resolve().parents[2]


def _app_module():
    spec = importlib.util.spec_from_file_location("zj_app_entry", ROOT / "app.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_host_and_port_from_defaults_environment_and_flags():
    app = _app_module()
    s = app.settings_from([], env={})
    assert (s.host, s.port) == ("127.0.0.1", 7860)
    s = app.settings_from([], env={"ASSISTANT_HOST": "0.0.0.0", "ASSISTANT_PORT": "8001"})
    assert (s.host, s.port) == ("0.0.0.0", 8001)
    s = app.settings_from(["--host", "127.0.0.2", "--port", "9002"], env={"ASSISTANT_PORT": "8001"})
    assert (s.host, s.port) == ("127.0.0.2", 9002)


def test_empty_store_is_filled_from_the_corpus_before_start(tmp_path):
    from assistant.settings import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "notice.md").write_text(
        "# 关于举办职业技能大赛的通知\n\n## 一、比赛时间\n\n职业技能大赛定于 2025 年 5 月在杭州举行，各职业院校组织学生报名参赛。\n",
        encoding="utf-8",
    )
    settings = Settings.from_env(env={}, store_dir=tmp_path / "store", corpus_dir=corpus)
    lines: list[str] = []
    assistant = open_assistant(settings, log=lines.append)
    assert [d["path"] for d in assistant.sources()["documents"]] == ["notice.md"]
    assert any("为空" in line for line in lines) and any("导入完成" in line for line in lines)
    answer = assistant.ask("职业技能大赛什么时候举行？")
    assert answer.found and "2025" in answer.answer
    # A second start finds the store filled and does not ingest again.
    lines.clear()
    open_assistant(settings, log=lines.append)
    assert lines == []
