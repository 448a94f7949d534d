"""A report structure split into sections, and the division that writes each.

A structure (``ReportTemplate``) is one Markdown body; its sections are the text before the first
``壹、`` (開頭), each top-level part (壹、 貳、 參、 肆、 …) and, inside 壹, each ``一、`` … ``七、``
item — the seed's layout. ``split(body)`` cuts a body into ``Part(key, title, text)`` and
``join(parts)`` puts it back (``join(split(b))`` keeps every line of ``b``).

``DEFAULT_OWNERS`` says which division writes a section when a structure is first split; the
structure's own ``StructureSection`` rows (editable in the admin) are what counts afterwards.
A section without a division is written by the research and evaluation officers (研考).

This module has no model imports: the data migration uses it with historical models.
"""

import re
from dataclasses import dataclass
from pathlib import Path

SHIPPED = Path(__file__).resolve().parent / "demo_data" / "default_template.md"
SHIPPED_NAME = "秘書處工作報告"

_TOP = "壹貳參肆伍陸柒捌玖拾"
_CN = "一二三四五六七八九十"
TOP_RE = re.compile(rf"^([{_TOP}])、")
SUB_RE = re.compile(rf"^([{_CN}]+)、")
OPENING = "開頭"
# Top-level parts whose 一、二、… items are sections of their own (each with its own writer).
SPLIT_PARTS = ("壹",)
MAX_TITLE = 40

DEFAULT_OWNERS = {
    "壹一": "general-affairs",
    "壹二": "documents",
    "壹三": "international",
    "壹四": "confidential",
    "壹五": "citizen-services",
    "壹六": "media",
    "壹七": "city-hall",
}


@dataclass(frozen=True)
class Part:
    key: str
    title: str
    text: str


def _heading(line: str, pattern) -> re.Match | None:
    text = line.strip()
    if not text or len(text) > MAX_TITLE or text.endswith(("。", "：", ":")):
        return None
    return pattern.match(text)


def split(body: str) -> list[Part]:
    """The sections of a structure or draft body, in order (the opening first, if any)."""
    parts: list[list] = [[OPENING, "", []]]
    top = None
    for line in body.replace("\r\n", "\n").split("\n"):
        if m := _heading(line, TOP_RE):
            top = m.group(1)
            parts.append([top, line.strip(), [line]])
        elif top in SPLIT_PARTS and (m := _heading(line, SUB_RE)):
            parts.append([top + m.group(1), line.strip(), [line]])
        else:
            parts[-1][2].append(line)
    out = [Part(key, title, "\n".join(lines).strip("\n")) for key, title, lines in parts]
    return [p for p in out if p.key != OPENING or p.text.strip()]


def join(texts) -> str:
    """Section texts (strings) back into one body."""
    return "\n\n".join(t.strip("\n") for t in texts if t.strip()) + "\n"


def shipped_body() -> str:
    """The structure shipped with Mishu (used when a database has none)."""
    return SHIPPED.read_text(encoding="utf-8")
