"""The placeholder grammar: ``{{ verb args key=value }}`` parsed and checked before rendering.

Arguments are split like a shell line (``shlex``), so ``title="本期 收文"`` keeps its space.
A word with ``=`` is an option, any other word an argument (a code, a source name, or a flag
such as ``approx``). Every problem names its line, so a template writer can find it.
"""

import re
import shlex
from dataclasses import dataclass, field

from mishu.core import formats

PLACEHOLDER_RE = re.compile(r"\{\{(.*?)\}\}")

FORMATS = ("wan", "int", "decimal", "percent", "wan_approx")
PERIOD_FIELDS = (
    "label",
    "range",
    "end",
    "prev_label",
    "prev_range",
    "prev_end",
    "year",
    "prev_year",
    "code",
    "half",
)
KPI_FIELDS = ("actual", "target", "achievement", "weight")
TOTALS = ("rows", "cols", "both", "none")


@dataclass(frozen=True)
class Spec:
    """What a verb takes: positional argument names, options, flags and the help line."""

    args: tuple[str, ...]
    options: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    usage: str = ""
    block: bool = False


VERBS: dict[str, Spec] = {
    "value": Spec(
        ("CODE",),
        ("period", "cell", "format"),
        usage="{{ value CODE [period=prev|year|prev_year|108H1] [cell=dim:member;dim:member] [format=wan|int|decimal:2|percent|percent:strip|wan_approx|wan_approx:億] }}",
    ),
    "change": Spec(
        ("CODE",),
        ("unit", "cell", "places", "period"),
        ("approx",),
        usage="{{ change CODE [unit=度] [approx] [period=108] }} → 減少 14 萬 4,000 度，約減少 1.23%",
    ),
    "points": Spec(
        ("CODE",),
        ("against", "cell", "places", "period"),
        ("strip",),
        usage="{{ points CODE [against=prev|107] [period=108] }} → 增加 40.94 個百分點",
    ),
    "diff": Spec(
        ("CODE",),
        ("target", "cell", "places", "period"),
        usage="{{ diff CODE target=CODE2 [period=108] }} → ＋10.33%",
    ),
    "direction": Spec(
        ("CODE",),
        ("up", "down", "same", "cell", "period"),
        usage='{{ direction CODE up="，增加理由係因…" down="…" [same="…"] }}：依本期與去年同期'
        "相比的增減選用文字（缺值時不輸出）",
    ),
    "kpi": Spec(
        ("KPI_CODE",),
        ("field", "format", "period"),
        usage="{{ kpi KPI_CODE field=actual|target|achievement|weight [format=...] [period=108] }}"
        "（預設為 KPI 所屬年度）",
    ),
    "table": Spec(
        ("CODE",),
        ("rows", "cols", "totals", "title", "format"),
        block=True,
        usage='{{ table CODE [rows=DIM] [cols=DIM] [totals=rows|cols|both|none] [title="..."] [format=...] }}',
    ),
    "list": Spec(
        ("SOURCE",),
        block=True,
        usage="{{ list SOURCE [key=value ...] [period=108] [join=，] [empty=文字] }}（例：chronicle.events "
        'category=trip；pattern="「{title}」於 {accepted_md}驗收合格" 自訂句型；join= 以該字串串接不編號；'
        "串接清單為空時，所在子句整句省略，或以 empty= 的文字取代）",
    ),
    "period": Spec(
        ("FIELD",),
        usage="{{ period label|range|end|prev_label|prev_range|prev_end|year|prev_year|code|half }}"
        "（half：上半年／下半年／全年）",
    ),
}
REQUIRED = {("diff", "target"), ("kpi", "field")}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a template, with the line it is on."""

    line: int
    text: str
    message: str

    def __str__(self) -> str:
        return f"第 {self.line} 行 {self.text}：{self.message}"


class TemplateError(ValueError):
    """A template that cannot be rendered; ``problems`` lists every fault found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    @property
    def message(self) -> str:
        return "範本有 %d 處錯誤：\n%s" % (
            len(self.problems),
            "\n".join(str(p) for p in self.problems),
        )


class PlaceholderError(ValueError):
    """Raised while resolving one placeholder; becomes a Problem with its line."""


@dataclass
class Placeholder:
    """One parsed placeholder."""

    verb: str
    args: list[str]
    options: dict[str, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    line: int = 0
    text: str = ""


def check_format(spec: str) -> None:
    """Raise PlaceholderError unless ``spec`` is a known number format."""
    name, _, rest = spec.partition(":")
    ok = name in FORMATS and (
        not rest
        or (name == "decimal" and rest.isdigit())
        or (name == "percent" and all(p == "strip" or p.isdigit() for p in rest.split(":")))
        or (name == "wan_approx" and rest in ("萬", "億"))
    )
    if not ok:
        raise PlaceholderError(
            f"不明的格式「{spec}」，可用：wan、int、decimal:2、percent、"
            "percent:strip、wan_approx、wan_approx:億"
        )


def parse_one(inner: str, line: int = 0) -> Placeholder:
    """Parse the inside of ``{{ ... }}``; raises PlaceholderError with a clear message."""
    try:
        words = shlex.split(inner)
    except ValueError as exc:
        raise PlaceholderError(f"引號不成對（{exc}）") from None
    if not words:
        raise PlaceholderError("空的預留位置")
    verb, rest = words[0], words[1:]
    if verb == "date":
        raise PlaceholderError("不可在範本中直接寫入日期：日期須來自紀錄或清單（list）")
    spec = VERBS.get(verb)
    if spec is None:
        raise PlaceholderError(f"不明的指令「{verb}」，可用：{'、'.join(VERBS)}")
    ph = Placeholder(verb, [], line=line, text="{{" + inner + "}}")
    for word in rest:
        key, eq, value = word.partition("=")
        if eq and key and verb == "list" and ph.args:
            ph.options[key] = value
        elif eq and key:
            if key not in spec.options:
                allowed = "、".join(spec.options) or "無"
                raise PlaceholderError(
                    f"「{verb}」不接受參數「{key}」（可用：{allowed}）。用法：{spec.usage}"
                )
            ph.options[key] = value
        elif word in spec.flags:
            ph.flags.add(word)
        else:
            ph.args.append(word)
    if len(ph.args) != len(spec.args):
        raise PlaceholderError(
            f"「{verb}」需要 {len(spec.args)} 個引數（{' '.join(spec.args)}），"
            f"收到 {len(ph.args)} 個。用法：{spec.usage}"
        )
    for v, key in REQUIRED:
        if v == verb and key not in ph.options:
            raise PlaceholderError(f"「{verb}」必須有 {key}=。用法：{spec.usage}")
    _check_options(ph)
    return ph


def _check_options(ph: Placeholder) -> None:
    opts = ph.options
    if "format" in opts:
        check_format(opts["format"])
    for key in ("period", "against"):
        if key in opts and opts[key] not in ("prev", "year", "prev_year"):
            try:
                formats.Period.parse(opts[key])
            except formats.FormatError:
                raise PlaceholderError(
                    f"{key}=「{opts[key]}」不是期別（例：prev、year、prev_year、108H1、107）"
                ) from None
    if "places" in opts and not opts["places"].isdigit():
        raise PlaceholderError(f"places=「{opts['places']}」須為整數")
    if "totals" in opts and opts["totals"] not in TOTALS:
        raise PlaceholderError(f"totals=「{opts['totals']}」不明，可用：{'、'.join(TOTALS)}")
    if ph.verb == "kpi" and opts["field"] not in KPI_FIELDS:
        raise PlaceholderError(f"field=「{opts['field']}」不明，可用：{'、'.join(KPI_FIELDS)}")
    if ph.verb == "period" and ph.args[0] not in PERIOD_FIELDS:
        raise PlaceholderError(f"「{ph.args[0]}」不明，可用：{'、'.join(PERIOD_FIELDS)}")
    if "cell" in opts:
        parse_cell(opts["cell"])


def parse_cell(text: str) -> dict[str, str]:
    """Read ``dim:member;dim:member`` (``=`` is accepted for ``:``) into a dict."""
    cell = {}
    for part in text.replace("；", ";").split(";"):
        if not part.strip():
            continue
        pieces = re.split(r"[:=：]", part, maxsplit=1)
        if len(pieces) != 2 or not pieces[0].strip() or not pieces[1].strip():
            raise PlaceholderError(
                f"cell=「{text}」須寫成 維度:成員;維度:成員（例：agency:都發局）"
            )
        dim, member = pieces
        cell[dim.strip()] = member.strip()
    return cell


def line_of(text: str, pos: int) -> int:
    """The 1-based line number of a character position."""
    return text.count("\n", 0, pos) + 1


def parse(body: str) -> list[Placeholder]:
    """Parse every placeholder of a template; raises TemplateError listing every problem."""
    found, problems = [], []
    for m in PLACEHOLDER_RE.finditer(body):
        line = line_of(body, m.start())
        try:
            found.append(parse_one(m.group(1), line))
        except PlaceholderError as exc:
            problems.append(Problem(line, m.group(0), str(exc)))
    rest = PLACEHOLDER_RE.sub("", body)
    for m in re.finditer(r"\{\{|\}\}", rest):
        line = line_of(rest, m.start())
        problems.append(
            Problem(line, m.group(0), "預留位置未閉合：須寫成 {{ 指令 引數 }} 且在同一行")
        )
    if problems:
        raise TemplateError(sorted(problems, key=lambda p: p.line))
    return found


def help_lines() -> list[str]:
    """One usage line per verb, for the template editor."""
    return [spec.usage for spec in VERBS.values()]
