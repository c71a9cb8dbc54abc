"""The documented ``/ask`` endpoint, through ``gradio_client`` against the served app."""

from __future__ import annotations

import json
import statistics
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

QUESTION = "中职双师型教师比例目标是多少？"


@pytest.fixture(scope="module")
def client(ui_url):
    from gradio_client import Client

    return Client(ui_url, verbose=False)


def test_only_ask_is_documented(client):
    info = client.view_api(return_format="dict", print_info=False)
    assert list(info["named_endpoints"]) == ["/ask"]
    assert info["unnamed_endpoints"] == {}
    params = [p["parameter_name"] for p in info["named_endpoints"]["/ask"]["parameters"]]
    assert params == ["question", "history_json"]
    assert info["named_endpoints"]["/ask"]["returns"][0]["component"] == "Json"


def test_ask_returns_the_cli_object_with_verbatim_quotes(client, assistant):
    result = client.predict(question=QUESTION, history_json="[]", api_name="/ask")
    assert set(result) == {"question", "answer", "found", "mode", "warnings", "closest", "citations"}
    assert result["found"] is True and result["citations"]
    assert result == assistant.ask(QUESTION).to_json()  # the same object as `assistant ask --json`
    sources = assistant.knowledge.sources
    for c in result["citations"]:
        assert f"[{c['n']}]" in result["answer"]
        assert any(c["quote"] in text for text in sources.values()), c["quote"]
    assert any("89" in c["quote"] for c in result["citations"])


def test_follow_up_uses_history_json(client):
    first = client.predict(question=QUESTION, api_name="/ask")
    follow = client.predict(question="那高职呢？", history_json=json.dumps([first], ensure_ascii=False), api_name="/ask")
    assert follow["found"] is True
    assert "高职" in follow["answer"] and "80" in follow["answer"]
    pairs = client.predict(question="那高职呢？", history_json=json.dumps([[QUESTION, first["answer"]]]), api_name="/ask")
    assert "80" in pairs["answer"]


@pytest.mark.parametrize(
    "question, history, code",
    [
        ("", "[]", "bad_question"),
        ("   ", "[]", "bad_question"),
        ("职" * 5000, "[]", "bad_question"),
        ("中职双师型教师比例？", "{not json", "bad_question"),
        ("中职双师型教师比例？", '{"a": 1}', "bad_question"),
    ],
)
def test_bad_input_returns_an_error_object(client, question, history, code):
    result = client.predict(question=question, history_json=history, api_name="/ask")
    assert result["question"] == question
    assert result["error"]["code"] == code and result["error"]["message"]
    assert "Traceback" not in result["error"]["message"]


def test_twenty_concurrent_asks_match_sequential_answers(client, ui_url):
    from gradio_client import Client

    questions = [
        QUESTION,
        "高职毕业生专升本比例目标是多少？",
        "专栏 5 讲了什么？",
        "生均仪器设备值是多少",
        "规划要建设多少个产业学院？",
    ] * 4
    expected = {q: client.predict(question=q, api_name="/ask") for q in set(questions)}

    def timed(q: str):
        c = Client(ui_url, verbose=False)  # one client per "user"
        t0 = time.perf_counter()
        out = c.predict(question=q, api_name="/ask")
        return q, out, time.perf_counter() - t0

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(timed, questions))
    assert len(results) == 20
    for q, out, _ in results:
        assert out == expected[q], q
    latencies = sorted(t for _, _, t in results)
    p50 = statistics.median(latencies)
    p95 = latencies[min(len(latencies) - 1, round(0.95 * len(latencies)) - 1)]
    print(f"\n/ask × 20 concurrent: p50 {p50:.2f} s, p95 {p95:.2f} s, max {latencies[-1]:.2f} s")
