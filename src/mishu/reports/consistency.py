"""Consistency checks on a built report: totals, one fact stated two ways, observed vs computed,
narrative of another period, and lists that came out empty.

(a) every pipe table (generated or typed in narrative) whose 合計 row or column differs from
the sum of its parts; (b) one project 「…」 said to pass acceptance (驗收合格, 竣工, ...) on
two different dates; (c) an observed indicator that duplicates a computed one (same code) with
a different value for the period; (d) narrative that speaks of another period: a dated event
outside it, 上半年 in a 下半年 report (or the reverse), a reason for an increase beside a
decrease (or the reverse); (e) a sentence whose list found no records.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from mishu.core import formats

TOTAL_WORDS = ("合計", "總計", "小計", "總和")
FACT_VERBS = ("驗收合格", "驗收完成", "竣工", "完工", "啟用")
_NUMBER_RE = re.compile(
    r"^[－\-]?[0-9][0-9,]*(?:\.[0-9]+)?(?:\s*億\s*(?:[0-9][0-9,]*(?:\.[0-9]+)?)?)?"
    r"(?:\s*萬\s*(?:[0-9][0-9,]*(?:\.[0-9]+)?)?)?"
)
_DATE_RE = re.compile(r"(?:(\d{2,3})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_QUOTE_RE = re.compile(r"「([^」]{2,80})」([^「。]*)")
_VERB_RE = re.compile("|".join(FACT_VERBS))
_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*)$")


@dataclass(frozen=True)
class Finding:
    """One inconsistency: its kind (totals, fact, observed), a message and where it is."""

    kind: str
    message: str
    where: str = ""

    def __str__(self) -> str:
        return f"{self.where}：{self.message}" if self.where else self.message


def cell_number(text: str) -> Decimal | None:
    """A table cell read as a number (``4 萬 4,651 件`` → 44651); None for text or percents."""
    text = formats.to_halfwidth(text).strip().replace("\\|", "|")
    if not text or "%" in text:
        return None
    match = _NUMBER_RE.match(text)
    if not match or text[match.end() :].strip()[:1].isdigit():
        return None
    try:
        return formats.parse_wan(match.group(0).replace("－", "-").strip())
    except formats.FormatError:
        return None


def _split_row(line: str) -> list[str]:
    cells = re.split(
        r"(?<!\\)\|", line.strip().strip("|") if line.strip().startswith("|") else line.strip()
    )
    return [c.strip() for c in cells]


def pipe_tables(markdown: str):
    """(first line number, header, rows) for each pipe table in the Markdown."""
    lines = markdown.splitlines()
    i = 0
    while i < len(lines) - 1:
        if "|" in lines[i] and re.fullmatch(
            r"\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*", lines[i + 1]
        ):
            header, rows, j = _split_row(lines[i]), [], i + 2
            while j < len(lines) and "|" in lines[j] and lines[j].strip():
                rows.append(_split_row(lines[j]))
                j += 1
            yield i + 1, header, rows
            i = j
        else:
            i += 1


def _is_total(text: str) -> bool:
    return any(word in text for word in TOTAL_WORDS)


def _fmt(v: Decimal) -> str:
    from .values import clean

    return formats.format_wan(clean(v))


def check_tables(markdown: str) -> list[Finding]:
    """Tables whose 合計 row or column is not the sum of the other rows or columns."""
    found = []
    for line, header, rows in pipe_tables(markdown):
        where = f"第 {line} 行的表格"
        total_cols = [k for k, h in enumerate(header) if k > 0 and _is_total(h)]
        body = [r for r in rows if not (r and _is_total(r[0]))]
        for r in rows:
            for k in total_cols:
                parts = [cell_number(c) for n, c in enumerate(r) if n > 0 and n not in total_cols]
                stated = cell_number(r[k]) if k < len(r) else None
                parts = [p for p in parts if p is not None]
                if stated is not None and parts and sum(parts) != stated:
                    found.append(
                        Finding(
                            "totals",
                            f"「{r[0]}」列的{header[k]} {_fmt(stated)} 與各欄之和 {_fmt(sum(parts))} 不符",
                            where,
                        )
                    )
        for r in rows:
            if not (r and _is_total(r[0])):
                continue
            for k in range(1, min(len(r), len(header))):
                stated = cell_number(r[k])
                parts = [cell_number(b[k]) for b in body if k < len(b)]
                parts = [p for p in parts if p is not None]
                if stated is not None and parts and sum(parts) != stated:
                    found.append(
                        Finding(
                            "totals",
                            f"「{header[k]}」欄的{r[0]} {_fmt(stated)} 與各列之和 {_fmt(sum(parts))} 不符",
                            where,
                        )
                    )
    return found


def _paragraphs(markdown: str) -> list[tuple[str, str]]:
    """(heading, paragraph text) pairs; a paragraph's lines are joined so sentences read whole."""
    heading, out, current = "（開頭）", [], []
    for line in [*markdown.splitlines(), ""]:
        if m := _HEADING_RE.match(line):
            heading = m.group(2).strip()
        elif line.strip():
            current.append(line.strip())
            continue
        if current:
            out.append((heading, "".join(current)))
            current = []
    return out


def _facts(text: str):
    """(project name, verb, date match) for each milestone a paragraph states."""
    for m in _QUOTE_RE.finditer(text):
        name, span, start = re.sub(r"\s+", "", m.group(1)), m.group(2), 0
        for verb in _VERB_RE.finditer(span):
            dates = list(_DATE_RE.finditer(span, start, verb.start()))
            if dates:
                yield name, verb.group(0), dates[-1]
            start = verb.end()


def check_facts(markdown: str) -> list[Finding]:
    """The same 「project」 said to reach the same milestone on different dates."""
    seen: dict[tuple, list] = {}
    found = []
    for heading, text in _paragraphs(markdown):
        for name, verb, date in _facts(text):
            year, month, day = date.groups()
            stated = (int(year) if year else None, int(month), int(day), date.group(0), heading)
            for other in seen.get((name, verb), []):
                same_year = other[0] is None or stated[0] is None or other[0] == stated[0]
                if other[1:3] != stated[1:3] or not same_year:
                    found.append(
                        Finding(
                            "fact",
                            f"「{name}」{verb}的日期不一致：「{other[4]}」寫 "
                            f"{other[3]}，「{stated[4]}」寫 {stated[3]}",
                            heading,
                        )
                    )
            seen.setdefault((name, verb), []).append(stated)
    return found


def check_observed(period) -> list[Finding]:
    """Observed indicators that duplicate a computed one and disagree with it for ``period``,
    both the whole organisation's (a division's share is not the report's figure)."""
    from mishu.indicators import registry

    found = []
    for code in registry.observed_and_computed():
        try:
            c_value = registry.computed_value(code, period)
        except Exception as exc:  # a failing computation is itself worth reporting
            found.append(Finding("observed", f"{code} 無法計算：{exc}", code))
            continue
        o_value = registry.observed_value(code, period)
        if c_value is not None and o_value is not None and c_value != o_value:
            found.append(
                Finding(
                    "observed",
                    f"填報值 {_fmt(o_value)} 與計算值 "
                    f"{_fmt(c_value)}（{registry.get(code).label}）不符",
                    code,
                )
            )
    return found


# 「108 年 7 月 23 日」「108 年 7 月」: a dated statement; words before it that make it history or
# a plan (自 93 年 1 月起, 截至, 預計 109 年 6 月底前) are not facts of another period.
_DATED_RE = re.compile(r"(\d{2,3})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
_NOT_A_FACT = ("自", "截至", "截止", "預計", "預定", "迄", "至", "起", "由")
_REASON_UP = re.compile(r"(增加|提升|上升|成長)(之?理由|之?原因|係因)")
_REASON_DOWN = re.compile(r"(減少|下降|降低|減緩)(之?理由|之?原因|係因)")
_CHANGE_UP = re.compile(r"增加\s*[0-9]")
_CHANGE_DOWN = re.compile(r"減少\s*[0-9]")
NO_DATA = "（本期無資料）"


def _sentences(markdown: str):
    """(heading, sentence) for every sentence (up to 。) of the narrative, tables left out."""
    for heading, text in _paragraphs(markdown):
        if text.startswith("|") or text.startswith(":::"):
            continue
        for sentence in re.split(r"(?<=[。！？])", text):
            if sentence.strip():
                yield heading, sentence.strip()


def check_period(markdown: str, period) -> list[Finding]:
    """Narrative that speaks of another period than ``period``."""
    found = []
    halves = {1: ("下半年", "上半年"), 2: ("上半年", "下半年")}
    wrong_half = halves[period.index][0] if period.kind == "half" else None
    first = (period.start.year, period.start.month)
    last = (period.end.year, period.end.month)
    for heading, sentence in _sentences(markdown):
        if wrong_half and wrong_half in sentence:
            found.append(
                Finding(
                    "period",
                    f"{period.label}的報告寫「{wrong_half}」：「{sentence[:60]}」",
                    heading,
                )
            )
        for m in _DATED_RE.finditer(sentence):
            before, after = sentence[max(0, m.start() - 4) : m.start()], sentence[m.end() :][:3]
            if any(w in before for w in _NOT_A_FACT) or after.lstrip().startswith(
                ("起", "底前", "前", "至")
            ):
                continue
            year, month = formats.gregorian_year(int(m.group(1))), int(m.group(2))
            if not 1 <= month <= 12 or first <= (year, month) <= last:
                continue
            found.append(
                Finding(
                    "period",
                    f"「{m.group(0)}」不在{period.label}（{period.range_label}）內：「{sentence[:60]}」",
                    heading,
                )
            )
        if _REASON_UP.search(sentence) and _CHANGE_DOWN.search(sentence):
            found.append(
                Finding("direction", f"數字減少卻寫增加的理由：「{sentence[:80]}」", heading)
            )
        if _REASON_DOWN.search(sentence) and _CHANGE_UP.search(sentence):
            found.append(
                Finding("direction", f"數字增加卻寫減少的理由：「{sentence[:80]}」", heading)
            )
    return found


def check_empty(markdown: str, empty_lists=()) -> list[Finding]:
    """Lists that found no records: a numbered list printed as 「（本期無資料）」, and run-on
    lists whose sentence was dropped or reworded (``Rendered.empty_lists``)."""
    found = [
        Finding("empty", f"清單本期無資料：「{sentence}」", heading)
        for heading, sentence in _sentences(markdown)
        if NO_DATA in sentence
    ]
    for empty in empty_lists:
        found.append(
            Finding(
                "empty",
                f"清單 {empty.source} 本期無資料，已省略或改寫：「{empty.sentence}」",
                f"第 {empty.line} 行",
            )
        )
    return found


def html_to_markdown(html: str) -> str:
    """An HTML report (built, or edited by hand) as Markdown with pipe tables, for checking."""
    import pypandoc

    return pypandoc.convert_text(
        html,
        "markdown-grid_tables-simple_tables-multiline_tables-raw_html",
        format="html",
        extra_args=["--wrap=none"],
    )


def check(document: str, period=None, empty_lists=()) -> list[Finding]:
    """Every consistency finding for a built report (its Markdown, or its HTML) and, given a
    period, for that period's narrative and its observed and computed indicators (the
    organisation's, as the report states them: the same findings whoever asks)."""
    markdown = html_to_markdown(document) if document.lstrip().startswith("<") else document
    findings = check_tables(markdown) + check_facts(markdown)
    if period is not None:
        findings += check_period(markdown, period)
    findings += check_empty(markdown, empty_lists)
    if period is not None:
        findings += check_observed(period)
    return findings
