"""What rendering leaves in a report besides figures: a missing value's mark and record, an
empty list, the rendered result, and how one value is formatted by a ``format=`` spec."""

from dataclasses import dataclass, field
from decimal import Decimal

from mishu.core import formats


@dataclass(frozen=True)
class Missing:
    """A value the report needed and did not find."""

    code: str
    label: str
    period: str
    line: int

    def __str__(self) -> str:
        return (
            f"{self.code}（{self.label}，{self.period}）"
            if self.label
            else f"{self.code}（{self.period}）"
        )


@dataclass(frozen=True)
class EmptyList:
    """A list placeholder that found no records: the sentence around it was dropped or reworded."""

    source: str
    line: int
    sentence: str

    def __str__(self) -> str:
        return f"第 {self.line} 行清單 {self.source} 本期無資料"


@dataclass
class Rendered:
    """A rendered narrative: its Markdown, the values missing and whether a snapshot fed it."""

    markdown: str
    missing: list[Missing] = field(default_factory=list)
    from_snapshot: bool = False
    empty_lists: list[EmptyList] = field(default_factory=list)

    @property
    def missing_once(self) -> list[tuple[Missing, list[int]]]:
        """Each missing value once, with the lines that print it."""
        return missing_once(self.missing)


def missing_once(missing) -> list[tuple[Missing, list[int]]]:
    """Each missing value (code and period) once, in order, with the lines that print it."""
    grouped: dict[tuple[str, str], tuple[Missing, list[int]]] = {}
    for m in missing:
        _first, lines = grouped.setdefault((m.code, m.period), (m, []))
        if m.line not in lines:
            lines.append(m.line)
    return list(grouped.values())


# An empty run-on list drops its clause: the text between the punctuation around it.
EMPTY_MARK = "\x00EMPTY{}\x00"
CLAUSE_END = "，。；：\n"


def missing_mark(code: str) -> str:
    return f"【缺：{code}】"


def format_number(value: Decimal, spec: str | None, kind: str = "count") -> str:
    """Format one value by a ``format=`` spec, or by the indicator's kind when none is given."""
    if spec is None:
        spec = {"ratio": "percent", "average": "decimal:2"}.get(kind, "wan")
    name, _, rest = spec.partition(":")
    parts = rest.split(":") if rest else []
    if name == "int":
        return formats.format_int(value)
    if name == "decimal":
        return formats.format_decimal(value, int(parts[0]) if parts else None)
    if name == "percent":
        places = next((int(p) for p in parts if p.isdigit()), 2)
        return formats.format_percent(value, places, strip="strip" in parts)
    if name == "wan_approx":
        return formats.format_wan_approx(value, parts[0] if parts else "萬")
    return formats.format_wan(value)


class Undefined(Exception):
    """A code nothing defines yet, in lenient rendering: marked missing, not an error."""

    def __init__(self, code: str, what: str):
        super().__init__(code)
        self.code, self.what = code, what
