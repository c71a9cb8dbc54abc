"""readers.py: decoding .txt/.md (UTF-8, BOM, GBK, GB18030), .pdf and .docx, and refusing bad files clearly."""

from __future__ import annotations

import hashlib
import os
import zipfile
from pathlib import Path

import pytest
from renderings import (
    PLAN_PDF,
    PLAN_TXT,
    make_encrypted_pdf,
    make_image_only_pdf,
    make_text_pdf,
)

from assistant.errors import DocumentError
from assistant.ingest.pipeline import parse_document
from assistant.ingest.readers import SUPPORTED_SUFFIXES, decode_text, read_source
from assistant.settings import Settings

SETTINGS = Settings.from_env(env={})
PLAN_TEXT = PLAN_TXT.read_text(encoding="utf-8")


def _parse(path: Path):
    return parse_document(path, "plan", path.name, SETTINGS)


def _signature(parsed):
    """Everything parsing yields that must not depend on the file's encoding."""
    return (
        parsed.document.text,
        parsed.document.title,
        parsed.document.blocks,
        parsed.sections,
        tuple((c.chunk_id, c.start, c.end, c.section) for c in parsed.chunks),
        tuple(r.to_json() | {"quote": r.quote} for r in parsed.indicators),
    )


@pytest.fixture(scope="module")
def utf8_signature():
    return _signature(_parse(PLAN_TXT))


# -- text encodings --------------------------------------------------------------


@pytest.mark.parametrize(
    "name, encode",
    [
        ("gbk", lambda t: t.encode("gbk")),
        ("gb18030", lambda t: t.encode("gb18030")),
        ("utf-8-bom", lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")),
        ("utf-16", lambda t: t.encode("utf-16")),  # with its BOM
        ("crlf", lambda t: t.replace("\n", "\r\n").encode("utf-8")),
    ],
)
def test_plan_reencoded_parses_identically(tmp_path, utf8_signature, name, encode):
    path = tmp_path / f"plan-{name}.txt"
    path.write_bytes(encode(PLAN_TEXT))
    parsed = _parse(path)
    assert _signature(parsed) == utf8_signature
    assert "中小學生" in parsed.document.text and "適切性" in parsed.document.text


def test_gbk_really_differs_from_utf8_bytes():
    # Guard: the GBK file is not accidentally valid UTF-8.
    with pytest.raises(UnicodeDecodeError):
        PLAN_TEXT.encode("gbk").decode("utf-8")


def test_markdown_is_read_as_text(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# 标题\n\n正文第一段。\n", encoding="utf-8")
    raw = read_source(path)
    assert raw.kind == "text" and not raw.paged
    assert raw.pages == ("# 标题\n\n正文第一段。\n",)


def test_form_feeds_split_text_pages(tmp_path):
    path = tmp_path / "paged.txt"
    path.write_text("第一页。\f第二页。", encoding="utf-8")
    assert read_source(path).pages == ("第一页。", "第二页。")


def test_raw_source_of_the_plan_txt():
    raw = read_source(PLAN_TXT)
    assert raw.kind == "text"
    assert raw.content_hash == hashlib.sha256(PLAN_TXT.read_bytes()).hexdigest()
    assert raw.pages == (PLAN_TEXT,)


def test_raw_source_of_the_plan_pdf():
    from pypdf import PdfReader

    raw = read_source(PLAN_PDF)
    assert raw.kind == "pdf" and raw.paged
    assert len(raw.pages) == 10 == len(PdfReader(str(PLAN_PDF)).pages)
    assert raw.content_hash == hashlib.sha256(PLAN_PDF.read_bytes()).hexdigest()
    assert raw.pages[0].startswith("浙江省职业教育“十四五”发展规划")


def test_pdf_with_empty_user_password_is_read(tmp_path):
    source = make_text_pdf(tmp_path / "a.pdf", [["第一页。"], ["第二页。"]])
    locked = make_encrypted_pdf(source, tmp_path / "owner-only.pdf", user_password="")
    assert [p.strip() for p in read_source(locked).pages] == ["第一页。", "第二页。"]


def test_docx_reads_paragraphs_and_table_rows_in_order(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("第一段。")
    table = document.add_table(rows=2, cols=3)
    for r, row in enumerate([["维度", "主要指标", "2025 年"], ["规模", "人数（万人）", "76"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph("第二段。")
    path = tmp_path / "a.docx"
    document.save(str(path))
    raw = read_source(path)
    assert raw.kind == "docx"
    assert raw.pages == ("第一段。\n\n维度\t主要指标\t2025 年\n\n规模\t人数（万人）\t76\n\n第二段。",)


# -- bad files: one DocumentError naming the file and the reason -------------------


def _bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """name → (file, words the reason must contain)."""
    files: dict[str, tuple[Path, str]] = {}

    def put(name: str, data: bytes, reason: str) -> None:
        path = tmp_path / name
        path.write_bytes(data)
        files[name] = (path, reason)

    put("empty.txt", b"", "empty")
    put("blank.md", b"  \n\n\t \n", "empty")
    put("table.csv", b"a,b\n1,2\n", "unsupported file type .csv")
    put("README", b"plain text without a suffix", "unsupported file type (none)")
    put("corrupt.pdf", os.urandom(3000), "corrupt or unreadable PDF")
    put("truncated.pdf", PLAN_PDF.read_bytes()[:5000], "corrupt or unreadable PDF")
    put("binary.txt", bytes(range(256)) * 20, "cannot decode")
    put("gbk-broken.txt", "浙江职业教育".encode("gbk") + b"\xff\xfe\xff" + "规划".encode("gbk"), "cannot decode")
    put("corrupt.docx", os.urandom(2000), "corrupt or unreadable DOCX")
    zip_path = tmp_path / "not-word.docx"
    with zipfile.ZipFile(zip_path, "w") as zf:
        zf.writestr("hello.txt", "not a word document")
    files["not-word.docx"] = (zip_path, "corrupt or unreadable DOCX")
    files["encrypted.pdf"] = (
        make_encrypted_pdf(make_text_pdf(tmp_path / "plain.pdf", [["机密内容。"]]), tmp_path / "encrypted.pdf"),
        "encrypted",
    )
    files["scan.pdf"] = (make_image_only_pdf(tmp_path / "scan.pdf"), "no text layer")
    files["missing.txt"] = (tmp_path / "missing.txt", "no such file")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    files["folder.txt"] = (folder, "is a directory")
    return files


BAD_NAMES = [
    "empty.txt", "blank.md", "table.csv", "README", "corrupt.pdf", "truncated.pdf", "binary.txt",
    "gbk-broken.txt", "corrupt.docx", "not-word.docx", "encrypted.pdf", "scan.pdf", "missing.txt", "folder.txt",
]


@pytest.mark.parametrize("name", BAD_NAMES)
def test_bad_file_gives_one_clear_error(tmp_path, name):
    path, reason = _bad_files(tmp_path)[name]
    with pytest.raises(DocumentError) as caught:
        read_source(path)
    err = caught.value
    assert err.path == str(path)
    assert reason in err.reason
    message = str(err)
    assert message.startswith(str(path) + ": ") and "\n" not in message
    assert "Traceback" not in message


def test_unsupported_reason_lists_what_is_supported(tmp_path):
    path = tmp_path / "slides.pptx"
    path.write_bytes(b"x")
    with pytest.raises(DocumentError) as caught:
        read_source(path)
    for suffix in SUPPORTED_SUFFIXES:
        assert suffix in caught.value.reason


def test_undecodable_text_names_the_bad_byte(tmp_path):
    data = "职业教育".encode() + b"\xff\xfe\xfa" * 3
    with pytest.raises(DocumentError) as caught:
        decode_text(data, tmp_path / "x.txt")
    assert "0xff" in caught.value.reason and "offset 12" in caught.value.reason


def test_upper_case_suffix_is_supported(tmp_path):
    path = tmp_path / "PLAN.TXT"
    path.write_bytes(PLAN_TXT.read_bytes())
    assert read_source(path).kind == "text"
