"""Sister and friendship cities (締盟) and the dated stages of each agreement."""

import calendar

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mishu.core.models import DivisionScopedModel

from ..choices import CityKind, Stage


class SisterCity(DivisionScopedModel):
    """A city Taipei has (or seeks) a sister or friendship agreement with. `name` is how the
    report writes it (捷克布拉格, 秘魯首都利馬); its exchanges are the delegations and trips
    linked to it."""

    name = models.CharField(_("city (as the report writes it)"), max_length=100)
    country = models.CharField(_("country"), max_length=60)
    kind = models.CharField(
        _("kind of agreement"), max_length=12, choices=CityKind.choices, default=CityKind.SISTER
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("sister city")
        verbose_name_plural = _("sister cities")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("international:sistercity_detail", args=[self.pk])

    @property
    def case_title(self) -> str:
        """「本市與捷克布拉格締結姊妹市案」 / 「本市與秘魯首都利馬締盟案」."""
        verb = "締結姊妹市案" if self.kind == CityKind.SISTER else "締盟案"
        return f"本市與{self.name}{verb}"

    @property
    def stage(self):
        """The latest stage reached, or None."""
        stages = sorted(self.stages.all(), key=lambda s: (s.sort_date, s.pk))
        return stages[-1].get_stage_display() if stages else None


class AgreementStage(DivisionScopedModel):
    """One dated step of a city's agreement; `month_only` when only the month is known (the
    seed's 「108 年 12 月送貴會審議」)."""

    city = models.ForeignKey(
        SisterCity, verbose_name=_("city"), on_delete=models.CASCADE, related_name="stages"
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    date = models.DateField(_("date"))
    month_only = models.BooleanField(_("only the month is known"), default=False)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["city", "date", "pk"]
        verbose_name = _("agreement stage")
        verbose_name_plural = _("agreement stages")
        constraints = [
            models.UniqueConstraint(fields=["city", "stage"], name="international_stage_once")
        ]

    def __str__(self):
        return f"{self.city} {self.get_stage_display()}"

    def get_absolute_url(self):
        return reverse("international:agreementstage_detail", args=[self.pk])

    @property
    def sort_date(self):
        """The date to order by: a month-only stage counts as the month's last day."""
        if not self.month_only:
            return self.date
        return self.date.replace(day=calendar.monthrange(self.date.year, self.date.month)[1])

    def _span(self):
        if not self.month_only:
            return (self.date, self.date)
        return (self.date.replace(day=1), self.sort_date)

    def clean(self):
        if self.city_id and self.division_id and self.city.division_id != self.division_id:
            raise ValidationError({"city": _("The city belongs to another division.")})
        if self.city_id and self.stage and self.date:
            order = list(Stage.values)
            first, last = self._span()
            for other in self.city.stages.exclude(pk=self.pk):
                o_first, o_last = other._span()
                if order.index(other.stage) < order.index(self.stage):
                    wrong = o_first > last
                else:
                    wrong = o_last < first
                if wrong:
                    raise ValidationError(
                        {"date": _("The stages must follow one another in time.")}
                    )
