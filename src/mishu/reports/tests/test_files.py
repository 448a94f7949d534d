"""The files a council office can send: A4, the running header, page numbers, a cover, a table
of contents, numbered table captions, left-aligned body text, and the choice of a 楷書 face."""

import re
import shutil
import subprocess
import zipfile
from io import BytesIO

import pytest

from mishu.reports.rendering import build

from .test_outputs import BODY

HEADER = "臺北市政府秘書處工作報告"


@pytest.fixture
def report(figures, template):
    import datetime

    from mishu.core.testing import division
    from mishu.council.models import Session, Term

    # the session at which the report is given: the first regular session after the period
    confidential = division("confidential")
    term = Term.objects.create(
        division=confidential,
        number=13,
        starts_on=datetime.date(2018, 12, 25),
        ends_on=datetime.date(2022, 12, 24),
    )
    Session.objects.create(
        division=confidential,
        term=term,
        number=4,
        starts_on=datetime.date(2020, 3, 3),
        ends_on=datetime.date(2020, 6, 30),
    )
    template(BODY)
    return "108H2"


def _member(content: bytes, name: str) -> str:
    return zipfile.ZipFile(BytesIO(content)).read(name).decode("utf-8")


def test_odt_is_a4_with_header_footer_cover_and_contents(report):
    content = build(report, "odt").content
    styles, body = _member(content, "styles.xml"), _member(content, "content.xml")
    assert 'fo:page-width="21cm"' in styles and 'fo:page-height="29.7cm"' in styles
    assert 'fo:page-width="8.5in"' not in styles
    header = re.search(r"<style:header>(.*?)</style:header>", styles, re.S).group(1)
    footer = re.search(r"<style:footer>(.*?)</style:footer>", styles, re.S).group(1)
    assert HEADER in header and "<text:page-number" in footer and "第" in footer
    assert "<text:table-of-content" in body and "目錄" in body
    # the contents are filled in (not only when LibreOffice updates the index), linked to
    # the headings, on a page of their own between the cover and the body
    index = re.search(r"<text:index-body>(.*?)</text:index-body>", body, re.S).group(1)
    headings = re.findall(r'<text:h [^>]*text:outline-level="[12]">(.*?)</text:h>', body, re.S)
    assert headings and [re.sub(r"<[^>]+>", "", h) for h in headings] == [
        re.sub(r"<[^>]+>", "", e) for e in re.findall(r'"Contents_20_[12]">(.*?)</text:p>', index)
    ]
    assert 'xlink:href="#' in index
    assert body.count('fo:break-before="page"') == 2  # contents title; the body's first heading
    assert body.index("</text:table-of-content>") < body.index('style-name="MishuBodyStart"')
    assert f'<text:p text:style-name="Title">{HEADER}' in body
    text = re.sub(r"<[^>]+>", "", body)
    assert "臺北市議會第 13 屆第 4 次定期大會" in text and "表 1　陳情案件" in text
    text_body = re.search(r'style:display-name="Text body".*?/>', styles, re.S).group(0)
    assert 'fo:text-align="start"' in text_body


def test_docx_is_a4_with_header_footer_cover_and_contents(report):
    content = build(report, "docx").content
    document = _member(content, "word/document.xml")
    section = document[document.rindex("<w:sectPr") :]
    assert re.search(r'<w:pgSz w:h="16838" w:w="11906"', section) or (
        'w:w="11906"' in section and 'w:h="16838"' in section
    )
    assert "headerReference" in section and "footerReference" in section
    assert HEADER in _member(content, "word/header1.xml")
    assert "PAGE" in _member(content, "word/footer1.xml")
    assert 'TOC \\o "1-2"' in document.replace("&quot;", '"')
    assert '<w:pStyle w:val="Title" />' in document or 'w:val="Title"' in document
    text = re.sub(r"<[^>]+>", "", document)
    assert "臺北市議會第 13 屆第 4 次定期大會" in text and "表 1　陳情案件" in text
    assert "pageBreakBefore" in _member(content, "word/styles.xml")
    assert '<w:updateFields w:val="true"/>' in _member(content, "word/settings.xml")


def test_html_has_cover_contents_captions_and_no_justified_text(report):
    html = build(report, "html").content.decode()
    assert '<section class="cover">' in html and "臺北市議會第 13 屆第 4 次定期大會" in html
    assert '<nav class="toc"' in html and "目錄" in html
    assert re.search(
        r'<nav class="toc".*?href="#[^"]+">壹、108 年下半年重要業務執行成果', html, re.S
    )
    assert "<caption>表 1　陳情案件</caption>" in html
    assert "justify" not in html
    assert "size: A4" in html and "@top-center" in html and 'counter(page) " 頁"' in html


@pytest.mark.skipif(not shutil.which("pdfinfo"), reason="poppler-utils not installed")
def test_pdf_is_a4_with_header_and_page_numbers(report, tmp_path):
    target = tmp_path / "r.pdf"
    target.write_bytes(build(report, "pdf").content)
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True).stdout
    assert "(A4)" in info
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True
    ).stdout
    pages = [page.replace(" ", "") for page in text.split("\f")]
    assert HEADER in pages[1] and "第2頁" in pages[1]
    assert pages[0].count(HEADER) == 1 and "第1頁" not in pages[0]  # the cover: title only
    assert "目錄" in pages[1] and "壹、108年下半年重要業務執行成果" in pages[2]


def test_kai_face_is_chosen_per_build(report):
    kai = build(report, "docx", font="kai").content
    assert "AR PL UKai TW" in _member(kai, "word/styles.xml")
    assert "AR PL UKai TW" not in _member(build(report, "docx").content, "word/styles.xml")
    assert "AR PL UKai TW" in _member(build(report, "odt", font="kai").content, "styles.xml")
    assert '"AR PL UKai TW"' in build(report, "html", font="kai").content.decode()


@pytest.mark.skipif(not shutil.which("pdffonts"), reason="poppler-utils not installed")
def test_kai_face_is_embedded_in_the_pdf(report, tmp_path):
    target = tmp_path / "kai.pdf"
    target.write_bytes(build(report, "pdf", font="kai").content)
    fonts = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True).stdout
    assert "AR-PL-UKai-TW" in fonts


def test_unknown_face_is_refused_in_chinese(report):
    from mishu.reports.rendering import ReportError

    with pytest.raises(ReportError, match="不支援的字型「comic」"):
        build(report, "pdf", font="comic")


def test_download_with_kai_and_the_command_flag(report, client_for, make_user, tmp_path):
    from django.core.management import call_command

    client = client_for(make_user("media", ["clerk"]))
    response = client.get("/reports/periods/108H2/report.docx?font=kai")
    assert response.status_code == 200
    assert "AR PL UKai TW" in _member(response.content, "word/styles.xml")
    bad = client.get("/reports/periods/108H2/report.docx?font=comic", follow=True)
    assert "不支援的字型" in bad.content.decode()
    target = tmp_path / "r.odt"
    call_command("report", "108H2", "--format", "odt", "--font", "kai", "--output", str(target))
    assert "AR PL UKai TW" in _member(target.read_bytes(), "styles.xml")
