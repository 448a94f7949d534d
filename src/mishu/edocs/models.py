"""The agencies' e-document returns (電子公文節能減紙績效填報): what each agency of the city
reports for a year or a half-year, from which the city-wide figures are summed.

The secretariat's own online sign-off figures come from the register, not from its return: its
return holds only meetings and paper purchases (its sign-off fields are cleared on save).
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mishu.core import formats
from mishu.core.models import DivisionScopedModel

SECRETARIAT = "secretariat"  # the code of the secretariat's own agency (core.Agency)
PERIOD_KINDS = ("year", "half")

# (part, whole) pairs: the part can never exceed the whole.
PAIRS = (
    ("paper_signed_online", "paper_incoming"),
    ("documents_signed_online", "documents_total"),
    ("e_meetings", "meetings_total"),
    ("paper_saved_boxes", "paper_baseline_boxes"),
)
SIGNOFF_FIELDS = (
    "paper_incoming",
    "paper_signed_online",
    "documents_total",
    "documents_signed_online",
)
FIGURE_FIELDS = (
    *SIGNOFF_FIELDS,
    "meetings_total",
    "e_meetings",
    "paper_baseline_boxes",
    "paper_saved_boxes",
)


class EDocumentReturn(DivisionScopedModel):
    """One agency's e-document figures for a year (108) or a half-year (108H1, 108H2)."""

    agency = models.ForeignKey(
        "core.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    period = models.CharField(
        _("period"), max_length=10, help_text=_("A year (108) or a half-year (108H1, 108H2).")
    )
    starts_on = models.DateField(_("period start"), editable=False)
    ends_on = models.DateField(_("period end"), editable=False)
    paper_incoming = models.PositiveIntegerField(
        _("paper incoming documents"),
        null=True,
        blank=True,
        help_text=_("Not asked of the secretariat: the register counts it."),
    )
    paper_signed_online = models.PositiveIntegerField(
        _("paper incoming documents signed off online"), null=True, blank=True
    )
    documents_total = models.PositiveIntegerField(
        _("documents handled"),
        null=True,
        blank=True,
        help_text=_("Not asked of the secretariat: the register counts it."),
    )
    documents_signed_online = models.PositiveIntegerField(
        _("documents signed off online"), null=True, blank=True
    )
    meetings_total = models.PositiveIntegerField(_("meetings held"))
    e_meetings = models.PositiveIntegerField(_("paperless meetings"))
    paper_baseline_boxes = models.DecimalField(
        _("paper purchase baseline (boxes)"),
        max_digits=10,
        decimal_places=1,
        help_text=_("The boxes of paper the saving is measured against."),
    )
    paper_saved_boxes = models.DecimalField(_("paper boxes saved"), max_digits=10, decimal_places=1)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-starts_on", "agency__order", "agency__code"]
        verbose_name = _("e-document return")
        verbose_name_plural = _("e-document returns")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "period"], name="documents_edocreturn_agency_period"
            )
        ]
        indexes = [models.Index(fields=["starts_on", "ends_on"], name="documents_edocreturn_span")]

    def __str__(self):
        period = self.parsed_period()
        return f"{self.agency} {period.label if period else self.period}"

    def get_absolute_url(self):
        return reverse("edocs:edocumentreturn_detail", args=[self.pk])

    @property
    def is_secretariat(self) -> bool:
        return bool(self.agency_id) and self.agency.code == SECRETARIAT

    def parsed_period(self):
        try:
            return formats.Period.parse(self.period or "")
        except formats.FormatError:
            return None

    def normalise(self) -> None:
        """Canonical period code and its dates; the secretariat's sign-off fields cleared."""
        period = self.parsed_period()
        if period is not None:
            self.period, self.starts_on, self.ends_on = period.code, period.start, period.end
        if self.agency_id and self.is_secretariat:
            for name in SIGNOFF_FIELDS:
                setattr(self, name, None)

    def clean(self):
        super().clean()
        errors = {}
        period = self.parsed_period()
        if period is None or period.kind not in PERIOD_KINDS:
            errors["period"] = _(
                "Period must be a year (e.g. 108) or a half-year (e.g. 108H2), not “%(v)s”."
            ) % {"v": self.period}
        self.normalise()
        label = {f: self._meta.get_field(f).verbose_name for f in FIGURE_FIELDS}
        # Integers are checked for negatives by their fields; missing whole-number fields too.
        for name in ("paper_baseline_boxes", "paper_saved_boxes"):
            value = getattr(self, name)
            if value is not None and value < 0:
                errors[name] = _("%(field)s cannot be negative.") % {"field": label[name]}
        if self.agency_id and not self.is_secretariat:
            for name in SIGNOFF_FIELDS:
                if getattr(self, name) is None:
                    errors[name] = _("%(field)s is required.") % {"field": label[name]}
        for part, whole in PAIRS:
            p, w = getattr(self, part), getattr(self, whole)
            if part not in errors and p is not None and w is not None and p > w:
                errors[part] = _("%(part)s (%(p)s) cannot exceed %(whole)s (%(w)s).") % {
                    "part": label[part],
                    "p": _plain(p),
                    "whole": label[whole],
                    "w": _plain(w),
                }
        if "period" not in errors and self.agency_id:
            clash = self.clashing()
            if clash is not None:
                errors["period"] = _(
                    "%(agency)s already has a return for %(period)s; edit that one instead."
                ) % {"agency": self.agency, "period": clash.parsed_period().label}
        if errors:
            raise ValidationError(errors)

    def validate_constraints(self, exclude=None):
        # one return per agency and period: `clean()` says so naming the field and the return
        super().validate_constraints(exclude={*(exclude or ()), "period"})

    def clashing(self):
        """Another return of the agency that covers the same months (the same period, or the
        year of a half-year and the other way round), or None."""
        period = self.parsed_period()
        others = EDocumentReturn.objects.filter(
            agency_id=self.agency_id, starts_on__lte=period.end, ends_on__gte=period.start
        )
        if self.pk:
            others = others.exclude(pk=self.pk)
        return others.first()

    def save(self, *args, **kwargs):
        self.normalise()
        super().save(*args, **kwargs)


def _plain(value) -> str:
    value = Decimal(value)
    return formats.format_decimal(value, 0 if value == value.to_integral() else None)
