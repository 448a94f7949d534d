"""Rentable spaces of City Hall, their rules and fees, and the bookings made for them."""

import datetime
import secrets
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mishu.core import formats
from mishu.core.models import DivisionScopedModel, UrlMixin


class Purpose(models.TextChoices):
    """The purposes City Hall venues are lent for (場地使用目的)."""

    PROMOTION = "promotion", _("Policy promotion")  # 政令宣導
    CHARITY = "charity", _("Charity")  # 公益
    CULTURE = "culture", _("Culture")  # 文化
    EDUCATION = "education", _("Social education")  # 社教


class ReportGroup(models.TextChoices):
    """How the report counts a venue's bookings (the members of `city_hall.venue_bookings`)."""

    ATRIUM = "1 樓中庭", _("1F atrium")
    PLAZA = "市民廣場", _("Citizens' plaza")
    OTHER = "其他周邊場地", _("Other spaces")


class Venue(UrlMixin, DivisionScopedModel):
    """A rentable space (1 樓中庭, 市民廣場, ...) with its booking rules."""

    name = models.CharField(_("name"), max_length=100)
    report_group = models.CharField(
        _("report group"), max_length=20, choices=ReportGroup.choices, default=ReportGroup.OTHER
    )
    opens = models.TimeField(_("bookable from"), default=datetime.time(8, 0))
    closes = models.TimeField(_("bookable until"), default=datetime.time(22, 0))
    # ISO weekdays (1 = Monday ... 7 = Sunday) on which the space is closed, e.g. "7"
    closed_weekdays = models.CharField(_("closed weekdays"), max_length=20, blank=True)
    max_days_ahead = models.PositiveIntegerField(_("bookable at most days ahead"), default=90)
    min_days_ahead = models.PositiveIntegerField(_("bookable at least days ahead"), default=7)
    purposes = models.CharField(
        _("purposes allowed"),
        max_length=100,
        default=",".join(Purpose.values),
        help_text=_("Comma-separated: promotion, charity, culture, education."),
    )
    fee_exempt_purposes = models.CharField(
        _("fee-exempt purposes for city agencies"),
        max_length=100,
        blank=True,
        default="promotion,charity",
        help_text=_(
            "Comma-separated. A city agency's booking for one of these purposes pays no fee; "
            "the public always pays the fee schedule."
        ),
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("venue")
        verbose_name_plural = _("venues")

    def __str__(self):
        return self.name

    @property
    def closed_days(self) -> set[int]:
        return {int(d) for d in self.closed_weekdays.replace(" ", "").split(",") if d.isdigit()}

    @property
    def purpose_list(self) -> list[str]:
        return [p.strip() for p in self.purposes.split(",") if p.strip()]

    @property
    def exempt_purpose_list(self) -> list[str]:
        return [p.strip() for p in self.fee_exempt_purposes.split(",") if p.strip()]

    def bookable_hours(self, start: datetime.date, end: datetime.date) -> Decimal:
        """Open hours between two dates (inclusive), skipping closed weekdays."""
        day_hours = Decimal(
            (
                datetime.datetime.combine(start, self.closes)
                - datetime.datetime.combine(start, self.opens)
            ).seconds
        ) / Decimal(3600)
        days = sum(
            1
            for n in range((end - start).days + 1)
            if (start + datetime.timedelta(n)).isoweekday() not in self.closed_days
        )
        return day_hours * days

    def clean(self):
        unknown = [
            p for p in self.purpose_list + self.exempt_purpose_list if p not in Purpose.values
        ]
        if unknown:
            raise ValidationError(
                {"purposes": _("Unknown purpose: %(p)s.") % {"p": ", ".join(unknown)}}
            )
        if self.opens >= self.closes:
            raise ValidationError({"closes": _("The closing time must be after the opening time.")})


class VenueRate(UrlMixin, DivisionScopedModel):
    """One line of a venue's fee schedule: a fee per session (半天/全天/晚間 ...) of `hours`.

    A booking pays the cheapest line: ceil(booking hours / session hours) sessions × the fee
    (see `services.fees`).
    """

    venue = models.ForeignKey(
        Venue, verbose_name=_("venue"), on_delete=models.CASCADE, related_name="rates"
    )
    label = models.CharField(_("label"), max_length=60)
    amount = models.DecimalField(
        _("fee"), max_digits=10, decimal_places=0, validators=[MinValueValidator(0)]
    )
    hours = models.DecimalField(
        _("session length (hours)"),
        max_digits=4,
        decimal_places=1,
        default=Decimal(4),
        validators=[MinValueValidator(Decimal("0.5"))],
        help_text=_("How long one session at this fee lasts, e.g. 4 for a half day."),
    )

    class Meta:
        ordering = ["venue", "amount"]
        verbose_name = _("venue rate")
        verbose_name_plural = _("venue rates")

    def __str__(self):
        return f"{self.venue} {self.label} {self.amount}"


class BookingStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    CANCELLED = "cancelled", _("Cancelled")


class ApplicantKind(models.TextChoices):
    PUBLIC = "public", _("Public")
    AGENCY = "agency", _("City agency")


REFERENCE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read over the phone


def new_reference() -> str:
    """A booking reference: `V`, the ROC year, six random letters, e.g. `V115-K7M2QX`."""
    return f"V{formats.roc_year(timezone.localdate())}-" + "".join(
        secrets.choice(REFERENCE_LETTERS) for _i in range(6)
    )


class Booking(UrlMixin, DivisionScopedModel):
    """An application to use a venue: who, what for, when; approval, fee, stage and AV loans.

    A booking that is applied for or approved holds its venue: another one overlapping it is
    refused (see `services.venues.check_conflicts`).
    """

    venue = models.ForeignKey(
        Venue, verbose_name=_("venue"), on_delete=models.PROTECT, related_name="bookings"
    )
    # what the applicant quotes to look the booking up (with their e-mail or phone)
    reference = models.CharField(
        _("booking reference"), max_length=16, unique=True, null=True, blank=True, editable=False
    )
    title = models.CharField(_("event title"), max_length=200)
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    applicant_kind = models.CharField(
        _("applicant kind"),
        max_length=10,
        choices=ApplicantKind.choices,
        default=ApplicantKind.PUBLIC,
    )
    applicant = models.CharField(_("applicant"), max_length=200)
    agency = models.ForeignKey(
        "core.Agency",
        verbose_name=_("agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    contact_name = models.CharField(_("contact person"), max_length=100, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    starts = models.DateTimeField(_("starts"))
    ends = models.DateTimeField(_("ends"))
    status = models.CharField(
        _("status"), max_length=12, choices=BookingStatus.choices, default=BookingStatus.APPLIED
    )
    fee = models.DecimalField(
        _("fee"), max_digits=10, decimal_places=0, default=0, validators=[MinValueValidator(0)]
    )
    # how the fee was computed from the venue's schedule (set on submission as an estimate and
    # again on approval): fee = fee_sessions × fee_rate, or 0 when fee_exempt
    fee_sessions = models.PositiveIntegerField(_("sessions charged"), default=0)
    fee_rate = models.DecimalField(
        _("fee per session"), max_digits=10, decimal_places=0, null=True, blank=True
    )
    fee_rate_label = models.CharField(_("fee schedule line"), max_length=60, blank=True)
    fee_exempt = models.BooleanField(_("fee-exempt"), default=False)
    fee_paid_on = models.DateField(_("fee paid on"), null=True, blank=True)
    stage = models.BooleanField(_("mobile stage lent"), default=False)
    av = models.BooleanField(_("lighting and sound lent"), default=False)
    saving = models.DecimalField(
        _("saving from stage and AV"),
        max_digits=10,
        decimal_places=0,
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("What the organiser would have paid to hire the stage and equipment."),
    )

    audit_mask = {"contact_name", "contact_phone", "contact_email"}

    class Meta:
        ordering = ["-starts"]
        indexes = [models.Index(fields=["venue", "starts"])]
        verbose_name = _("venue booking")
        verbose_name_plural = _("venue bookings")

    def __str__(self):
        return f"{self.venue} {formats.format_date_short(timezone.localtime(self.starts).date())} {self.title}"

    def save(self, *args, **kwargs):
        if not self.reference:
            self.reference = new_reference()
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        if self.starts and self.ends and self.ends <= self.starts:
            errors["ends"] = _("The end must be after the start.")
        if self.fee is not None and self.fee < 0:
            errors["fee"] = _("The fee cannot be negative.")
        if self.saving is not None and self.saving < 0:
            errors["saving"] = _("The saving cannot be negative.")
        if self.applicant_kind == ApplicantKind.AGENCY and not self.agency_id:
            errors["agency"] = _("Name the agency that applies.")
        if errors:
            raise ValidationError(errors)
        if self.venue_id and self.starts and self.ends:
            from .services.venues import check_conflicts

            check_conflicts(self)


class BookingEvent(models.Model):
    """A named workflow event of a booking (submitted, approved, rejected, cancelled)."""

    booking = models.ForeignKey(
        Booking, verbose_name=_("booking"), on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField(_("action"), max_length=20)
    at = models.DateTimeField(_("at"), auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("booking event")
        verbose_name_plural = _("booking events")

    def __str__(self):
        return f"{self.booking_id} {self.action}"
