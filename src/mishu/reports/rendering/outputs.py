"""Markdown to the four report formats: HTML and, through pandoc, ODT and DOCX; PDF by WeasyPrint.

pandoc (shipped by ``pypandoc-binary``) gives real headings and tables in every format; ODT and
DOCX take their page (A4, running header, page numbers) and styles from the reference documents
under ``reports/reference/`` (made by ``make_reference.py``); the PDF is the HTML printed with
an @page stylesheet (A4, header, 「第 N 頁」), fonts embedded. Every format opens with a cover
(title, council term and session, date) and a table of contents. The body face is Noto Sans
CJK TC, or the 楷書 face AR PL UKai TW (``font="kai"``).
"""

import re
import tempfile
from dataclasses import dataclass
from html import escape
from pathlib import Path

import pypandoc

from . import packages
from .markdown import PANDOC_FORMAT

REFERENCE = Path(__file__).resolve().parent.parent / "reference"
MISSING_RE = re.compile(r"【缺：[^】<]*】")
FORMATS = ("html", "odt", "docx", "pdf")
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "odt": "application/vnd.oasis.opendocument.text",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}

RUNNING_HEADER = "臺北市政府秘書處工作報告"
FONTS = {
    "sans": ('"Noto Sans CJK TC", "Noto Sans TC", sans-serif', ""),
    "kai": ('"AR PL UKai TW", "AR PL UKai", "Noto Serif CJK TC", serif', "-kai"),
}


@dataclass(frozen=True)
class Cover:
    """What the cover page says: the title, the council session it is for, the date."""

    title: str = RUNNING_HEADER
    session: str = ""
    date: str = ""
    period: str = ""


def font_family(font: str) -> str:
    if font not in FONTS:
        raise OutputError(f"不支援的字型「{font}」（可用：{'、'.join(FONTS)}）")
    return FONTS[font][0]


STYLESHEET = """
@page { size: A4; margin: 2.5cm 2.2cm;
  @top-center { content: "%(header)s"; font-size: 9pt; color: #444; }
  @bottom-center { content: "第 " counter(page) " 頁"; font-size: 9pt; } }
@page cover { @top-center { content: none; } @bottom-center { content: none; } }
html { font-family: %(family)s; font-size: 12pt; line-height: 1.7; }
body { max-width: 48em; margin: 0 auto; }
h1 { font-size: 1.5em; } h2 { font-size: 1.3em; } h3 { font-size: 1.15em; } h4 { font-size: 1.05em; }
h1, h2, h3, h4 { page-break-after: avoid; break-after: avoid; }
p { text-align: start; margin: 0.4em 0; }
section.cover { page: cover; text-align: center; padding-top: 30%%; break-after: page; }
section.cover .title { font-size: 2em; font-weight: bold; margin-bottom: 1.5em; }
section.cover p { text-align: center; font-size: 1.3em; }
nav.toc { break-after: page; }
nav.toc ol { list-style: none; padding-left: 0; } nav.toc ol ol { padding-left: 1.5em; }
nav.toc a { color: inherit; text-decoration: none; }
@media print { nav.toc a::after { content: leader(".") target-counter(attr(href), page); } }
table { border-collapse: collapse; margin: 0.8em 0; page-break-inside: auto; }
th, td { border: 1px solid #444; padding: 0.2em 0.5em; }
th { background: #eee; }
caption { font-weight: bold; caption-side: top; padding: 0.3em; }
.missing { border: 2px solid #b00; padding: 0.3em 1em; background: #fff4f4; }
.missing-mark { color: #b00; font-weight: bold; }
"""


class OutputError(RuntimeError):
    """A converter failed; the message says which format."""


def html_fragment(markdown: str) -> str:
    """The report body as HTML (no <html> wrapper), for the page and for the full document."""
    html = pypandoc.convert_text(
        markdown, "html5", format=PANDOC_FORMAT, extra_args=["--wrap=none"]
    )
    return MISSING_RE.sub(r'<span class="missing-mark">\g<0></span>', html)


_HEADING_RE = re.compile(r'<h([12]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)


def toc_html(body: str) -> str:
    """A table of contents of the body's first two heading levels, linked to them."""
    items, open_sub = [], False
    for level, ident, text in _HEADING_RE.findall(body):
        link = f'<a href="#{ident}">{text}</a>'
        if level == "1":
            if open_sub:
                items.append("</ol></li>")
                open_sub = False
            items.append(f"<li>{link}")
            items.append("<ol>")
            open_sub = True
        else:
            items.append(f"<li>{link}</li>")
    if open_sub:
        items.append("</ol></li>")
    html = "".join(items).replace("<ol></ol>", "")
    return f'<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">目錄</h2><ol>{html}</ol></nav>'


def cover_html(cover: Cover) -> str:
    lines = [f'<p class="title">{escape(cover.title)}</p>']
    lines += [f"<p>{escape(t)}</p>" for t in (cover.period, cover.session, cover.date) if t]
    return f'<section class="cover">{"".join(lines)}</section>'


def html_document(markdown: str, title: str = "", cover: Cover | None = None, font="sans") -> str:
    """A standalone HTML document: cover, table of contents, body, print stylesheet."""
    style = STYLESHEET % {"header": RUNNING_HEADER, "family": font_family(font)}
    body = html_fragment(markdown)
    front = (cover_html(cover) if cover else "") + toc_html(body)
    return (
        '<!DOCTYPE html>\n<html lang="zh-Hant-TW">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n"
        f"{front}\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _meta(name: str, value: str) -> str:
    return f"--metadata={name}:{value}"


def _pandoc_file(markdown: str, fmt: str, cover: Cover | None = None, font="sans") -> bytes:
    font_family(font)
    cover = cover or Cover()
    meta = [_meta("title", cover.title), _meta("toc-title", "目錄")]
    subtitle = "　".join(t for t in (cover.period, cover.session) if t)
    if subtitle:
        meta.append(_meta("subtitle", subtitle))
    if cover.date:
        meta.append(_meta("date", cover.date))
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / f"report.{fmt}"
        try:
            pypandoc.convert_text(
                markdown,
                fmt,
                format=PANDOC_FORMAT,
                outputfile=str(target),
                extra_args=[
                    f"--reference-doc={REFERENCE / f'reference{FONTS[font][1]}.{fmt}'}",
                    # pandoc has translations for zh-Hant, not zh-TW (it would warn per table)
                    "--metadata=lang:zh-Hant",
                    "--metadata=lang:zh-TW",
                    "--toc",
                    "--toc-depth=2",
                    *meta,
                ],
            )
        except (RuntimeError, OSError) as exc:
            raise OutputError(f"{fmt.upper()} 轉換失敗：{exc}") from exc
        return packages.finish(target.read_bytes(), fmt)


def to_pdf(markdown: str, title: str = "", cover: Cover | None = None, font="sans") -> bytes:
    """The report printed to PDF by WeasyPrint (CJK fonts embedded)."""
    import weasyprint

    html = html_document(markdown, title, cover, font)
    return weasyprint.HTML(string=html).write_pdf()


def convert(
    markdown: str, fmt: str, title: str = "", cover: Cover | None = None, font: str = "sans"
) -> bytes:
    """The report in ``fmt`` (html, odt, docx or pdf) as bytes."""
    if fmt == "html":
        return html_document(markdown, title, cover, font).encode("utf-8")
    if fmt in ("odt", "docx"):
        return _pandoc_file(markdown, fmt, cover, font)
    if fmt == "pdf":
        return to_pdf(markdown, title, cover, font)
    raise OutputError(f"不支援的格式「{fmt}」（可用：{'、'.join(FORMATS)}）")
