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


def _secretariat(period, user, measure, fn):
    return fn(svc.secretariat_figures(period, user), measure)


def _register(period, user, measure, fn):
    return fn(svc.register_figures(period, user), measure)


@registry.computed(
    code="edocs.paper_signoff_cases",
    label="本處紙本來文採線上簽核件數",
    label_en="Paper documents signed off online (secretariat)",
    unit="件",
    kind="count",
    division=svc.DIVISION,
)
def paper_signoff_cases(period, user):
    """Paper incoming documents of the secretariat scanned and signed off online (register)."""
    return _register(period, user, "paper_signoff", _part)


@registry.computed(
    code="edocs.paper_signoff_ratio",
    label="本處紙本來文採線上簽核比率",
    label_en="Paper documents signed off online ratio (secretariat)",
    unit="%",
    kind="ratio",
    division=svc.DIVISION,
)
def paper_signoff_ratio(period, user):
    """The share of the secretariat's paper incoming documents signed off online."""
    return _register(period, user, "paper_signoff", _ratio)


@registry.computed(
    code="edocs.online_signoff_cases",
    label="本處公文線上簽核件數",
    label_en="Documents signed off online (secretariat)",
    unit="件",
    kind="count",
    division=svc.DIVISION,
)
def online_signoff_cases(period, user):
    """The secretariat's documents signed off online (online or scanned paper; register)."""
    return _register(period, user, "online_signoff", _part)


@registry.computed(
    code="edocs.online_signoff_ratio",
    label="本處公文線上簽核比率",
    label_en="Online sign-off ratio (secretariat)",
    unit="%",
    kind="ratio",
    division=svc.DIVISION,
)
def online_signoff_ratio(period, user):
    """The share of the secretariat's documents signed off online."""
    return _register(period, user, "online_signoff", _ratio)


@registry.computed(
    code="edocs.e_meetings",
    label="本處電子化會議場數",
    label_en="Paperless meetings (secretariat)",
    unit="場",
    kind="count",
    division=svc.DIVISION,
)
def e_meetings(period, user):
    """The secretariat's paperless meetings (its return)."""
    return _secretariat(period, user, "e_meetings", _part)


@registry.computed(
    code="edocs.e_meetings_ratio",
    label="本處電子化會議比率",
    label_en="Paperless meeting ratio (secretariat)",
    unit="%",
    kind="ratio",
    division=svc.DIVISION,
)
def e_meetings_ratio(period, user):
    """The share of the secretariat's meetings held paperless."""
    return _secretariat(period, user, "e_meetings", _ratio)


@registry.computed(
    code="edocs.paper_saving_boxes",
    label="本處撙節紙張採購箱數",
    label_en="Paper boxes saved (secretariat)",
    unit="箱",
    kind="amount",
    division=svc.DIVISION,
)
def paper_saving_boxes(period, user):
    """The boxes of paper the secretariat saved against its baseline (its return)."""
    return _secretariat(period, user, "paper_saving", _part)


@registry.computed(
    code="edocs.paper_saving_ratio",
    label="本處撙節紙張採購比率",
    label_en="Paper purchase saving ratio (secretariat)",
    unit="%",
    kind="ratio",
    division=svc.DIVISION,
)
def paper_saving_ratio(period, user):
    """The boxes saved over the secretariat's baseline."""
    return _secretariat(period, user, "paper_saving", _ratio)
