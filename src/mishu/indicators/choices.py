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
