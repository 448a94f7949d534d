"""Choices of the indicators app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndicatorKind(models.TextChoices):
    COUNT = "count", _("Count")
    AMOUNT = "amount", _("Amount")
    RATIO = "ratio", _("Ratio")
    AVERAGE = "average", _("Average")


# Kinds whose value over a period is the sum of its parts (sub-periods, cells).
ADDITIVE_KINDS = {IndicatorKind.COUNT, IndicatorKind.AMOUNT}


class IndicatorSource(models.TextChoices):
    COMPUTED = "computed", _("Computed")
    OBSERVED = "observed", _("Observed")


# How a dimension is named to people: the indicators page, the report's table headers.
DIMENSION_LABELS = {
    "agency": _("by agency"),
    "month": _("by month"),
    "quarter": _("by quarter"),
    "category": _("by category"),
    "platform": _("by platform"),
    "venue": _("by venue"),
    "division": _("by division"),
    "kind": _("by kind"),
    "type": _("by type"),
    "status": _("by status"),
    "check": _("by check"),
    "disposition": _("by disposition"),
}


def dimension_label(dimension: str) -> str:
    """The dimension's name in the active language (its code when it has none)."""
    return str(DIMENSION_LABELS.get(dimension, dimension))
