"""Every output format is really produced, with headings and tables; timings of a half-year."""

import io
import re
import time
import zipfile
import zlib

import pytest

from mishu.reports.rendering import build_report

BODY = """壹、108 年下半年重要業務執行成果

一、事務管理及研考業務

(一)推動節約能源措施

1.節電部分：本期總用電量 {{ value E_KWH }} 度，與 107 年同期 {{ value E_KWH period=prev }} 度相比，{{ change E_KWH unit=度 approx }}。

2.各機關陳情案件

{{ table PET title="陳情案件" }}

缺漏：{{ value EMPTY }}
"""


@pytest.fixture
def report(figures, template):
    template(BODY)
    return "108H2"


def test_html(report):
    html = build_report(report, "html").decode()
    assert "<h1" in html and "壹、108 年下半年重要業務執行成果</h1>" in html
    assert re.search(r"<h2[^>]*>一、事務管理及研考業務</h2>", html)
    assert re.search(r"<h3[^>]*>\(一\)推動節約能源措施</h3>", html)
    assert re.search(r"<h4[^>]*>2.各機關陳情案件</h4>", html)
    assert "<table" in html and "<caption>表 1　陳情案件</caption>" in html
    assert "減少 14 萬 4,000 度，約減少 1.23%" in html
    assert '<span class="missing-mark">【缺：EMPTY】</span>' in html
    assert 'class="missing"' in html


def test_odt(report):
    data = build_report(report, "odt")
    with zipfile.ZipFile(io.BytesIO(data)) as odt:
        content = odt.read("content.xml").decode()
        styles = odt.read("styles.xml").decode()
    assert "<text:h" in content and "<table:table " in content
    assert "壹、108 年下半年重要業務執行成果" in content
    assert "Noto Sans CJK TC" in styles


def test_docx(report):
    data = build_report(report, "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as docx:
        document = docx.read("word/document.xml").decode()
        styles = docx.read("word/styles.xml").decode()
    assert "<w:tbl>" in document
    assert 'w:val="Heading1"' in document and 'w:val="Heading3"' in document
    assert 'w:eastAsia="Noto Sans CJK TC"' in styles


def test_pdf_embeds_a_cjk_font(report):
    data = build_report(report, "pdf")
    assert data.startswith(b"%PDF")
    text = pdf_objects(data)
    assert b"/FontFile" in text
    assert re.search(rb"/BaseFont\s*/[A-Z]{6}\+Noto-?Sans-?CJK-?TC", text)


def pdf_objects(data: bytes) -> bytes:
    """The PDF with its compressed (object) streams inflated, to search fonts without pypdf."""
    out = [data]
    for m in re.finditer(rb"stream\r?\n", data):
        chunk = data[m.end() : m.end() + 2_000_000]
        try:
            out.append(zlib.decompressobj().decompress(chunk))
        except zlib.error:
            continue
    return b"\n".join(out)


def test_half_year_build_timings(report, capsys):
    timings = {}
    for fmt in ("html", "odt", "docx", "pdf"):
        start = time.perf_counter()
        build_report(report, fmt)
        timings[fmt] = time.perf_counter() - start
    with capsys.disabled():
        print("\nbuild_report 108H2 seconds:", {k: round(v, 2) for k, v in timings.items()})
    assert all(v < 30 for v in timings.values())


def test_raw_html_in_a_template_is_shown_as_text(figures, template):
    template("注意 <script>alert(1)</script> 與 <b>粗體</b>")
    html = build_report("108H2", "html").decode()
    assert "<script>alert" not in html and "&lt;script&gt;" in html
