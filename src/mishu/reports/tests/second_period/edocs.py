"""文書組: the agencies' e-document returns (電子公文節能減紙), the secretariat's own documents in
the register (its online sign-off is counted there, not on its return), and the observed annual
targets and information-security training hours (the indicator observation import).

The report's tables are `period=year`: in 109H1's report that is 109 to date, i.e. 109H1's
returns and register (a return filed for 109H2 does not count), and each ratio is the summed
part over the summed whole of those. The targets and the training rule are annual, entered
for 109 (108's, in the demo, must not show), and the ratio to date is compared with them.
"""

import importlib.util
from decimal import Decimal

from mishu.core import formats
from mishu.documents.models import Document
from mishu.edocs.models import EDocumentReturn
from mishu.indicators.models import Observation
from mishu.indicators.records import RATIO_PLACES

from . import PERIOD

DIVISION = "documents"
SECRETARIAT = "秘書處"
# measure (its target is `<measure>_target`): (code of the part, of the ratio, the whole's
# field and the part's on the return, in the import's column order, the table's row and unit)
MEASURES = {
    "paper_signoff": (
        "paper_signoff_cases",
        "paper_signoff_ratio",
        "paper_incoming",
        "paper_signed_online",
        "紙本來文採線上簽核",
        "件",
    ),
    "online_signoff": (
        "online_signoff_cases",
        "online_signoff_ratio",
        "documents_total",
        "documents_signed_online",
        "公文線上簽核",
        "件",
    ),
    "e_meetings": (
        "e_meetings",
        "e_meetings_ratio",
        "meetings_total",
        "e_meetings",
        "電子化會議",
        "場",
    ),
    "paper_saving": (
        "paper_saving_boxes",
        "paper_saving_ratio",
        "paper_baseline_boxes",
        "paper_saved_boxes",
        "撙節紙張採購箱數",
        "箱",
    ),
}
FIELDS = tuple(f for m in MEASURES.values() for f in m[2:4])
RETURN_COLUMNS = ("agency", "period", *FIELDS, "note")
# agency, period, then FIELDS (the secretariat's sign-off is the register's: left blank)
RETURNS = [
    ("財政局", "109H1", "1,200", "450", "5600", "5200", "42", "41", "150", "8.5"),
    ("民政局", "109H1", "980", "300", "4100", "3790", "35", "33", "120", "6"),
    ("教育局", "109H1", "2300", "690", "9800", "9020", "60", "57", "310.5", "15.5"),
    (SECRETARIAT, "109H1", "", "", "", "", "70", "69", "55", "3.5"),
    # not 109 to date: last half-year's return, and one filed later for 109H2
    ("工務局", "108H2", "800", "200", "3000", "2700", "20", "18", "90", "4"),
    ("工務局", "109H2", "850", "260", "3300", "3000", "25", "24", "95", "5"),
]
# the secretariat's incoming documents in the register: office, medium, handling mode, received.
# None in 108: a lone 108 document would make the register "cover" 108 and print its ratio as
# 108's (the KPI part's 108 年為 …), where 108's register is simply not in Mishu (missing).
REGISTER = [
    ("本處", "paper", "scanned", "109/1/6"),
    ("本處", "paper", "scanned", "109/2/17"),
    ("本處", "paper", "scanned", "109/5/4"),
    ("本處", "paper", "paper", "109/3/9"),
    ("本處", "paper", "paper", "109/6/30"),
    ("本處", "electronic", "online", "109/1/2"),
    ("本處", "electronic", "online", "109/4/21"),
    ("本處", "electronic", "paper", "109/6/12"),
    ("本處", "paper", "scanned", "109/7/1"),  # 109H2: after the report's end
    ("本府", "paper", "scanned", "109/3/3"),  # the city's number, not the secretariat's
]
# 109's annual targets and the training rule (108's are in the demo)
TARGETS = {
    "city_paper_signoff_target": "0.30",
    "city_online_signoff_target": "0.90",
    "city_e_meetings_target": "0.96",
    "city_paper_saving_target": "0.045",
    "paper_signoff_target": "0.55",
    "online_signoff_target": "0.92",
    "e_meetings_target": "0.97",
    "paper_saving_target": "0.06",
}
TRAINING_HOURS = "4"


def ratio(part, whole) -> Decimal | None:
    """part / whole to four places, as a ratio indicator holds it; None without a whole."""
    if not whole:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(RATIO_PLACES)


def _in_h1(roc_date: str) -> bool:
    return PERIOD.start <= formats.parse_date(roc_date) <= PERIOD.end


def summed(rows) -> dict:
    """{field: Decimal} over returns, blank fields left out."""
    out = {}
    for row in rows:
        for name, text in zip(FIELDS, row[2:], strict=True):
            if text:
                out[name] = out.get(name, Decimal(0)) + Decimal(text.replace(",", ""))
    return out


def register_rows() -> list[tuple]:
    """Every document this package enters into the register: (office, medium, handling mode,
    date numbered). This module's, and the register line's (`docs`, entered before) when it is
    there: its rows are (office, direction, sender, received_on, registered_on, subject,
    classification, dispatched_on, seal_uses), all electronic and signed off online."""
    rows = list(REGISTER)
    if _register_line_entered():
        from . import docs

        for row in docs.REGISTER:
            assert len(row) == 9, "the register line's rows changed: count them here again"
            rows.append((row[0], "electronic", "online", row[4] or row[3]))
    return rows


def _register_line_entered() -> bool:
    return importlib.util.find_spec(f"{__package__}.docs") is not None


def register_counts() -> dict:
    """The secretariat's 109H1 sign-off as the register counts it: documents numbered by the
    secretariat (本處) in the period, its paper incoming ones, and those signed off online
    (scanned paper is signed off online)."""
    own = [r for r in register_rows() if r[0] == "本處" and _in_h1(r[3])]
    paper = [r for r in own if r[1] == "paper"]
    return {
        "paper_incoming": Decimal(len(paper)),
        "paper_signed_online": Decimal(sum(1 for r in paper if r[2] == "scanned")),
        "documents_total": Decimal(len(own)),
        "documents_signed_online": Decimal(sum(1 for r in own if r[2] in ("scanned", "online"))),
    }


def register_adds() -> dict:
    """What this module's register rows make of the register's own 109H1 figures: all are
    incoming and none dispatched, so documents received only (the sent and sealed are zero: the
    register has the period's documents). The register line (`docs`) states these figures when
    it is there, and must count these rows with its own."""
    return {
        ("documents.received", ()): Decimal(sum(1 for r in REGISTER if _in_h1(r[3]))),
        ("documents.sent", ()): Decimal(0),
        ("documents.sealed", ()): Decimal(0),
    }


def enter(ctx) -> dict:
    ctx.upload(
        DIVISION,
        "edocs:edocumentreturn_import",
        RETURN_COLUMNS,
        [(*r, "") for r in RETURNS],
        EDocumentReturn,
    )
    columns = ("office", "direction", "division", "sender", "received_on", "subject", "medium")
    rows = [
        (
            office,
            "收文",
            DIVISION,
            "財政局",
            day,
            f"函送電子公文節能減紙執行情形（{n}）",
            medium,
            mode,
        )
        for n, (office, medium, mode, day) in enumerate(REGISTER, 1)
    ]
    ctx.upload(DIVISION, "documents:document_import", (*columns, "handling_mode"), rows, Document)
    rows = [(f"edocs.{code}", "109", "", v, "", "109 年度目標") for code, v in TARGETS.items()]
    rows.append(("infosec.min_training_hours", "109", "", TRAINING_HOURS, "", "資通安全計畫"))
    ctx.upload(
        DIVISION,
        "indicators:observation_import",
        ("code", "period", "cell", "value", "note", "source"),
        rows,
        Observation,
        role="evaluator",
        period="109",
    )
    figures = expected_figures()
    if not _register_line_entered():
        figures.update(register_adds())
    return figures


def measures() -> dict:
    """{"city" | "own": {field: Decimal}}: the city's (every agency's 109H1 return, with the
    secretariat's register in place of its sign-off) and the secretariat's own."""
    h1 = [r for r in RETURNS if r[1] == PERIOD.code]
    own = summed(r for r in h1 if r[0] == SECRETARIAT) | register_counts()
    city = summed(r for r in h1 if r[0] != SECRETARIAT)
    for name, value in own.items():
        city[name] = city.get(name, Decimal(0)) + value
    return {"city": city, "own": own}


def expected_figures() -> dict:
    """The two tables' figures for 109 to date (= 109H1, also keyed so), and 109's targets and
    training rule."""
    out = {}
    for which, figures in measures().items():
        prefix = "edocs.city_" if which == "city" else "edocs."
        for part_code, ratio_code, whole, part, _label, _unit in MEASURES.values():
            for key in ((), ("109",)):
                out[(prefix + part_code, (), *key)] = figures[part]
                out[(prefix + ratio_code, (), *key)] = ratio(figures[part], figures[whole])
    for code, value in TARGETS.items():
        out[(f"edocs.{code}", (), "109")] = Decimal(value)
    out[("infosec.min_training_hours", (), "109")] = Decimal(TRAINING_HOURS)
    return out


def check_report(text: str, expected: dict) -> None:
    section = text.split("(二)推動電子公文節能減紙作業", 1)[1].split("(三)", 1)[0]
    assert "109 年度（統計至 109 年 6 月底）本府及本處各項衡量指標" in section, section
    assert "108 年" not in section and "下半年" not in section, section
    for which, heading in (("city_", "全府績效"), ("", "秘書處績效")):
        assert heading in section
        for n, (measure, names) in enumerate(MEASURES.items(), 1):
            part_code, ratio_code, _whole, _part, label, unit = names
            part = expected[(f"edocs.{which}{part_code}", (), "109")]
            rate = expected[(f"edocs.{which}{ratio_code}", (), "109")]
            target = expected[(f"edocs.{which}{measure}_target", (), "109")]
            row = (
                f"{n} {label} {formats.format_wan(part)} {unit} {formats.format_percent(rate)} "
                f"{formats.format_percent(target, 2, strip=True)} "
                f"{formats.signed_percent(rate - target, places=2)}"
            )
            assert row in section, (row, section)
    # the KPI part states 108's ratio (no 108 register: missing) and 109's target and actual,
    # claiming no rise over them
    kpi = text.split("二、落實文書電子化作業", 1)[1].split("三、", 1)[0]
    assert "本處紙本來文採線上簽核比率 108 年為 【缺：edocs.paper_signoff_ratio】" in kpi, kpi
    assert "109 年度目標值為" in kpi, kpi
    assert "大幅提升" not in kpi and "超越" not in kpi, kpi
    hours = formats.format_int(expected[("infosec.min_training_hours", (), "109")])
    assert f"本處要求所有人員至少接受 {hours} 小時資安教育訓練" in text
