"""Markdown to the four report formats: HTML and, through pandoc, ODT and DOCX; PDF by WeasyPrint.

pandoc (shipped by ``pypandoc-binary``) gives real headings and tables in every format; ODT and
DOCX take their styles (Noto Sans CJK TC) from the reference documents under
``reports/reference/``; the PDF is the HTML printed with a CJK stylesheet, fonts embedded.
"""

import re
import tempfile
from html import escape
from pathlib import Path

import pypandoc

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

STYLESHEET = """
@page { size: A4; margin: 2.2cm 2cm; @bottom-center { content: counter(page); font-size: 9pt; } }
html { font-family: "Noto Sans CJK TC", "Noto Sans TC", sans-serif; font-size: 12pt; line-height: 1.7; }
body { max-width: 48em; margin: 0 auto; }
h1 { font-size: 1.5em; } h2 { font-size: 1.3em; } h3 { font-size: 1.15em; } h4 { font-size: 1.05em; }
h1, h2, h3, h4 { page-break-after: avoid; break-after: avoid; }
p { text-align: justify; margin: 0.4em 0; }
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


def html_document(markdown: str, title: str = "") -> str:
    """A standalone HTML document with the print stylesheet."""
    return (
        '<!DOCTYPE html>\n<html lang="zh-Hant-TW">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLESHEET}</style>\n</head>\n<body>\n"
        f"{html_fragment(markdown)}\n</body>\n</html>\n"
    )


def _pandoc_file(markdown: str, fmt: str) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / f"report.{fmt}"
        try:
            pypandoc.convert_text(
                markdown,
                fmt,
                format=PANDOC_FORMAT,
                outputfile=str(target),
                extra_args=[
                    f"--reference-doc={REFERENCE / f'reference.{fmt}'}",
                    # pandoc has translations for zh-Hant, not zh-TW (it would warn per table)
                    "--metadata=lang:zh-Hant",
                    "--metadata=lang:zh-TW",
                ],
            )
        except (RuntimeError, OSError) as exc:
            raise OutputError(f"{fmt.upper()} 轉換失敗：{exc}") from exc
        return target.read_bytes()


def to_pdf(markdown: str, title: str = "") -> bytes:
    """The report printed to PDF by WeasyPrint (CJK fonts embedded)."""
    import weasyprint

    return weasyprint.HTML(string=html_document(markdown, title)).write_pdf()


def convert(markdown: str, fmt: str, title: str = "") -> bytes:
    """The report in ``fmt`` (html, odt, docx or pdf) as bytes."""
    if fmt == "html":
        return html_document(markdown, title).encode("utf-8")
    if fmt in ("odt", "docx"):
        return _pandoc_file(markdown, fmt)
    if fmt == "pdf":
        return to_pdf(markdown, title)
    raise OutputError(f"不支援的格式「{fmt}」（可用：{'、'.join(FORMATS)}）")
