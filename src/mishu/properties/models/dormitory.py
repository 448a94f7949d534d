"""Staff dormitories (西園、信義): rooms, applications and allocations, inspections, mailings,
repair and upkeep items."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mishu.core.models import DivisionScopedModel, UrlMixin


class DormBuilding(UrlMixin, DivisionScopedModel):
    """A dormitory building (西園、信義)."""

    name = models.CharField(_("name"), max_length=60)
    address = models.CharField(_("address"), max_length=200, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("dormitory building")
        verbose_name_plural = _("dormitory buildings")

    def __str__(self):
        return self.name


class RoomStatus(models.TextChoices):
    """A room's status; the values are the members of the `dormitory.rooms` indicator."""

    LENT = "已提供借用", _("Lent")
    APPLYING = "申請配借中", _("Under application")
    VACANT = "空置", _("Vacant")


class Room(UrlMixin, DivisionScopedModel):
    """A single room of a dormitory building, lent, vacant or under application."""

    building = models.ForeignKey(
        DormBuilding, verbose_name=_("building"), on_delete=models.PROTECT, related_name="rooms"
    )
    number = models.CharField(_("room number"), max_length=20)
    status = models.CharField(
        _("status"), max_length=10, choices=RoomStatus.choices, default=RoomStatus.VACANT
    )

    class Meta:
        ordering = ["building", "number"]
        constraints = [
            models.UniqueConstraint(fields=["building", "number"], name="properties_room_number")
        ]
        verbose_name = _("room")
        verbose_name_plural = _("rooms")

    def __str__(self):
        return f"{self.building} {self.number}"

    def save(self, *args, status_since=None, status_allocation=None, **kwargs):
        """Save, and keep the dated status history in step: a status given a date
        (`status_since`, by the allocation services) is recorded from that date; any other
        new or changed status (the edit form, the API) from today."""
        with transaction.atomic():
            super().save(*args, **kwargs)
            if status_since is None:
                last = self.status_history.order_by("-since", "-pk").first()
                if last is not None and last.status == self.status:
                    return
            RoomStatusChange.objects.create(
                room=self,
                since=status_since or timezone.localdate(),
                status=self.status,
                allocation=status_allocation,
            )

    def status_on(self, day):
        """The room's status on `day` by its history ("" before its first record)."""
        last = self.status_history.filter(since__lte=day).order_by("-since", "-pk").first()
        return last.status if last else ""


class RoomStatusChange(models.Model):
    """A room's status from a date on: the dated history that lets `dormitory.rooms` state the
    rooms as they stood at the end of any period, not only today."""

    room = models.ForeignKey(
        Room, verbose_name=_("room"), on_delete=models.CASCADE, related_name="status_history"
    )
    since = models.DateField(_("since"))
    status = models.CharField(_("status"), max_length=10, choices=RoomStatus.choices)
    allocation = models.ForeignKey(
        "Allocation",
        verbose_name=_("dormitory allocation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["room", "since", "pk"]
        indexes = [models.Index(fields=["room", "since"], name="properties_roomstatus_since")]
        verbose_name = _("room status")
        verbose_name_plural = _("room statuses")

    def __str__(self):
        return f"{self.room} {self.since} {self.status}"


class AllocationStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    NOTIFIED = "notified", _("Notified")
    MOVED_IN = "moved_in", _("Moved in")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    ENDED = "ended", _("Ended")


S = AllocationStatus
# per step date: the statuses in which it may be given, and those in which it must be. The steps
# (services/dormitory.py) record the dates; an edit may correct one, never skip a step
STEP_DATES = {
    "notified_on": (
        (S.NOTIFIED, S.MOVED_IN, S.ENDED, S.WITHDRAWN),
        (S.NOTIFIED, S.MOVED_IN, S.ENDED),
    ),
    "moved_in_on": ((S.MOVED_IN, S.ENDED), (S.MOVED_IN, S.ENDED)),
    "moved_out_on": ((S.ENDED,), (S.ENDED,)),
}


class Allocation(UrlMixin, DivisionScopedModel):
    """An application for a room and, once granted, its allocation: the notification date and
    the notarised move-in date (公證入住), whose distance is the KPI's processing days."""

    applicant = models.CharField(_("applicant"), max_length=100)
    applicant_email = models.EmailField(
        _("applicant's e-mail"),
        blank=True,
        help_text=_("The notice of allocation is e-mailed here."),
    )
    applicant_agency = models.ForeignKey(
        "core.Agency",
        verbose_name=_("applicant's agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    applied_on = models.DateField(_("applied on"))
    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="allocations",
    )
    notified_on = models.DateField(_("notified on"), null=True, blank=True)
    moved_in_on = models.DateField(_("notarised move-in on"), null=True, blank=True)
    moved_out_on = models.DateField(_("moved out on"), null=True, blank=True)
    move_out_reason = models.CharField(_("reason for moving out"), max_length=200, blank=True)
    room_handed_back = models.BooleanField(_("room handed back"), default=False)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=AllocationStatus.choices,
        default=AllocationStatus.APPLIED,
    )

    audit_mask = {"applicant", "applicant_email"}

    class Meta:
        ordering = ["-applied_on", "-pk"]
        verbose_name = _("dormitory allocation")
        verbose_name_plural = _("dormitory allocations")

    def __str__(self):
        return f"{self.applied_on} {self.room or _('(no room yet)')}"

    @property
    def days(self) -> int | None:
        """Days from notification to notarised move-in (the KPI's processing days)."""
        if self.notified_on and self.moved_in_on:
            return (self.moved_in_on - self.notified_on).days
        return None

    # the room's status that each step's date starts (kept in step when a date is corrected)
    STEP_ROOM_STATUS = {
        "notified_on": RoomStatus.APPLYING,
        "moved_in_on": RoomStatus.LENT,
        "moved_out_on": RoomStatus.VACANT,
    }

    def save(self, *args, **kwargs):
        """Save; a corrected step date moves the room-history row that the step wrote."""
        with transaction.atomic():
            super().save(*args, **kwargs)
            for field, status in self.STEP_ROOM_STATUS.items():
                day = getattr(self, field)
                if day is None:
                    continue
                rows = RoomStatusChange.objects.filter(allocation=self, status=status)
                for row in rows.exclude(since=day):
                    row.since = day
                    row.save(update_fields=["since"])

    def clean(self):
        errors = {}
        for field, (allowed, required) in STEP_DATES.items():
            given = getattr(self, field) is not None
            if given and self.status not in allowed:
                errors[field] = _(
                    "This date is recorded by its step on the allocation's page "
                    "(allocate a room, move-in, move-out)."
                )
            elif not given and self.status in required:
                errors[field] = _("This date was recorded by its step and cannot be cleared.")
        if errors:
            raise ValidationError(errors)
        if self.notified_on and self.applied_on and self.notified_on < self.applied_on:
            errors["notified_on"] = _("The notification cannot be before the application.")
        if self.moved_in_on:
            if self.applied_on and self.moved_in_on < self.applied_on:
                errors["moved_in_on"] = _("The move-in cannot be before the application.")
            elif self.notified_on and self.moved_in_on < self.notified_on:
                errors["moved_in_on"] = _("The move-in cannot be before the notification.")
            elif not self.notified_on:
                errors["notified_on"] = _("Give the notification date before the move-in.")
            if not self.room_id:
                errors["room"] = _("Name the room moved into.")
        if self.moved_out_on and self.moved_in_on and self.moved_out_on < self.moved_in_on:
            errors["moved_out_on"] = _("The move-out cannot be before the move-in.")
        if errors:
            raise ValidationError(errors)


class DormInspection(UrlMixin, DivisionScopedModel):
    """An environment inspection form (環境巡檢表) filed for a dormitory building."""

    building = models.ForeignKey(
        DormBuilding,
        verbose_name=_("building"),
        on_delete=models.PROTECT,
        related_name="inspections",
    )
    date = models.DateField(_("date"))
    findings = models.TextField(_("findings"), blank=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("dormitory inspection")
        verbose_name_plural = _("dormitory inspections")

    def __str__(self):
        return f"{self.date} {self.building}"


class DormMailing(UrlMixin, DivisionScopedModel):
    """An information e-mail sent to dormitory residents (職舍資訊電子信件)."""

    date = models.DateField(_("date"))
    subject = models.CharField(_("subject"), max_length=200)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("dormitory mailing")
        verbose_name_plural = _("dormitory mailings")

    def __str__(self):
        return f"{self.date} {self.subject}"


class RepairItem(UrlMixin, DivisionScopedModel):
    """A repair or upkeep item of the dormitories, with its budget and what was spent."""

    building = models.ForeignKey(
        DormBuilding,
        verbose_name=_("building"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="repairs",
    )
    year = models.PositiveSmallIntegerField(_("year (AD)"))
    title = models.CharField(_("title"), max_length=200)
    budget = models.DecimalField(
        _("budget"), max_digits=12, decimal_places=0, validators=[MinValueValidator(0)]
    )
    spent = models.DecimalField(
        _("spent"), max_digits=12, decimal_places=0, default=0, validators=[MinValueValidator(0)]
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("repair item")
        verbose_name_plural = _("repair items")

    def __str__(self):
        return f"{self.year} {self.title}"
