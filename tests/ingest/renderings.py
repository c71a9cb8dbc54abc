"""Renderings of the plan for the ingest tests, and small PDFs made to order.

Besides the two fixtures (real .txt extraction output and the PDF), the plan
is rendered here two more ways so the golden results are checked against
layouts the parser has never been tuned on:

* ``libreoffice``: LibreOffice converts the .txt (tab-separated table rows,
  page breaks where Writer puts them);
* ``docx``: a Word file made with python-docx, the table with merged cells;
* ``reportlab``: a typeset version with indented paragraphs, a running header
  that repeats the title, page numbers in the footer, and the indicator table
  as a ruled grid with spanned dimension cells and wrapped indicator names
  (pypdf reads such a table one cell per line).

A missing generator fails the test with what to install (CI installs both).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from plan_golden import INDICATORS, TABLE_TITLE

ROOT = Path(__file__).resolve().parents[2]
PLAN_TXT = ROOT / "tests" / "fixtures" / "zhejiang-vocational-education-plan-2021-2025.txt"
PLAN_PDF = ROOT / "tests" / "fixtures" / "zhejiang-vocational-education-plan-2021-2025.pdf"

RENDERINGS = ("txt", "pdf", "libreoffice", "reportlab", "docx")
WQY_FONT_PATHS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
)


def render_libreoffice(txt: Path, out_dir: Path) -> Path:
    """The .txt converted to PDF by LibreOffice Writer (headless)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.fail(
            "LibreOffice is needed to render the plan as PDF: "
            "apt-get install -y libreoffice-writer-nogui fonts-noto-cjk",
            pytrace=False,
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    src = out_dir / "plan-lo.txt"
    shutil.copy(txt, src)
    profile = out_dir / "lo-profile"
    cmd = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--infilter=Text (encoded):UTF8,LF,,,",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out_dir),
        str(src),
    ]
    env = {**os.environ, "HOME": str(out_dir)}
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180, env=env)
    pdf = out_dir / "plan-lo.pdf"
    if proc.returncode != 0 or not pdf.exists():
        pytest.fail(f"LibreOffice failed to convert the plan ({proc.returncode}): {proc.stderr[-2000:]}", pytrace=False)
    return pdf


def _wqy_font() -> str:
    for path in WQY_FONT_PATHS:
        if Path(path).exists():
            return path
    if shutil.which("fc-match"):
        found = subprocess.run(
            ["fc-match", "-f", "%{file}", "WenQuanYi Micro Hei"], capture_output=True, text=True
        ).stdout.strip()
        if "wqy" in found.lower() and Path(found).exists():
            return found
    pytest.fail(
        "the WenQuanYi Micro Hei font is needed to typeset the plan: apt-get install -y fonts-wqy-microhei",
        pytrace=False,
    )


def render_reportlab(txt: Path, out: Path, header: str = "浙江省职业教育“十四五”发展规划") -> Path:
    """The plan typeset with reportlab: see the module docstring."""
    try:
        from reportlab.lib import colors
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.lib.units import cm
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
    except ImportError:
        pytest.fail("reportlab is needed to typeset the plan: pip install reportlab", pytrace=False)
    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", _wqy_font(), subfontIndex=0))

    body = ParagraphStyle("body", fontName="WQY", fontSize=10.5, leading=17, firstLineIndent=21, wordWrap="CJK")
    heading = ParagraphStyle("heading", parent=body, fontSize=12, leading=20, firstLineIndent=0, spaceBefore=6, spaceAfter=3)
    title = ParagraphStyle("title", parent=body, fontSize=16, leading=26, firstLineIndent=0, alignment=1)
    cell = ParagraphStyle("cell", fontName="WQY", fontSize=8.5, leading=11, wordWrap="CJK")

    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", txt.read_text(encoding="utf-8")) if p.strip()]
    story = []
    in_table = False
    for index, para in enumerate(paragraphs):
        if para == TABLE_TITLE:
            in_table = True
            story.append(Paragraph(escape(para), heading))
            story.append(_indicator_table(Table, TableStyle, Paragraph, colors, cm, cell))
            continue
        if in_table:
            if para.startswith("注："):
                in_table = False
                story.append(Paragraph(escape(para), body))
            continue
        if index < 2:
            style = title
        elif len(para) <= 40 and re.match(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)][^。]*$|专栏)", para):
            style = heading
        else:
            style = body
        story.append(Paragraph(escape(para), style))

    def furniture(canvas, doc):
        canvas.saveState()
        canvas.setFont("WQY", 9)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 1.3 * cm, header)
        canvas.drawCentredString(A4[0] / 2, 1.2 * cm, f"— {doc.page} —")
        canvas.restoreState()

    out.parent.mkdir(parents=True, exist_ok=True)
    SimpleDocTemplate(
        str(out), pagesize=A4, leftMargin=2.5 * cm, rightMargin=2.5 * cm, topMargin=2.2 * cm, bottomMargin=2.2 * cm,
        title="plan",
    ).build(story, onFirstPage=furniture, onLaterPages=furniture)
    return out


def _indicator_table(Table, TableStyle, Paragraph, colors, cm, cell):
    """A ruled grid: dimension and indicator cells span their rows; long names wrap."""
    rows = [["维度", "主要指标", "", "2020 年", "2025 年"]]
    spans = []
    group_start = {}
    for i, (dimension, indicator, level, base, target, _unit) in enumerate(INDICATORS, start=1):
        prev = INDICATORS[i - 2] if i > 1 else None
        first_of_dimension = prev is None or prev[0] != dimension
        first_of_indicator = prev is None or prev[1] != indicator or prev[0] != dimension
        rows.append(
            [
                dimension if first_of_dimension else "",
                Paragraph(escape(indicator), cell) if first_of_indicator else "",
                level or "",
                base,
                target,
            ]
        )
        for col, first, key in ((0, first_of_dimension, ("d", dimension)), (1, first_of_indicator, ("i", dimension, indicator))):
            if first:
                group_start[key] = i
            else:
                spans.append((col, group_start[key], i))
    style = [
        ("FONT", (0, 0), (-1, -1), "WQY", 8.5),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    merged: dict[tuple[int, int], int] = {}
    for col, start, end in spans:
        merged[(col, start)] = max(merged.get((col, start), start), end)
    style += [("SPAN", (col, start), (col, end)) for (col, start), end in merged.items()]
    return Table(rows, colWidths=[1.8 * cm, 7.4 * cm, 1.2 * cm, 1.8 * cm, 1.8 * cm], repeatRows=1, style=TableStyle(style))


def render_docx(txt: Path, out: Path) -> Path:
    """The plan as a Word document: one paragraph per paragraph, the table as a real table."""
    import docx

    document = docx.Document()
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", txt.read_text(encoding="utf-8")) if p.strip()]
    in_table = False
    for para in paragraphs:
        if para == TABLE_TITLE:
            in_table = True
            document.add_paragraph(para)
            table = document.add_table(rows=1 + len(INDICATORS), cols=5)
            for col, text in enumerate(["维度", "主要指标", "", "2020 年", "2025 年"]):
                table.cell(0, col).text = text
            for i, (dimension, indicator, level, base, target, _unit) in enumerate(INDICATORS, start=1):
                prev = INDICATORS[i - 2] if i > 1 else None
                if prev is not None and prev[0] == dimension:
                    table.cell(i - 1, 0).merge(table.cell(i, 0))
                else:
                    table.cell(i, 0).text = dimension
                if prev is not None and prev[:2] == (dimension, indicator):
                    table.cell(i - 1, 1).merge(table.cell(i, 1))
                else:
                    table.cell(i, 1).text = indicator
                for col, text in ((2, level or ""), (3, base), (4, target)):
                    table.cell(i, col).text = text
            continue
        if in_table:
            if para.startswith("注："):
                in_table = False
                document.add_paragraph(para)
            continue
        document.add_paragraph(para)
    out.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(out))
    return out


def _reportlab_canvas():
    try:
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.pdfgen.canvas import Canvas
    except ImportError:
        pytest.fail("reportlab is needed to make test PDFs: pip install reportlab", pytrace=False)
    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", _wqy_font(), subfontIndex=0))
    return Canvas, A4


def make_text_pdf(out: Path, pages: list[list[str]]) -> Path:
    """A PDF with these lines of text on each page (one line per string)."""
    Canvas, A4 = _reportlab_canvas()
    canvas = Canvas(str(out), pagesize=A4)
    for lines in pages:
        canvas.setFont("WQY", 11)
        y = A4[1] - 72
        for line in lines:
            canvas.drawString(72, y, line)
            y -= 18
        canvas.showPage()
    canvas.save()
    return out


def make_image_only_pdf(out: Path) -> Path:
    """A PDF whose only page holds a drawn rectangle and no text (like a scan)."""
    Canvas, A4 = _reportlab_canvas()
    canvas = Canvas(str(out), pagesize=A4)
    canvas.setFillGray(0.5)
    canvas.rect(72, 400, 300, 200, fill=1)
    canvas.showPage()
    canvas.save()
    return out


def make_encrypted_pdf(source: Path, out: Path, user_password: str = "secret") -> Path:
    """``source`` encrypted with pypdf (RC4, no extra crypto library needed)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(str(source)).pages:
        writer.add_page(page)
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    with open(out, "wb") as fh:
        writer.write(fh)
    return out
