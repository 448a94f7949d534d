"""Monthly tallies of the register: the report's period counts read a few hundred rows instead
of scanning a half-year of documents (about 170 萬 rows at the city's volume).

The table is derived data, kept in step with the documents by `mishu.documents.tally` (every
save, delete and bulk write goes through it) and rebuilt from the documents with
`mishu documents_tally --rebuild`; `--check` compares it with a fresh count.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from mishu.core.querysets import RestrictedQuerySet

from ..choices import Office


class Measure(models.TextChoices):
    """What a tally counts, each on its own date of the document."""

    RECEIVED = "received", _("received (by date of receipt)")
    SENT = "sent", _("dispatched (by date of dispatch)")
    SEALED = "sealed", _("seal uses (by date of dispatch)")
    REGISTERED = "registered", _("registered (by date of number)")
    ONLINE = "online", _("signed off online (by date of number)")
    PAPER_INCOMING = "paper_in", _("paper incoming (by date of number)")
    PAPER_SCANNED = "paper_scan", _("paper incoming signed off online (by date of number)")


class DocumentTally(models.Model):
    """How many documents of a handling unit and office one measure counts in one month."""

    division = models.ForeignKey(
        "core.Division", verbose_name=_("division"), on_delete=models.CASCADE, related_name="+"
    )
    office = models.CharField(_("office"), max_length=20, choices=Office.choices)
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    measure = models.CharField(_("measure"), max_length=12, choices=Measure.choices)
    value = models.BigIntegerField(_("value"), default=0)

    objects = RestrictedQuerySet.as_manager()
    division_path = "division"
    audit_exclude = True  # derived from the documents, whose every change is logged

    class Meta:
        verbose_name = _("document tally")
        verbose_name_plural = _("document tallies")
        constraints = [
            models.UniqueConstraint(
                fields=["division", "office", "month", "measure"], name="documents_tally_key"
            )
        ]
        indexes = [models.Index(fields=["measure", "month"], name="documents_tally_month")]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.office} {self.measure}: {self.value}"
