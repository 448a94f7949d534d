"""Regenerate the pandoc reference documents with CJK fonts (run once; the outputs are committed).

    .venv/bin/python src/mishu/reports/reference/make_reference.py

Takes pandoc's default reference.odt / reference.docx and sets every font to Noto Sans CJK TC,
so ODT and DOCX reports show Traditional Chinese in the government's usual sans face.
"""

import re
import subprocess
import zipfile
from pathlib import Path

import pypandoc

HERE = Path(__file__).resolve().parent
FONT = "Noto Sans CJK TC"


def default_data(name: str) -> bytes:
    return subprocess.run(
        [pypandoc.get_pandoc_path(), "--print-default-data-file", name],
        check=True,
        capture_output=True,
    ).stdout


def rewrite(data: bytes, member_edits: dict) -> bytes:
    from io import BytesIO

    src, out = zipfile.ZipFile(BytesIO(data)), BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename in member_edits:
                content = member_edits[item.filename](content.decode("utf-8")).encode("utf-8")
            # mimetype must stay first and stored for ODF
            compress = zipfile.ZIP_STORED if item.filename == "mimetype" else zipfile.ZIP_DEFLATED
            dst.writestr(item, content, compress_type=compress)
    return out.getvalue()


def odt_styles(xml: str) -> str:
    decl = (
        f'<style:font-face style:name="{FONT}" svg:font-family="&apos;{FONT}&apos;" '
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
        lambda m: f'style:font-name{m.group(1) or ""}="{FONT}"',
        xml,
    )
    xml = xml.replace('fo:language="en" fo:country="US"', 'fo:language="zh" fo:country="TW"')
    return xml.replace('style:language-asian="zxx"', 'style:language-asian="zh"').replace(
        'style:country-asian="none"', 'style:country-asian="TW"'
    )


def docx_styles(xml: str) -> str:
    fonts = f'<w:rFonts w:ascii="{FONT}" w:eastAsia="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/>'
    xml = re.sub(r"<w:rFonts [^>]*/>", fonts, xml)
    xml = re.sub(r"<w:lang ([^>]*)/>", '<w:lang w:val="zh-TW" w:eastAsia="zh-TW"/>', xml)
    if "<w:rPrDefault><w:rPr>" in xml and fonts not in xml.split("</w:rPrDefault>")[0]:
        xml = xml.replace("<w:rPrDefault><w:rPr>", "<w:rPrDefault><w:rPr>" + fonts, 1)
    return xml


def main() -> None:
    (HERE / "reference.odt").write_bytes(
        rewrite(default_data("reference.odt"), {"styles.xml": odt_styles})
    )
    (HERE / "reference.docx").write_bytes(
        rewrite(default_data("reference.docx"), {"word/styles.xml": docx_styles})
    )


if __name__ == "__main__":
    main()
