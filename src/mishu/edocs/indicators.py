"""What the agencies' e-document returns feed the report (壹二(二) 推動電子公文節能減紙作業):
the city's four measures (cases or meetings or boxes, and their ratio), by agency, and the
secretariat's online sign-off (from the register), meetings and paper saving.

The city's online sign-off figures add the secretariat's register counts to the other agencies'
returns (see `services.py`). Targets (edocs.*_target) stay observed: the evaluator enters them.
"""

from decimal import Decimal

from mishu.indicators import registry

from . import services as svc

# measure: (code, label, label_en, unit) of the part, then of the ratio (as in indicators.csv)
DEFINITIONS = {
    "paper_signoff": (
        (
            "edocs.city_paper_signoff_cases",
            "全府紙本來文採線上簽核件數",
            "Paper documents signed off online (citywide)",
            "件",
        ),
        (
            "edocs.city_paper_signoff_ratio",
            "全府紙本來文採線上簽核比率",
            "Paper documents signed off online ratio (citywide)",
        ),
    ),
    "online_signoff": (
        (
            "edocs.city_online_signoff_cases",
            "全府公文線上簽核件數",
            "Documents signed off online (citywide)",
            "件",
        ),
        (
            "edocs.city_online_signoff_ratio",
            "全府公文線上簽核比率",
            "Online sign-off ratio (citywide)",
        ),
    ),
    "e_meetings": (
        ("edocs.city_e_meetings", "全府電子化會議場數", "Paperless meetings (citywide)", "場"),
        ("edocs.city_e_meetings_ratio", "全府電子化會議比率", "Paperless meeting ratio (citywide)"),
    ),
    "paper_saving": (
        (
            "edocs.city_paper_saving_boxes",
            "全府撙節紙張採購箱數",
            "Paper boxes saved (citywide)",
            "箱",
        ),
        (
            "edocs.city_paper_saving_ratio",
            "全府撙節紙張採購比率",
            "Paper purchase saving ratio (citywide)",
        ),
    ),
}


def _part(figures, measure):
    if figures is None:
        return None
    return Decimal(figures[svc.MEASURES[measure][0]])


def _ratio(figures, measure):
    if figures is None:
        return None
    part, whole = svc.MEASURES[measure]
    return registry.ratio(figures[part], figures[whole])


def _figures(period, user, agency=None):
    if agency:
        return svc.agency_figures(period, user, agency)
    return svc.city_figures(period, user)


def _by_agency(period, user, measure, fn):
    """{agency short name: value} over the agencies whose figures count for the measure."""
    rows, _total = svc.summary(period, user)
    signoff = measure in ("paper_signoff", "online_signoff")
    out = {}
    for row in rows:
        if row.filed or (row.from_register and signoff):
            value = fn(row.figures, measure)
            if value is not None:
                out[row.agency.short_name] = value
    return out


def _declare_city(measure):
    (code, label, label_en, unit), (ratio_code, ratio_label, ratio_label_en) = DEFINITIONS[measure]

    def part(period, user, agency=None):
        return _part(_figures(period, user, agency), measure)

    def whole_ratio(period, user, agency=None):
        return _ratio(_figures(period, user, agency), measure)

    part.__doc__ = f"{label}: the agencies' returns summed (by agency)."
    whole_ratio.__doc__ = f"{ratio_label}: the summed part over the summed whole (by agency)."
    registry.computed(
        code=code,
        label=label,
        label_en=label_en,
        unit=unit,
        kind="amount" if unit == "箱" else "count",
        dimensions=("agency",),
        division=svc.DIVISION,
        breakdown=lambda period, user: _by_agency(period, user, measure, _part),
    )(part)
    registry.computed(
        code=ratio_code,
        label=ratio_label,
        label_en=ratio_label_en,
        unit="%",
        kind="ratio",
        dimensions=("agency",),
        division=svc.DIVISION,
        breakdown=lambda period, user: _by_agency(period, user, measure, _ratio),
    )(whole_ratio)


for _measure in DEFINITIONS:
    _declare_city(_measure)


# The secretariat's own figures: (code, label, label_en, unit, kind, measure, part or ratio, from
# the register or from its return). Its sign-off counts are the register's, not its return's.
SECRETARIAT = [
    ("edocs.paper_signoff_cases", "本處紙本來文採線上簽核件數",
     "Paper documents signed off online (secretariat)", "件", "count", "paper_signoff", _part, True),
    ("edocs.paper_signoff_ratio", "本處紙本來文採線上簽核比率",
     "Paper documents signed off online ratio (secretariat)", "%", "ratio", "paper_signoff", _ratio, True),
    ("edocs.online_signoff_cases", "本處公文線上簽核件數",
     "Documents signed off online (secretariat)", "件", "count", "online_signoff", _part, True),
    ("edocs.online_signoff_ratio", "本處公文線上簽核比率",
     "Online sign-off ratio (secretariat)", "%", "ratio", "online_signoff", _ratio, True),
    ("edocs.e_meetings", "本處電子化會議場數",
     "Paperless meetings (secretariat)", "場", "count", "e_meetings", _part, False),
    ("edocs.e_meetings_ratio", "本處電子化會議比率",
     "Paperless meeting ratio (secretariat)", "%", "ratio", "e_meetings", _ratio, False),
    ("edocs.paper_saving_boxes", "本處撙節紙張採購箱數",
     "Paper boxes saved (secretariat)", "箱", "amount", "paper_saving", _part, False),
    ("edocs.paper_saving_ratio", "本處撙節紙張採購比率",
     "Paper purchase saving ratio (secretariat)", "%", "ratio", "paper_saving", _ratio, False),
]  # fmt: skip


def _declare_secretariat(code, label, label_en, unit, kind, measure, fn, from_register):
    figures = svc.register_figures if from_register else svc.secretariat_figures

    def value(period, user):
        return fn(figures(period, user), measure)

    value.__doc__ = f"{label}: the secretariat's " + ("register." if from_register else "return.")
    registry.computed(
        code=code, label=label, label_en=label_en, unit=unit, kind=kind, division=svc.DIVISION
    )(value)


for _row in SECRETARIAT:
    _declare_secretariat(*_row)
