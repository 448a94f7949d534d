"""The report as one Markdown document: seed-style numbered headings and the missing list.

The seed numbers its sections 壹、 一、 (一) 1. (1). A standalone short line starting with
one of the first four becomes a Markdown heading of level 1–4 with its numbering kept in the
text; ``(1)`` items stay paragraphs, as in the seed.
"""

import re

from .marks import Missing, missing_once

# pandoc's Markdown: CJK lines joined without spaces; "(1)" is text, not a list marker;
# raw HTML is shown as text, so nothing typed in a template or record runs in the page.
PANDOC_FORMAT = "markdown+east_asian_line_breaks-fancy_lists-raw_html-raw_attribute"

_CN_DIGITS = "一二三四五六七八九十"
LEVELS = [
    (1, re.compile(r"^[壹貳參肆伍陸柒捌玖拾]+、")),
    (2, re.compile(rf"^[{_CN_DIGITS}]+、")),
    (3, re.compile(rf"^[(（][{_CN_DIGITS}]+[)）]")),
    (4, re.compile(r"^[0-9０-９]+[.．、]\s*\S")),
]
MAX_HEADING = 40


def heading_level(line: str) -> int | None:
    """The heading level a seed-numbered line stands for, or None for ordinary text."""
    text = line.strip()
    if not text or len(text) > MAX_HEADING or text.endswith(("。", "：", ":")) or "|" in text:
        return None
    return next((level for level, pattern in LEVELS if pattern.match(text)), None)


def promote_headings(markdown: str) -> str:
    """Turn standalone seed-numbered lines into Markdown headings (``壹、…`` → ``# 壹、…``)."""
    lines = markdown.split("\n")
    out = []
    fenced = False
    for i, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        standalone = (i == 0 or not lines[i - 1].strip()) and (
            i + 1 == len(lines) or not lines[i + 1].strip()
        )
        level = None if fenced or not standalone else heading_level(line)
        out.append(f"{'#' * level} {line.strip()}" if level else line)
    return "\n".join(out)


_SEPARATOR_RE = re.compile(r"\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*")


def caption_tables(markdown: str) -> str:
    """Number every pipe table 「表 N」 and caption it with its own title, else with the heading
    it stands under (pandoc's ``: caption`` line)."""
    lines = markdown.split("\n")
    out, heading, number, i = [], "", 0, 0
    while i < len(lines):
        line = lines[i]
        if m := re.match(r"^#{1,6}\s+(.*)$", line):
            heading = m.group(1).strip()
        is_table = "|" in line and i + 1 < len(lines) and _SEPARATOR_RE.fullmatch(lines[i + 1])
        if not is_table:
            out.append(line)
            i += 1
            continue
        j = i
        while j < len(lines) and "|" in lines[j] and lines[j].strip():
            j += 1
        out.extend(lines[i:j])
        number += 1
        k = j
        while k < len(lines) and not lines[k].strip():
            k += 1
        if k < len(lines) and lines[k].startswith((": ", "Table: ")):
            title = lines[k].split(":", 1)[1].strip()
            out.extend(["", f": 表 {number}　{title}"])
            i = k + 1
        else:
            out.extend(["", f": 表 {number}　{heading}".rstrip()])
            i = j
    return "\n".join(out)


def missing_block(missing: list[Missing]) -> str:
    """The notice at the top of a report listing each missing value once."""
    items = [f"- {m}（第 {'、'.join(map(str, lines))} 行）" for m, lines in missing_once(missing)]
    if not items:
        return ""
    return "::: {.missing}\n**缺漏數值 %d 項**（報告中以【缺：代碼】標示）：\n\n%s\n:::\n\n" % (
        len(items),
        "\n".join(items),
    )


def compose(body_markdown: str, missing: list[Missing], title: str = "") -> str:
    """The full report Markdown: optional title, the missing notice, then the narrative."""
    head = f"% {title}\n\n" if title else ""
    body = caption_tables(promote_headings(body_markdown)).strip()
    return head + missing_block(missing) + body + "\n"
