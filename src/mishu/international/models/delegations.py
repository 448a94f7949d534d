"""Delegations received (接待外賓): one record per delegation."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mishu.core.models import DivisionScopedModel


class Delegation(DivisionScopedModel):
    """A foreign or mainland delegation received by the city: where from, who led it, how many,
    when, who received it, the programme, gifts and follow-up. `named_in_report` marks the
    delegations the report names as examples."""

    ENTERED_FIELDS = [
        "received_on",
        "end_on",
        "country",
        "city",
        "organisation",
        "leader",
        "leader_title",
        "name",
        "size",
        "received_by",
        "programme",
        "gifts",
        "follow_up",
        "named_in_report",
        "sister_city",
    ]

    received_on = models.DateField(_("received on"))
    end_on = models.DateField(_("last day of the visit"), null=True, blank=True)
    country = models.CharField(_("country or region"), max_length=60)
    city = models.CharField(_("city"), max_length=60, blank=True)
    organisation = models.CharField(_("organisation"), max_length=120, blank=True)
    leader = models.CharField(_("leader"), max_length=100, blank=True)
    leader_title = models.CharField(_("leader's title"), max_length=60, blank=True)
    name = models.CharField(
        _("delegation name"),
        max_length=200,
        blank=True,
        help_text=_("As the report names it, when it is not the leader (e.g. 經濟發展訪問團)."),
    )
    size = models.PositiveIntegerField(_("persons"), validators=[MinValueValidator(1)])
    received_by = models.CharField(_("received by"), max_length=200, blank=True)
    programme = models.TextField(_("programme"), blank=True)
    gifts = models.TextField(_("gifts exchanged"), blank=True)
    follow_up = models.TextField(_("follow-up"), blank=True)
    named_in_report = models.BooleanField(_("named in the report"), default=False)
    sister_city = models.ForeignKey(
        "international.SisterCity",
        verbose_name=_("sister city"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="delegations",
    )

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("delegation received")
        verbose_name_plural = _("delegations received")
        indexes = [models.Index(fields=["division", "received_on"])]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        """How the report names it: 「美國鳳凰城市長Kate Gallego」, 「日本交流協會會長大橋光夫」."""
        if self.name:
            return self.name if self.name.startswith(self.country) else self.country + self.name
        return f"{self.country}{self.city}{self.organisation}{self.leader_title}{self.leader}"

    def get_absolute_url(self):
        return reverse("international:delegation_detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.end_on and self.received_on and self.end_on < self.received_on:
            errors["end_on"] = _("The last day cannot be before the first.")
        if not (self.name or self.leader):
            errors["leader"] = _("Give the leader or the delegation's name.")
        if self.sister_city_id and self.division_id:
            if self.sister_city.division_id != self.division_id:
                errors["sister_city"] = _("The city belongs to another division.")
        if errors:
            raise ValidationError(errors)
