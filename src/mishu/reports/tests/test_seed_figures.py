"""The seed report's figures, section by section, in the report Mishu builds from its demo data.

The seed (the secretariat's work report for 108 年 7–12 月) is read, its numeric figures are
extracted per section (壹一 … 貳七, plus the opening) — integers with 萬/億 groups normalised
(``1,151 萬 9,200`` → 11519200), percentages, and dates as (month, day) — and every output
format of the 108H2 report built from the demo must contain each figure of the same section.
A failure names the missing figures per section and format.

The honesty test changes one observation and checks that the total, the difference and the
percent all follow, computed here from the changed data with ``mishu.core.formats``.
"""

import datetime
import html
import io
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command

from mishu.core import formats
from mishu.core.formats import Period

PERIOD = "108H2"
SEED_NAME = "000_69a61f98c82e1763.txt"


def _seed_path() -> Path | None:
    candidates = [os.environ.get("MISHU_SEED", "")]
    here = Path(__file__).resolve()
    candidates += [str(p / "seed" / SEED_NAME) for p in here.parents]
    candidates += [str(p / "shared" / "seed" / SEED_NAME) for p in here.parents]
    candidates += [str(p / "docs" / "seed" / SEED_NAME) for p in here.parents]
    return next((Path(c) for c in candidates if c and Path(c).is_file()), None)


# (key, heading text that starts the section); a section runs to the next heading.
SECTIONS = [
    ("開頭", "召集人、副召集人、各位議員女士、先生"),
    ("壹", "壹、"),
    ("壹一", "一、事務管理及研考業務"),
    ("壹二", "二、文書處理及檔案管理"),
    ("壹三", "三、推動國際事務及城市外交"),
    ("壹四", "四、機要業務"),
    ("壹五", "五、市民諮詢及志工服務"),
    ("壹六", "六、媒體聯繫與發布"),
    ("壹七", "七、市政大樓公共事務"),
    ("貳", "貳、策略目標與關鍵績效指標"),
    ("貳一", "一、優化職舍環境"),
    ("貳二", "二、落實文書電子化作業"),
    ("貳三", "三、強化府會和諧"),
    ("貳四", "四、精進陳情服務"),
    ("貳五", "五、提高預算執行效能"),
    ("貳六", "六、強化員工職能訓練"),
    ("貳七", "七、活化辦公場域"),
    ("參", "參、創新作為與未來工作重點"),
]
# The seed contradicts itself: the 中庭、2、3 樓 project is accepted on 11 月 29 日 in 壹七 and on
# 11 月 26 日 in 貳七. The records hold one date (11 月 29 日), so 貳七 must show that one instead.
ERRATA = {"貳七": {("date", (11, 26)): ("date", (11, 29))}}
CHECKED = [
    "開頭",
    "壹一",
    "壹二",
    "壹三",
    "壹四",
    "壹五",
    "壹六",
    "壹七",
    "貳一",
    "貳二",
    "貳三",
    "貳四",
    "貳五",
    "貳六",
    "貳七",
]

# --- text → figures -----------------------------------------------------------------------------

_FULLWIDTH = str.maketrans(
    {**{chr(0xFF10 + i): str(i) for i in range(10)}, "％": "%", "．": ".", "\u3000": " "}
)
_PAGE_HEADER = re.compile(r"臺北市政府秘書處工作報告\s*\d+")
# (1) anywhere; 1. unless it is a decimal point (``2.07``); ``1.108 年`` is item 1 of a list.
_ENUMERATOR = re.compile(r"[(（]\s*\d{1,2}\s*[)）]|(?<![\d.,])\d{1,2}\s*[.．](?!\d{1,2}(?!\d))")
_DAY_RANGE = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日?\s*至\s*(\d{1,2})\s*日")
_DATE = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_TOKEN = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(億|萬)?")
_UNIT = {"億": 10**8, "萬": 10**4, None: 1}


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", "").rstrip(","))


def figures(text: str) -> dict[object, str]:
    """The figures of a text: {figure: how it was written}; a figure is ("n", Decimal),
    ("%", Decimal) or ("date", (month, day))."""
    text = _PAGE_HEADER.sub(" ", text.translate(_FULLWIDTH))
    text = _ENUMERATOR.sub(" ", text)
    found: dict[object, str] = {}

    def dates(match):
        if match.re is _DAY_RANGE:
            month, first, last = (int(g) for g in match.groups())
            found.setdefault(("date", (month, first)), match.group(0))
            found.setdefault(("date", (month, last)), match.group(0))
        else:
            found.setdefault(("date", (int(match[1]), int(match[2]))), match.group(0))
        return f" {match[1]} 月 "  # the month stays a number, as the seed's ``12 月`` does

    text = _DAY_RANGE.sub(dates, text)
    text = _DATE.sub(dates, text)
    tokens = list(_TOKEN.finditer(text))
    i = 0
    while i < len(tokens):
        token = tokens[i]
        start, end = token.start(), token.end()
        value = _number(token[1]) * _UNIT[token[2]]
        scale = _UNIT[token[2]]
        # 億/萬 groups continue while only spaces separate them and the unit gets smaller.
        while scale > 1 and i + 1 < len(tokens):
            nxt = tokens[i + 1]
            if text[end : nxt.start()].strip() or _UNIT[nxt[2]] >= scale:
                break
            value += _number(nxt[1]) * _UNIT[nxt[2]]
            scale = _UNIT[nxt[2]]
            end = nxt.end()
            i += 1
        written = text[start:end].strip()
        if scale == 1 and text[end : end + 2].lstrip().startswith("%"):
            found.setdefault(("%", value), written + "%")
        else:
            found.setdefault(("n", value), written)
        i += 1
    return found


def _marker(heading: str) -> re.Pattern:
    return re.compile(r"\s*".join(re.escape(c) for c in heading if not c.isspace()))


def sections(text: str) -> dict[str, str]:
    """The text of each section, found by its heading in order."""
    positions, pos = [], 0
    for key, heading in SECTIONS:
        match = _marker(heading).search(text, pos)
        if match is None:
            positions.append((key, None))
            continue
        positions.append((key, match.start()))
        pos = match.end()
    out = {}
    found = [(k, p) for k, p in positions if p is not None]
    for (key, start), nxt in zip(found, [*found[1:], (None, len(text))], strict=True):
        out[key] = text[start : nxt[1]]
    return out


# --- output → text ------------------------------------------------------------------------------


def _strip_tags(markup: str) -> str:
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def _zip_xml_text(content: bytes, member: str) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as zf:
        return _strip_tags(zf.read(member).decode("utf-8"))


def _pdf_text(content: bytes) -> str:
    try:
        from pypdf import PdfReader
    except ImportError:
        PdfReader = None
    if PdfReader is not None:
        return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages)
    if shutil.which("pdftotext"):
        with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
            f.write(content)
            f.flush()
            return subprocess.run(
                ["pdftotext", "-layout", f.name, "-"], check=True, capture_output=True
            ).stdout.decode("utf-8")
    pytest.skip(
        "PDF text cannot be extracted here: neither pypdf nor pdftotext (poppler-utils) "
        "is installed"
    )


def output_text(content: bytes, fmt: str) -> str:
    if fmt == "html":
        return _strip_tags(content.decode("utf-8"))
    if fmt == "odt":
        return _zip_xml_text(content, "content.xml")
    if fmt == "docx":
        return _zip_xml_text(content, "word/document.xml")
    return _pdf_text(content)


# --- the tests ----------------------------------------------------------------------------------


@pytest.fixture
def seed_sections():
    path = _seed_path()
    if path is None:
        pytest.fail(f"seed report {SEED_NAME} not found (set MISHU_SEED to its path)")
    return sections(path.read_text(encoding="utf-8"))


@pytest.fixture
def demo(db):
    call_command("loaddemo", stdout=io.StringIO())


def build(fmt: str) -> bytes:
    from mishu.reports.rendering import build_report

    return build_report(PERIOD, fmt)


def test_seed_is_split_into_every_section(seed_sections):
    assert set(CHECKED) <= set(seed_sections), set(CHECKED) - set(seed_sections)
    assert figures(seed_sections["壹一"])[("n", Decimal(11519200))] == "1,151 萬 9,200"
    assert ("%", Decimal("1.23")) in figures(seed_sections["壹一"])
    assert ("date", (7, 23)) in figures(seed_sections["壹七"])
    assert ("date", (7, 5)) in figures(seed_sections["壹三"])  # 7 月 2 至 5 日
    assert ("n", Decimal(108)) in figures("1.108 年 8 月 28 日")
    assert ("n", Decimal(1)) not in figures("1.108 年 8 月 28 日")
    assert ("date", (11, 26)) in figures(seed_sections["貳七"])  # the erratum is in the seed


@pytest.mark.parametrize("fmt", ["html", "odt", "docx", "pdf"])
def test_every_seed_figure_is_in_the_report(seed_sections, demo, fmt):
    text = output_text(build(fmt), fmt)
    built = sections(text)
    problems = []
    for key in CHECKED:
        wanted = figures(seed_sections[key])
        if key not in built:
            problems.append(f"{key}: section heading not found in the {fmt} output")
            continue
        have = figures(built[key])
        corrected = {ERRATA.get(key, {}).get(f, f): w for f, w in wanted.items()}
        missing = [written for figure, written in corrected.items() if figure not in have]
        if missing:
            problems.append(
                f"{key}: {len(missing)} of {len(wanted)} missing: " + "、".join(missing)
            )
    assert not problems, f"{fmt}: seed figures missing from the report\n" + "\n".join(problems)


def _plain(value: Decimal | None) -> Decimal:
    """A stored value without the database's trailing zeros (11519200.0000 → 11519200)."""
    assert value is not None
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def test_report_follows_a_changed_record(demo):
    from mishu.building.models import MeterReading
    from mishu.building.services.energy import save_reading
    from mishu.indicators import registry

    period = Period.parse(PERIOD)
    code = "energy.electricity_kwh"
    before = _plain(registry.value(code, period))
    previous = _plain(registry.value(code, period.previous_year()))
    old_text = output_text(build("html"), "html")
    assert formats.format_wan(before) in old_text

    # electricity is computed from the meters' monthly readings: raise December's reading
    december = MeterReading.objects.filter(
        meter__kind="electricity", month=datetime.date(2019, 12, 1)
    ).first()
    december.reading += 234567
    save_reading(december)

    current = _plain(registry.value(code, period))
    assert current == before + 234567
    change = formats.compare(current, previous)
    text = output_text(build("html"), "html")
    expected = {
        "total": formats.format_wan(current),
        "difference": formats.format_wan(change.amount.copy_abs()),
        "percent": formats.format_percent(change.ratio.copy_abs()),
        "phrase": formats.change_phrase(current, previous, unit="度", approx=True),
    }
    missing = {name: value for name, value in expected.items() if value not in text}
    assert not missing, f"the rebuilt report does not show {missing}"
    assert formats.format_wan(before) not in sections(text)["壹一"]
    old_phrase = formats.change_phrase(before, previous, unit="度", approx=True)
    assert old_phrase not in text
