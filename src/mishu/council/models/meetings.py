"""City meetings (市政會議): their agenda and minutes, held paperless since 93/1 (the sheets and
money that saved), and the mayor's directives (市長裁指示事項) tracked to the agencies."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from mishu.core.models import DivisionScopedModel

from ..choices import DirectiveState


class CityMeeting(DivisionScopedModel):
    """A city meeting: number, date, agenda and minutes. A paperless meeting's documents are one
    online record (線上會議資料); it saved the A4 sheets and the money a paper one would cost."""

    number = models.PositiveIntegerField(_("meeting number"))
    held_on = models.DateField(_("held on"), db_index=True)
    agenda = models.TextField(_("agenda"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    paperless = models.BooleanField(_("paperless"), default=True)
    sheets_saved = models.PositiveIntegerField(_("A4 sheets saved"), default=0)
    cost_saved = models.DecimalField(
        _("money saved"),
        max_digits=12,
        decimal_places=0,
        default=0,
        validators=[MinValueValidator(0)],
    )

    ENTERED_FIELDS = [
        "number",
        "held_on",
        "agenda",
        "minutes",
        "paperless",
        "sheets_saved",
        "cost_saved",
    ]

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("city meeting")
        verbose_name_plural = _("city meetings")
        constraints = [
            models.UniqueConstraint(fields=["division", "number"], name="council_meeting_number")
        ]

    def __str__(self):
        return _("City meeting %(n)s") % {"n": self.number}

    def get_absolute_url(self):
        return reverse("council:citymeeting_detail", args=[self.pk])

    def clean(self):
        if not self.paperless and (self.sheets_saved or self.cost_saved):
            raise ValidationError(
                {"sheets_saved": _("Only a paperless meeting saves paper and money.")}
            )


class Directive(DivisionScopedModel):
    """A directive of the mayor at a city meeting, assigned to an agency with a due date and
    followed (列管) until it is closed. Its state changes only through `services`."""

    meeting = models.ForeignKey(
        CityMeeting,
        verbose_name=_("city meeting"),
        on_delete=models.PROTECT,
        related_name="directives",
    )
    text = models.TextField(_("directive"))
    agency = models.ForeignKey(
        "core.Agency",
        verbose_name=_("responsible agency"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    due_on = models.DateField(_("due on"))
    state = models.CharField(
        _("state"),
        max_length=12,
        choices=DirectiveState.choices,
        default=DirectiveState.ASSIGNED,
        editable=False,
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True, editable=False)

    ENTERED_FIELDS = ["meeting", "text", "agency", "due_on"]

    class Meta:
        ordering = ["-meeting__held_on", "-pk"]
        verbose_name = _("mayor's directive")
        verbose_name_plural = _("mayor's directives")

    def __str__(self):
        return self.text[:60]

    def get_absolute_url(self):
        return reverse("council:directive_detail", args=[self.pk])

    def is_overdue(self, today=None) -> bool:
        """Not closed by its due date."""
        if self.closed_on:
            return self.closed_on > self.due_on
        return (today or timezone.localdate()) > self.due_on

    def timeliness(self) -> str:
        """Closed on time or late, followed, or past its due date."""
        if self.closed_on:
            return str(_("Closed late") if self.is_overdue() else _("Closed by the due date"))
        return str(pgettext_lazy("directive", "Overdue") if self.is_overdue() else _("Followed"))

    timeliness.short_description = _("timeliness")

    def clean(self):
        errors = {}
        if self.meeting_id and self.due_on and self.due_on < self.meeting.held_on:
            errors["due_on"] = _("The due date cannot be before the meeting.")
        if self.meeting_id and self.division_id and self.meeting.division_id != self.division_id:
            errors["meeting"] = _("The meeting belongs to another division.")
        if errors:
            raise ValidationError(errors)


class DirectiveProgress(models.Model):
    """One step of a directive: progress reported, closure or reopening, with its date, note
    and who recorded it (the directive's history, beside the generic change log)."""

    directive = models.ForeignKey(
        Directive, verbose_name=_("directive"), on_delete=models.CASCADE, related_name="steps"
    )
    transition = models.CharField(_("step"), max_length=12)
    on = models.DateField(_("date"))
    note = models.TextField(_("note"), blank=True)
    by = models.ForeignKey(
        "core.User",
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["on", "pk"]
        verbose_name = _("directive step")
        verbose_name_plural = _("directive steps")

    def __str__(self):
        return f"{self.directive} {self.transition} {self.on}"

    @property
    def transition_label(self) -> str:
        from ..workflow import TRANSITIONS

        return str(TRANSITIONS[self.transition][2]) if self.transition in TRANSITIONS else ""
