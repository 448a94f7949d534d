"""The ODT and DOCX packages pandoc writes, finished for the reader who opens them.

pandoc writes a table of contents that the office suite fills only when it updates fields: an
ODT opened in LibreOffice shows an empty 目錄, a DOCX one that Word fills after asking. Here the
ODT's table of contents gets its entries (each heading of levels 1–2, linked; page numbers come
when LibreOffice updates the index), the cover keeps a page of its own and the body starts on a
fresh page after the contents; the DOCX asks Word to update its fields when opened.
"""

import re
import zipfile
from html import unescape
from io import BytesIO
from xml.sax.saxutils import escape, quoteattr

TOC_LEVELS = 2
_HEADING_RE = re.compile(
    r'<text:h text:style-name="[^"]*" text:outline-level="(\d)">(.*?)</text:h>', re.S
)
_BOOKMARK_RE = re.compile(r'<text:bookmark-start text:name="([^"]*)"\s*/>')
_BREAK_STYLES = (
    '<style:style style:name="MishuTocTitle" style:family="paragraph" '
    'style:parent-style-name="Contents_20_Heading">'
    '<style:paragraph-properties fo:break-before="page"/></style:style>'
    '<style:style style:name="MishuBodyStart" style:family="paragraph" '
    'style:parent-style-name="Heading_20_1" style:default-outline-level="1">'
    '<style:paragraph-properties fo:break-before="page"/></style:style>'
)


def rewrite(data: bytes, member_edits: dict, added: dict | None = None) -> bytes:
    """A copy of the zip package ``data`` with members edited (name → function of the text)
    and added (name → text); ODF's ``mimetype`` stays first and stored."""
    src, out = zipfile.ZipFile(BytesIO(data)), BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename in member_edits:
                content = member_edits[item.filename](content.decode("utf-8")).encode("utf-8")
            compress = zipfile.ZIP_STORED if item.filename == "mimetype" else zipfile.ZIP_DEFLATED
            dst.writestr(item, content, compress_type=compress)
        for name, text in (added or {}).items():
            dst.writestr(name, text.encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _plain(xml: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", xml)).strip()


def odt_contents(xml: str) -> str:
    """content.xml with the table of contents filled from the headings and on a page of its
    own between the cover and the body."""
    entries = []
    for level, inner in _HEADING_RE.findall(xml):
        if int(level) > TOC_LEVELS:
            continue
        text = escape(_plain(inner))
        mark = _BOOKMARK_RE.search(inner)
        if mark:
            text = f'<text:a xlink:type="simple" xlink:href={quoteattr("#" + mark.group(1))}>{text}</text:a>'
        entries.append(f'<text:p text:style-name="Contents_20_{level}">{text}</text:p>')
    title = re.search(
        r'<text:index-title-template text:style-name="[^"]*">(.*?)</text:index-title-template>',
        xml,
        re.S,
    )
    body = (
        "<text:index-body>"
        '<text:index-title text:name="MishuTocTitle">'
        f'<text:p text:style-name="MishuTocTitle">{title.group(1) if title else "目錄"}</text:p>'
        "</text:index-title>" + "".join(entries) + "</text:index-body>"
    )
    xml = xml.replace(
        "</text:table-of-content-source>", "</text:table-of-content-source>" + body, 1
    )
    # the body's first heading starts a page: the contents keep theirs
    head, sep, tail = xml.partition("</text:table-of-content>")
    xml = (
        head
        + sep
        + tail.replace(
            '<text:h text:style-name="Heading_20_1"', '<text:h text:style-name="MishuBodyStart"', 1
        )
    )
    if "<office:automatic-styles>" in xml:
        return xml.replace(
            "<office:automatic-styles>", "<office:automatic-styles>" + _BREAK_STYLES, 1
        )
    return xml.replace(
        "<office:body>",
        f"<office:automatic-styles>{_BREAK_STYLES}</office:automatic-styles><office:body>",
        1,
    )


def docx_settings(xml: str) -> str:
    """settings.xml asking Word to update the fields (the table of contents) on opening."""
    if "w:updateFields" in xml:
        return xml
    return re.sub(r"(<w:settings\b[^>]*>)", r'\1<w:updateFields w:val="true"/>', xml, count=1)


def finish(data: bytes, fmt: str) -> bytes:
    """The pandoc output of ``fmt`` (odt or docx) finished as above."""
    if fmt == "odt":
        return rewrite(data, {"content.xml": odt_contents})
    if fmt == "docx":
        return rewrite(data, {"word/settings.xml": docx_settings})
    return data
