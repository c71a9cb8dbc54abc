"""The web app in a real Chromium: chat, sources, highlight, indicators, drafts, escaping, admin upload.

Every page may only reach loopback (see the ``page`` fixture), which also
proves the app loads with no internet: no external fonts, scripts or CDNs.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

QUESTION = "中职双师型教师比例目标是多少？"
TIMEOUT_MS = 45_000


# -- helpers ---------------------------------------------------------------------------


def open_app(page, url: str) -> None:
    page.goto(url, wait_until="load")
    page.wait_for_selector("#zj-question textarea", timeout=TIMEOUT_MS)


def bots(page):
    return page.locator("#zj-chat [data-testid=bot]")


def wait_for_reply(page, n: int) -> str:
    """Wait until the n-th assistant message is complete (not streaming); return its text."""
    page.wait_for_function(
        """(n) => {
            const bots = document.querySelectorAll('#zj-chat [data-testid=bot]');
            if (bots.length < n) return false;
            const t = bots[n - 1].innerText;
            return !t.includes('▍') && !t.includes('正在检索');
        }""",
        arg=n,
        timeout=TIMEOUT_MS,
    )
    return bots(page).nth(n - 1).inner_text()


def ask(page, question: str) -> str:
    n = bots(page).count() + 1
    page.fill("#zj-question textarea", question)
    page.click("#zj-send")
    return wait_for_reply(page, n)


def api_ask(url: str, question: str, history: list | None = None) -> dict:
    from gradio_client import Client

    return Client(url, verbose=False).predict(
        question=question, history_json=json.dumps(history or [], ensure_ascii=False), api_name="/ask"
    )


def open_source(page, i: int, n: int) -> str:
    """Open the i-th source (citation [n]) of the shown answer; return the highlighted text."""
    page.locator("#zj-source-pick label").nth(i).click()
    page.wait_for_function(
        """(n) => {
            const head = document.querySelector('#zj-context .zj-context-head .zj-n');
            return head && head.textContent === `[${n}]` && document.querySelector('#zj-context mark');
        }""",
        arg=n,
        timeout=TIMEOUT_MS,
    )
    marks = page.locator("#zj-context mark")
    assert marks.count() == 1
    return marks.first.evaluate("m => m.textContent")


def tab(page, name: str) -> None:
    page.get_by_role("tab", name=name).click()


def no_injection(page) -> dict:
    return page.evaluate(
        """() => ({
            xss: window.__xss === undefined ? null : window.__xss,
            scripts: document.querySelectorAll('#zj-chat script, #zj-sources script, #zj-context script, #zj-docs script').length,
            imgs: document.querySelectorAll('img[src="x"], img[onerror]').length,
            jsLinks: document.querySelectorAll('a[href^="javascript"]').length,
            chatLinks: document.querySelectorAll('#zj-chat a').length,
        })"""
    )


# -- the chat ------------------------------------------------------------------------------


def test_chat_answer_with_sources_and_highlighted_clause(page, ui_url, ui_settings, artifacts):
    open_app(page, ui_url)
    reply = ask(page, QUESTION)
    assert "[1]" in reply and "来源" in reply
    expected = api_ask(ui_url, QUESTION)
    assert expected["citations"]
    cards = page.locator("#zj-sources .zj-source")
    assert cards.count() == len(expected["citations"])
    for card, c in zip(cards.all(), expected["citations"]):
        text = card.inner_text()
        assert c["doc"] in text and c["section"][-1] in text and c["quote"] in text
        if c["page"]:
            assert f"第{c['page']}页" in text
    # Each source opens in its surrounding text with exactly the quote highlighted.
    for i, c in enumerate(expected["citations"]):
        assert open_source(page, i, c["n"]) == c["quote"]
        assert len(page.locator("#zj-context").inner_text()) > len(c["quote"])  # shown in context
    page.screenshot(path=str(artifacts / "app.png"), full_page=True)

    # A follow-up uses the conversation.
    follow = ask(page, "那高职呢？")
    assert "高职" in follow and "80" in follow

    # 👍 on the first answer lands in the feedback file.
    bots(page).first.hover()
    page.locator("#zj-chat button[aria-label=\"赞\"]").first.click()  # "Like" in the zh-CN locale
    path = Path(ui_settings.feedback_path)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not path.exists():
        time.sleep(0.2)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert records[-1]["rating"] == "up" and records[-1]["question"] == QUESTION
    assert records[-1]["citations"][0]["quote"] == expected["citations"][0]["quote"]

    # The conversation exports as Markdown with its sources.
    with page.expect_download() as download:
        page.click("#zj-export")
    exported = Path(download.value.path()).read_text(encoding="utf-8")
    assert QUESTION in exported and "那高职呢？" in exported
    # Each line of a quote (an indicator's block has one per level) is its own blockquote line.
    assert all(f"> {line}" in exported for line in expected["citations"][0]["quote"].split("\n"))

    # A new conversation starts empty.
    page.click("#zj-new")
    page.wait_for_function("() => document.querySelectorAll('#zj-chat [data-testid=bot]').length === 0", timeout=TIMEOUT_MS)
    assert "提问后" in page.locator("#zj-sources").inner_text()


def test_staff_persona_drafts_a_reply_with_downloads(page, ui_url, artifacts):
    open_app(page, ui_url)
    assert not page.locator("#zj-draft-mode").is_visible()  # 学校管理者: no drafts
    page.locator("#zj-persona label", has_text="工作人员").click()
    page.wait_for_selector("#zj-draft-mode", state="visible", timeout=TIMEOUT_MS)
    page.locator("#zj-draft-mode input[type=checkbox]").check()
    first_example = page.locator("#zj-examples label").first
    example = first_example.inner_text().strip()
    first_example.click()  # an example asks at once
    reply = wait_for_reply(page, 1)
    assert reply.startswith("关于") and "引用条款" in reply
    page.wait_for_selector("#zj-draft-box", state="visible", timeout=TIMEOUT_MS)
    draft = page.locator("#zj-draft textarea").input_value()
    assert draft.startswith("关于") and "引用条款：" in draft
    assert page.locator("#zj-draft button[aria-label*=opy], #zj-draft button[title*=opy]").count() >= 1
    page.screenshot(path=str(artifacts / "draft.png"), full_page=True)

    with page.expect_download() as download:
        page.click("#zj-draft-docx")
    from docx import Document

    paragraphs = [p.text for p in Document(download.value.path()).paragraphs]
    assert paragraphs[0] == draft.split("\n", 1)[0] and "引用条款" in paragraphs
    with page.expect_download() as download:
        page.click("#zj-draft-md")
    md = Path(download.value.path()).read_text(encoding="utf-8")
    assert md.startswith("# 关于") and "## 引用条款" in md
    assert example  # the example text was a real question


def test_indicator_table_charts_and_row_question(page, ui_url, artifacts):
    open_app(page, ui_url)
    tab(page, "目标指标")
    rows = page.locator("#zj-indicators [role=row]:has([role=gridcell])")  # a virtual table: div rows
    rows.first.wait_for(timeout=TIMEOUT_MS)
    assert rows.count() == 22
    headers = page.locator("#zj-indicators [role=columnheader]").all_inner_texts()
    assert [h.strip() for h in headers] == ["维度", "指标", "层次", "2020", "2025", "差距", "单位"]
    charts = page.locator(".zj-chart img")
    assert charts.count() == 4  # %, 万人, 元, 所/个
    assert all(img.evaluate("i => i.complete && i.naturalWidth > 0") for img in charts.all())
    page.screenshot(path=str(artifacts / "indicators.png"), full_page=True)

    row = rows.filter(has_text="毕业生专升本比例")
    row.locator("[role=gridcell]").nth(1).click()
    reply = wait_for_reply(page, 1)  # the chat tab opens with the question asked
    assert page.get_by_role("tab", name="问答").get_attribute("aria-selected") == "true"
    assert "专升本" in reply and "25" in reply


def test_html_in_questions_is_shown_escaped(page, ui_url):
    open_app(page, ui_url)
    hostile = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2"> [点我](javascript:window.__xss=3) 中职双师型教师比例目标是多少？'
    ask(page, hostile)
    user = page.locator("#zj-chat [data-testid=user]").first.inner_text()
    assert "<script>window.__xss=1</script>" in user and "[点我](javascript:" in user
    assert no_injection(page) == {"xss": None, "scripts": 0, "imgs": 0, "jsLinks": 0, "chatLinks": 0}

    # Empty input: a warning, nothing sent.
    page.fill("#zj-question textarea", "   ")
    page.click("#zj-send")
    page.get_by_text("问题是空的").first.wait_for(timeout=TIMEOUT_MS)
    assert bots(page).count() == 1

    # Very long input: the QuestionError message in the chat, no traceback.
    reply = ask(page, "职" * 2000)
    assert "问题太长" in reply and "Traceback" not in page.content()
    assert "共 2000 字" in page.locator("#zj-chat [data-testid=user]").last.inner_text()


def test_library_is_read_only_without_admin_password(page, ui_url):
    open_app(page, ui_url)
    tab(page, "文档库")
    docs = page.locator("#zj-docs")
    docs.locator("[role=gridcell]", has_text="浙江省职业教育").first.wait_for(timeout=TIMEOUT_MS)
    assert "未设置管理员密码" in page.locator("#zj-admin-note").inner_text()
    assert page.locator("#zj-password").count() == 0
    assert not page.locator("#zj-upload").is_visible()


# -- administrator: upload and remove (the app as a subprocess, on a copy of the store) ----------


UPLOAD_TEXT = """<i>龙泉青瓷</i>技艺传承实训基地建设方案

一、<u>建设目标</u>

到 2025 年，建成 3 个<b>龙泉青瓷</b>技艺传承实训基地，培养 200 名青瓷技艺传承人。<script>window.__xss=9</script>

二、保障措施

由丽水市职业院校牵头，联合龙泉青瓷企业共建实训基地，实行“大师+学徒”培养模式。
"""


def test_admin_uploads_a_document_and_removes_it(page, admin_app, tmp_path, artifacts):
    upload = tmp_path / "青瓷 方案<测试>.txt"
    upload.write_text(UPLOAD_TEXT, encoding="utf-8")
    open_app(page, admin_app.url)
    tab(page, "文档库")
    assert not page.locator("#zj-upload").is_visible()  # hidden until logged in
    page.fill("#zj-password input", "wrong")
    page.click("#zj-login")
    page.get_by_text("密码不正确").wait_for(timeout=TIMEOUT_MS)
    page.fill("#zj-password input", admin_app.password)
    page.click("#zj-login")
    page.wait_for_selector("#zj-upload", state="visible", timeout=TIMEOUT_MS)

    page.locator("#zj-upload input[type=file]").set_input_files(str(upload))
    page.wait_for_timeout(500)  # let the browser finish sending the file
    page.click("#zj-upload-btn")
    page.get_by_text("已添加").wait_for(timeout=90_000)
    docs = page.locator("#zj-docs")
    docs.locator("[role=gridcell]", has_text="龙泉青瓷").first.wait_for(timeout=TIMEOUT_MS)
    assert "<i>龙泉青瓷</i>" in docs.inner_text()  # the title is shown as text
    saved = list((admin_app.corpus / "uploads").iterdir())
    # Saved under uploads/ with a sanitized name (Gradio may already have cleaned it a little).
    assert len(saved) == 1 and re.fullmatch(r"青瓷_方案_?测试\.txt", saved[0].name), saved
    page.screenshot(path=str(artifacts / "library.png"), full_page=True)

    # A file that cannot be read: a readable failure in the page, nothing left behind.
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really a pdf")
    page.locator("#zj-upload input[type=file]").set_input_files(str(broken))
    page.wait_for_timeout(500)
    page.click("#zj-upload-btn")
    status = page.locator("#zj-admin-status")
    # (the progress overlay also names the file, so wait for the final message itself)
    status.get_by_text("失败：broken.pdf", exact=False).first.wait_for(timeout=90_000)
    assert "Traceback" not in page.content()
    assert sorted(p.name for p in (admin_app.corpus / "uploads").iterdir()) == [saved[0].name]

    # The new document answers questions, and its source opens highlighted and escaped.
    tab(page, "问答")
    question = "龙泉青瓷技艺传承实训基地要建设几个？"
    reply = ask(page, question)
    expected = api_ask(admin_app.url, question)
    assert expected["found"] and "[1]" in reply
    ours = [i for i, c in enumerate(expected["citations"]) if "青瓷" in c["doc"]]
    assert ours, expected
    assert open_source(page, ours[0], expected["citations"][ours[0]]["n"]) == expected["citations"][ours[0]]["quote"]
    assert no_injection(page)["scripts"] == 0 and no_injection(page)["xss"] is None
    # Headings and titles from the document are text everywhere they appear (labels included).
    assert "<u>建设目标</u>" in page.locator("#zj-source-pick").inner_text()
    assert page.locator("#zj-source-pick u, #zj-sources u, #zj-context u, #zj-chat u").count() == 0

    # Remove it again: gone from the table, the store and the uploads folder.
    tab(page, "文档库")
    page.locator("#zj-remove-pick input").click()
    option = page.get_by_role("option", name="龙泉青瓷", exact=False).first
    assert "<i>龙泉青瓷</i>" in option.inner_text() and page.locator("[role=option] i").count() == 0
    option.click()
    page.click("#zj-remove-btn")
    page.get_by_text("已删除", exact=False).first.wait_for(timeout=TIMEOUT_MS)
    page.wait_for_function(
        "() => !document.querySelector('#zj-docs').innerText.includes('龙泉青瓷')", timeout=TIMEOUT_MS
    )
    assert not any((admin_app.corpus / "uploads").iterdir())
    assert not api_ask(admin_app.url, question)["found"] or all(
        "青瓷" not in c["doc"] for c in api_ask(admin_app.url, question)["citations"]
    )
