"""What the register feeds the report: documents received, sent and sealed, and the
secretariat's online sign-off counts and ratios (電子公文節能減紙).

A document is received in the period of its date of receipt, sent in that of its dispatch
(seal uses are counted on dispatch). The e-document figures count the secretariat's own
documents (本處) by the date their number was given.
"""

from decimal import Decimal

from mishu.indicators import registry

from . import indicators_returns  # noqa: F401  (the agencies' e-document returns)
from .choices import Office
from .models import Measure
from .tally import total


def _computed(**kwargs):
    return registry.computed(division="documents", **kwargs)


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


def _paper_incoming(period, user):
    """(paper incoming documents, those scanned and signed off online)."""
    return (
        _secretariat(period, user, Measure.PAPER_INCOMING),
        _secretariat(period, user, Measure.PAPER_SCANNED),
    )


def _signoff(period, user):
    """(documents of the secretariat, those signed off online)."""
    return (
        _secretariat(period, user, Measure.REGISTERED),
        _secretariat(period, user, Measure.ONLINE),
    )


@_computed(
    code="edocs.paper_signoff_cases",
    label="本處紙本來文採線上簽核件數",
    label_en="Paper documents signed off online (secretariat)",
    unit="件",
    kind="count",
)
def paper_signoff_cases(period, user):
    """Paper incoming documents of the secretariat scanned and signed off online."""
    return Decimal(_paper_incoming(period, user)[1])


@_computed(
    code="edocs.paper_signoff_ratio",
    label="本處紙本來文採線上簽核比率",
    label_en="Paper documents signed off online ratio (secretariat)",
    unit="%",
    kind="ratio",
)
def paper_signoff_ratio(period, user):
    """The share of paper incoming documents signed off online."""
    whole, part = _paper_incoming(period, user)
    return registry.ratio(part, whole)


@_computed(
    code="edocs.online_signoff_cases",
    label="本處公文線上簽核件數",
    label_en="Documents signed off online (secretariat)",
    unit="件",
    kind="count",
)
def online_signoff_cases(period, user):
    """The secretariat's documents signed off online (online or scanned paper)."""
    return Decimal(_signoff(period, user)[1])


@_computed(
    code="edocs.online_signoff_ratio",
    label="本處公文線上簽核比率",
    label_en="Online sign-off ratio (secretariat)",
    unit="%",
    kind="ratio",
)
def online_signoff_ratio(period, user):
    """The share of the secretariat's documents signed off online."""
    whole, part = _signoff(period, user)
    return registry.ratio(part, whole)


from . import indicators_timeliness  # noqa: E402, F401  (the 研考 section's monthly checks)
