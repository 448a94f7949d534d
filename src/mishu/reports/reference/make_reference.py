"""Regenerate the pandoc reference documents (run after changing this file; outputs are committed).

    .venv/bin/python src/mishu/reports/reference/make_reference.py

Takes pandoc's default reference.odt / reference.docx and makes them what a council office
sends: A4 pages, the running header 臺北市政府秘書處工作報告, 「第 N 頁」 page numbers in the
footer, body text aligned left (no justified gaps around numbers) and the table of contents on a
page of its own after the cover. Two faces: Noto Sans CJK TC (``reference.*``) and the 楷書
face AR PL UKai TW from Debian's fonts-arphic-ukai (``reference-kai.*``).
"""

import os
import re
import subprocess
from pathlib import Path

import django
import pypandoc

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mishu.settings")
django.setup()

from mishu.reports.rendering.packages import rewrite  # noqa: E402  (needs the apps loaded)

HERE = Path(__file__).resolve().parent
FONT = "Noto Sans CJK TC"
FONTS = {"": "Noto Sans CJK TC", "-kai": "AR PL UKai TW"}
HEADER = "臺北市政府秘書處工作報告"
# A4 in twentieths of a point (DOCX) and centimetres (ODT); 2.5 cm margins.
A4_TWIPS = (11906, 16838)
MARGIN_TWIPS = 1418


def default_data(name: str) -> bytes:
    return subprocess.run(
        [pypandoc.get_pandoc_path(), "--print-default-data-file", name],
        check=True,
        capture_output=True,
    ).stdout


def odt_page(xml: str) -> str:
    """A4, margins, a header and a footer with the page number on the standard master page."""
    xml = re.sub(
        r'fo:page-width="[^"]*"\s+fo:page-height="[^"]*"',
        'fo:page-width="21cm" fo:page-height="29.7cm"',
        xml,
    )
    for side in ("top", "bottom", "left", "right"):
        xml = re.sub(rf'fo:margin-{side}="1in"', f'fo:margin-{side}="2.5cm"', xml, count=1)
    xml = xml.replace(
        "<style:header-style />",
        '<style:header-style><style:header-footer-properties fo:min-height="0.6cm" '
        'fo:margin-bottom="0.4cm" style:dynamic-spacing="false"/></style:header-style>',
    )
    master = re.search(
        r"(<style:master-page style:name=\"Standard\"[^>]*>)(.*?)(</style:master-page>)", xml, re.S
    )
    header = (
        f'<style:header><text:p text:style-name="MP1">{HEADER}</text:p></style:header>'
        '<style:footer><text:p text:style-name="MP1">第 <text:page-number '
        'text:select-page="current">1</text:page-number> 頁</text:p></style:footer>'
    )
    return xml[: master.start(2)] + header + xml[master.end(2) :]


def odt_left_aligned(xml: str) -> str:
    """Body text aligned left: CJK justified across a line leaves gaps around numbers."""
    return xml.replace(
        'style:display-name="Text body" style:family="paragraph"\n    style:parent-style-name="Standard" style:class="text">\n      <style:paragraph-properties ',
        'style:display-name="Text body" style:family="paragraph"\n    style:parent-style-name="Standard" style:class="text">\n      <style:paragraph-properties fo:text-align="start" ',
    )


def odt_styles(xml: str, font: str = FONT) -> str:
    xml = odt_left_aligned(odt_page(xml))
    decl = (
        f'<style:font-face style:name="{font}" svg:font-family="&apos;{font}&apos;" '
        'style:font-family-generic="swiss" style:font-pitch="variable"/>'
    )
    if "<office:font-face-decls>" in xml:
        xml = xml.replace("<office:font-face-decls>", "<office:font-face-decls>" + decl, 1)
    else:
        xml = xml.replace(
            "<office:styles>",
            f"<office:font-face-decls>{decl}</office:font-face-decls><office:styles>",
            1,
        )
    xml = re.sub(
        r'style:font-name(-asian|-complex)?="[^"]*"',
        lambda m: f'style:font-name{m.group(1) or ""}="{font}"',
        xml,
    )
    xml = xml.replace('fo:language="en" fo:country="US"', 'fo:language="zh" fo:country="TW"')
    return xml.replace('style:language-asian="zxx"', 'style:language-asian="zh"').replace(
        'style:country-asian="none"', 'style:country-asian="TW"'
    )


def docx_styles(xml: str, font: str = FONT) -> str:
    fonts = f'<w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:cs="{font}"/>'
    xml = re.sub(r"<w:rFonts [^>]*/>", fonts, xml)
    xml = re.sub(r"<w:lang ([^>]*)/>", '<w:lang w:val="zh-TW" w:eastAsia="zh-TW"/>', xml)
    if "<w:rPrDefault><w:rPr>" in xml and fonts not in xml.split("</w:rPrDefault>")[0]:
        xml = xml.replace("<w:rPrDefault><w:rPr>", "<w:rPrDefault><w:rPr>" + fonts, 1)
    # the table of contents starts a page of its own, after the cover
    xml = re.sub(
        r'(<w:style w:type="paragraph" w:styleId="TOCHeading">.*?<w:pPr>)',
        r"\1<w:pageBreakBefore/>",
        xml,
        count=1,
        flags=re.S,
    )
    return xml


W_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
DOCX_HEADER = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {W_NS}><w:p><w:pPr>'
    f'<w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr><w:r><w:t>{HEADER}</w:t></w:r>'
    "</w:p></w:hdr>"
)
DOCX_FOOTER = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {W_NS}><w:p><w:pPr>'
    '<w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>'
    '<w:r><w:t xml:space="preserve">第 </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> 頁</w:t></w:r>'
    "</w:p></w:ftr>"
)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def docx_section(xml: str) -> str:
    """A4 with 2.5 cm margins, the running header and the page-number footer."""
    section = (
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdMishuHeader"/>'
        '<w:footerReference w:type="default" r:id="rIdMishuFooter"/>'
        '<w:footnotePr><w:numRestart w:val="eachSect"/></w:footnotePr>'
        f'<w:pgSz w:w="{A4_TWIPS[0]}" w:h="{A4_TWIPS[1]}"/>'
        f'<w:pgMar w:top="{MARGIN_TWIPS}" w:right="{MARGIN_TWIPS}" w:bottom="{MARGIN_TWIPS}" '
        f'w:left="{MARGIN_TWIPS}" w:header="851" w:footer="851" w:gutter="0"/></w:sectPr>'
    )
    return re.sub(r"<w:sectPr>.*?</w:sectPr>", section, xml, flags=re.S)


def docx_rels(xml: str) -> str:
    extra = (
        f'<Relationship Type="{REL}/header" Id="rIdMishuHeader" Target="header1.xml"/>'
        f'<Relationship Type="{REL}/footer" Id="rIdMishuFooter" Target="footer1.xml"/>'
    )
    return xml.replace("</Relationships>", extra + "</Relationships>")


def docx_types(xml: str) -> str:
    kind = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    extra = (
        f'<Override PartName="/word/header1.xml" ContentType="{kind}.header+xml"/>'
        f'<Override PartName="/word/footer1.xml" ContentType="{kind}.footer+xml"/>'
    )
    return xml.replace("</Types>", extra + "</Types>")


def main() -> None:
    for suffix, font in FONTS.items():
        (HERE / f"reference{suffix}.odt").write_bytes(
            rewrite(
                default_data("reference.odt"),
                {"styles.xml": lambda xml, font=font: odt_styles(xml, font)},
            )
        )
        (HERE / f"reference{suffix}.docx").write_bytes(
            rewrite(
                default_data("reference.docx"),
                {
                    "word/styles.xml": lambda xml, font=font: docx_styles(xml, font),
                    "word/document.xml": docx_section,
                    "word/_rels/document.xml.rels": docx_rels,
                    "[Content_Types].xml": docx_types,
                },
                {"word/header1.xml": DOCX_HEADER, "word/footer1.xml": DOCX_FOOTER},
            )
        )


if __name__ == "__main__":
    main()
