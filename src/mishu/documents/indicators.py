"""What the register feeds the report: documents received, sent and sealed, and the
secretariat's online sign-off counts and ratios (電子公文節能減紙).

A document is received in the period of its date of receipt, sent in that of its dispatch
(seal uses are counted on dispatch). The e-document figures count the secretariat's own
documents (本處) by the date their number was given.
"""

from decimal import Decimal

from mishu.indicators import registry

from . import timeliness
from .choices import Office
from .models import Document, Measure
from .tally import total


def _registered(period, user) -> bool:
    """Whether the register holds any document received or sent in the period: a period the
    register has not reached is missing, not a period without documents."""
    return any(total(user, period, m) for m in (Measure.RECEIVED, Measure.SENT))


def _computed(**kwargs):
    return registry.computed(division="documents", covered=_registered, **kwargs)


# The counts are read from the monthly tallies (models/tally.py), which the register keeps in
# step with every write: a half-year's count at city volume is a sum over a few hundred rows.


@_computed(
    code="documents.received",
    label="本府及本處收文",
    label_en="Documents received",
    unit="件",
    kind="count",
)
def received(period, user):
    """Documents received in the period (本府及本處)."""
    return Decimal(total(user, period, Measure.RECEIVED))


@_computed(
    code="documents.sent",
    label="本府及本處發文",
    label_en="Documents sent",
    unit="件",
    kind="count",
)
def sent(period, user):
    """Documents dispatched in the period."""
    return Decimal(total(user, period, Measure.SENT))


@_computed(
    code="documents.sealed",
    label="本府及本處蓋用印信",
    label_en="Seal uses",
    unit="件",
    kind="count",
)
def sealed(period, user):
    """Seal uses (蓋用印信) on the documents dispatched in the period."""
    return Decimal(total(user, period, Measure.SEALED))


def _secretariat(period, user, measure):
    return total(user, period, measure, office=Office.SECRETARIAT)


def _secretariat_registered(period, user) -> bool:
    """Whether the register holds any document the secretariat numbered in the period: the
    city's documents alone say nothing of the secretariat's own (missing, not 0 件)."""
    return bool(_secretariat(period, user, Measure.REGISTERED))


# The secretariat's own documents as the e-document figures count them (the `edocs` app reads
# these for its sign-off ratios and the secretariat's row of the city table).


def _secretariat_count(code, label, label_en, measure, doc):
    def fn(period, user):
        return Decimal(_secretariat(period, user, measure))

    fn.__doc__ = doc
    return registry.computed(
        code=code,
        label=label,
        label_en=label_en,
        unit="件",
        kind="count",
        division="documents",
        covered=_secretariat_registered,
    )(fn)


secretariat_paper_incoming = _secretariat_count(
    "documents.secretariat_paper_incoming",
    "本處紙本來文",
    "Paper documents received (secretariat)",
    Measure.PAPER_INCOMING,
    "Paper incoming documents registered by the secretariat in the period.",
)
secretariat_paper_online = _secretariat_count(
    "documents.secretariat_paper_online",
    "本處紙本來文掃描後線上簽核",
    "Paper documents received and signed off online (secretariat)",
    Measure.PAPER_SCANNED,
    "Of the secretariat's paper incoming documents, those scanned and signed off online.",
)
secretariat_registered = _secretariat_count(
    "documents.secretariat_registered",
    "本處公文",
    "Documents of the secretariat",
    Measure.REGISTERED,
    "Documents numbered by the secretariat in the period.",
)
secretariat_online = _secretariat_count(
    "documents.secretariat_online",
    "本處公文線上簽核",
    "Documents signed off online (secretariat)",
    Measure.ONLINE,
    "The secretariat's documents signed off online (online, or scanned paper).",
)


# The monthly timeliness checks (按月辦理公文時效查核) the 研考 section reports: the months of
# the period for which the register yields the monthly timeliness statistics (`timeliness`).


@registry.computed(
    code="documents.timeliness_check_months",
    label="按月辦理公文時效查核月數",
    label_en="Months with timeliness statistics",
    unit="個月",
    kind="count",
    division="general-affairs",
)
def timeliness_check_months(period, user):
    """Months of the period with timeliness statistics (documents closed in the month);
    missing when there are none."""
    months = timeliness.months_with_statistics(registry.records(Document, user), period)
    return Decimal(len(months)) if months else None
