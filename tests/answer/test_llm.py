"""LLM mode against a local OpenAI-compatible server with scripted replies (the real client path)."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from assistant.service import Assistant


class ScriptedLLM:
    """Serves /v1/chat/completions; each request pops the next scripted reply."""

    def __init__(self):
        self.replies: list[tuple[int, str, float]] = []  # (status, content, delay)
        self.requests: list[dict] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                outer.requests.append(body)
                status, content, delay = outer.replies.pop(0) if outer.replies else (500, "", 0)
                time.sleep(delay)
                payload = {
                    "id": "x",
                    "object": "chat.completion",
                    "created": 0,
                    "model": body.get("model"),
                    "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                }
                data = json.dumps(payload).encode() if status == 200 else b'{"error": {"message": "boom"}}'
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()


@pytest.fixture(scope="module")
def llm():
    server = ScriptedLLM()
    yield server
    server.close()


@pytest.fixture(scope="module")
def llm_assistant(plan_settings, llm):
    settings = plan_settings.with_(llm_base_url=llm.url, llm_model="scripted", llm_timeout_s=2.0)
    return Assistant(settings)


QUESTION = "到2025年高职双师型教师比例要达到多少？"


def test_valid_markers_are_kept_and_clauses_sent(llm, llm_assistant):
    llm.replies.append((200, "到2025年，高职“双师型”教师比例目标为80%，比2020年提高8.3个百分点[1]。", 0))
    answer = llm_assistant.ask(QUESTION)
    assert answer.mode == "llm"
    assert answer.found
    assert "80%" in answer.answer and answer.answer.endswith("[1]。")
    assert answer.citations[0].kind == "indicator"
    assert answer.citations[0].display.endswith("高职 · 2020年 71.7 · 2025年 80")
    prompt = llm.requests[-1]["messages"][-1]["content"]
    assert "【条款】" in prompt and "[1]" in prompt and QUESTION in prompt
    assert llm.requests[-1]["model"] == "scripted"


def test_marker_to_no_clause_is_removed_and_uncited_sentence_flagged(llm, llm_assistant):
    llm.replies.append((200, "目标为80%[1][42]。各地都很重视这项工作。", 0))
    answer = llm_assistant.ask(QUESTION)
    assert answer.mode == "llm"
    assert "[42]" not in answer.answer
    assert any("[42]" in w for w in answer.warnings)
    assert any("没有有效引用" in w and "各地都很重视" in w for w in answer.warnings)


def test_invented_number_is_dropped(llm, llm_assistant):
    llm.replies.append((200, "目标为80%[1]。预计投入99亿元[1]。", 0))
    answer = llm_assistant.ask(QUESTION)
    assert "99" not in answer.answer
    assert "80%" in answer.answer
    assert any("数字" in w for w in answer.warnings)


@pytest.mark.parametrize("status,delay", [(500, 0.0), (200, 3.5)])
def test_endpoint_error_or_timeout_falls_back_to_extractive(llm, llm_assistant, status, delay):
    llm.replies.append((status, "目标为80%[1]。", delay))
    answer = llm_assistant.ask(QUESTION)
    assert answer.mode == "extractive"
    assert answer.found and "80%" in answer.answer
    assert any("已改用抽取式回答" in w for w in answer.warnings)


def test_unreachable_endpoint_falls_back(plan_settings):
    settings = plan_settings.with_(llm_base_url="http://127.0.0.1:9/v1", llm_model="none", llm_timeout_s=1.0)
    answer = Assistant(settings).ask(QUESTION)
    assert answer.mode == "extractive" and answer.found
    assert any("大模型接口出错" in w for w in answer.warnings)


def test_refusals_never_reach_the_llm(llm, llm_assistant):
    before = len(llm.requests)
    answer = llm_assistant.ask("2030年浙江职业教育的目标是什么？")
    assert not answer.found and answer.citations == ()
    assert len(llm.requests) == before


def test_the_users_own_figure_and_its_distance_are_supported(llm, llm_assistant):
    llm.replies.append((200, "贵校现在是76%，离2025年高职80%的目标还差4个百分点[1]。另有学校是60%[1]。", 0))
    answer = llm_assistant.ask("我们学校高职双师型教师比例现在76%，离2025年目标还差多少？")
    assert answer.mode == "llm"
    assert "还差4个百分点[1]" in answer.answer
    assert "60%" not in answer.answer  # a figure neither stated nor in the row
