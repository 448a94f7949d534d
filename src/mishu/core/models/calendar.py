"""Days an administrator declares on top of the national calendar (typhoon days, extra workdays)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import CalendarDayKind
from ..querysets import RestrictedQuerySet


class CalendarDay(models.Model):
    """A declared closure (停止上班, e.g. a typhoon day) or an extra working day."""

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=CalendarDayKind.choices)
    reason = models.CharField(_("reason"), max_length=200)

    objects = RestrictedQuerySet.as_manager()
    is_reference_data = True

    class Meta:
        ordering = ["date"]
        verbose_name = _("declared calendar day")
        verbose_name_plural = _("declared calendar days")

    def __str__(self):
        from .. import formats

        return f"{formats.format_date(self.date)} {self.get_kind_display()}：{self.reason}"
