"""Demo e-document returns of every agency for 108 whose sums, with the secretariat's register
counts, are the city's figures of the seed (壹二(二)): 71 萬 7,879 件 35.33%; 317 萬 5,808 件
92.31%; 6 萬 9,314 場 98.00%; 2 萬 7,228.5 箱 7.16%, and the secretariat's 136 場 99.27% and
111 箱 5.13%.

The register's counts are read first (the register's demo loads before this), the rest is
spread over the other agencies by fixed weights: the same database always gets the same
returns. Idempotent: a return that exists is updated to the same figures.
"""

from decimal import Decimal

from mishu.core.models import Agency

from . import services as svc
from .models import EDocumentReturn

YEAR = "108"
# measure: (the city's part, the city's whole): wholes chosen so the ratio is the seed's
CITY = {
    "paper_signoff": (717879, 2031800),  # 35.33%
    "online_signoff": (3175808, 3440400),  # 92.31%
    "e_meetings": (69314, 70729),  # 98.00%
    "paper_saving": (Decimal("27228.5"), Decimal("380300")),  # 7.16%
}
SECRETARIAT = {"e_meetings": (136, 137), "paper_saving": (Decimal("111"), Decimal("2164"))}
# relative size of the big agencies (documents and meetings); the others weigh by their order
WEIGHTS = {"education": 90, "police": 80, "civil-affairs": 70, "public-works": 60, "health": 50}


def _weights(agencies) -> list[int]:
    return [WEIGHTS.get(a.code, 10 + (a.order * 37) % 29) for a in agencies]


def _spread(total: int, weights: list) -> list[int]:
    """`total` in whole units over the weights; the remainder goes to the heaviest."""
    whole = sum(weights)
    out = [total * w // whole for w in weights]
    out[weights.index(max(weights))] += total - sum(out)
    return out


def _split(part: int, whole: int, weights: list[int]) -> list[tuple[int, int]]:
    """(part, whole) per agency summing to the totals, each agency's ratio a little off the
    city's (never above its whole)."""
    wholes = _spread(whole, weights)
    ratio = Decimal(part) / Decimal(whole)
    room = min(Decimal("0.15"), (1 - ratio) / ratio * Decimal("0.8"))
    tilts = [1 + room * (((i * 7) % 11) - 5) / 5 for i in range(len(weights))]
    parts = [min(w, int(ratio * t * w)) for w, t in zip(wholes, tilts, strict=True)]
    gap = part - sum(parts)
    for i in sorted(range(len(parts)), key=lambda i: -wholes[i]):  # settle on the biggest
        step = max(-parts[i], min(gap, wholes[i] - parts[i]))
        parts[i] += step
        gap -= step
        if not gap:
            break
    assert not gap and all(0 <= p <= w for p, w in zip(parts, wholes, strict=True))
    return list(zip(parts, wholes, strict=True))


def _halves(value: Decimal) -> int:
    return int(value * 2)


def plan() -> dict:
    """{agency: {field: value}} for every agency (the secretariat: meetings and paper)."""
    agencies = list(Agency.objects.filter(active=True).order_by("order", "code"))
    others = [a for a in agencies if a.code != svc.SECRETARIAT]
    register = svc.register_figures_or_zero(YEAR)
    weights = _weights(others)
    rows = {a: {} for a in agencies}
    own = {
        "paper_signoff": (register["paper_signed_online"], register["paper_incoming"]),
        "online_signoff": (register["documents_signed_online"], register["documents_total"]),
        **SECRETARIAT,
    }
    for measure, (part, whole) in CITY.items():
        part_name, whole_name = svc.MEASURES[measure]
        mine = own[measure]
        boxes = isinstance(part, Decimal)
        left = (part - mine[0], whole - mine[1])
        if boxes:  # in half boxes
            left = (_halves(left[0]), _halves(left[1]))
        for agency, (p, w) in zip(others, _split(*left, weights), strict=True):
            rows[agency][part_name] = Decimal(p) / 2 if boxes else p
            rows[agency][whole_name] = Decimal(w) / 2 if boxes else w
    for agency in agencies:
        if agency.code == svc.SECRETARIAT:
            for measure, (p, w) in SECRETARIAT.items():
                part_name, whole_name = svc.MEASURES[measure]
                rows[agency].update({part_name: p, whole_name: w})
    return rows


def load() -> None:
    """Create (or bring back to the plan) the 108 return of every agency."""
    division = svc.division()
    for agency, figures in plan().items():
        ret = EDocumentReturn.objects.filter(agency=agency, period=YEAR).first()
        ret = ret or EDocumentReturn(division=division, agency=agency, period=YEAR)
        changed = ret.pk is None
        for name, value in figures.items():
            if getattr(ret, name) != value:
                setattr(ret, name, value)
                changed = True
        if changed:
            ret.full_clean()
            ret.save()
