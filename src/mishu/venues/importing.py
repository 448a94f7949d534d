"""Importing an agency's venue bookings from a table (CSV, XLSX, ODS), all or nothing."""

import datetime
import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mishu.core import formats
from mishu.core.imports import RowInvalid, cell_decimal, find_agency, references, require

from .models import ApplicantKind, Booking, BookingStatus, Purpose, Venue
from .services import fees, venues

YES = {"1", "yes", "true", "y", "是", "v"}

BOOKING_COLUMNS = (
    "venue",
    "title",
    "purpose",
    "agency",
    "applicant",
    "contact_name",
    "contact_phone",
    "contact_email",
    "date",
    "start",
    "end",
    "fee",
    "stage",
    "av",
)
BOOKING_REQUIRED = ("venue", "title", "purpose", "date", "start", "end")
BOOKING_EXAMPLE = (
    "市民廣場",
    "反詐騙宣導活動",
    "政令宣導",
    "臺北市政府警察局",
    "",
    "王小姐",
    "02-2720-8889",
    "wang@example.gov.tw",
    "108/9/10",
    "09:00",
    "13:00",
    "",
    "否",
    "否",
)
# what each column holds, shown on the upload page
BOOKING_HELP = {
    "venue": gettext_lazy("The venue's name, as on the venue list."),
    "title": gettext_lazy("The event's title."),
    "purpose": gettext_lazy(
        "政令宣導, 公益, 文化 or 社教 (or promotion, charity, culture, education)."
    ),
    "agency": gettext_lazy(
        "The applying city agency (name, short name or code); blank for the public."
    ),
    "applicant": gettext_lazy("The applying organisation; required when no agency is given."),
    "contact_name": gettext_lazy("Contact person."),
    "contact_phone": gettext_lazy("Contact phone."),
    "contact_email": gettext_lazy("Contact e-mail: the approval or rejection is sent there."),
    "date": gettext_lazy("The day, e.g. 108/9/10 or 2019-09-10."),
    "start": gettext_lazy("From, e.g. 09:00."),
    "end": gettext_lazy("Until, e.g. 13:00 (the same day)."),
    "fee": gettext_lazy(
        "Optional: the fee you expect; checked against the fee schedule (blank: computed)."
    ),
    "stage": gettext_lazy("Mobile stage wanted: 是 / 否."),
    "av": gettext_lazy("Lighting and sound wanted: 是 / 否."),
}
TIME_RE = re.compile(r"(\d{1,2})[:：](\d{2})(?::\d{2})?")


def _time(text: str, col: str) -> datetime.time:
    match = TIME_RE.fullmatch(formats.to_halfwidth(text).strip())
    try:
        if match:
            return datetime.time(int(match[1]), int(match[2]))
    except ValueError:
        pass
    raise RowInvalid(
        _("%(col)s must be a time such as 09:00, not “%(v)s”.") % {"col": col, "v": text}, col
    )


def _purpose(text: str) -> str:
    text = text.strip()
    for value, label in Purpose.choices:
        with translation.override("zh-hant"):
            zh = str(label)
        with translation.override("en"):
            en = str(label)
        if text.lower() in (value, en.lower()) or text == zh:
            return value
    raise RowInvalid(_("Unknown purpose “%(v)s”.") % {"v": text}, "purpose")


class BookingImporter:
    """`prepare(row, user)` → an unsaved, checked application; `write(bookings)` submits them.

    Each row goes through the public form's checks (the venue's rules, overlap with bookings
    already held and with the file's earlier rows, a fee that is not negative). The bookings are
    written as applications (申請中) with the fee estimated from the schedule; staff approve them.
    """

    COLUMNS, REQUIRED, EXAMPLE, HELP = (
        BOOKING_COLUMNS,
        BOOKING_REQUIRED,
        BOOKING_EXAMPLE,
        BOOKING_HELP,
    )

    def __init__(self, today: datetime.date | None = None):
        self.today = today
        self.accepted: list[Booking] = []

    def prepare(self, row: dict, user) -> Booking:
        row = {k: (v or "").strip() if isinstance(v, str) else v for k, v in row.items()}
        require(row, BOOKING_REQUIRED)
        venue = references(Venue, user).filter(name=row["venue"]).first()
        if venue is None:
            raise RowInvalid(_("Unknown venue “%(v)s”.") % {"v": row["venue"]}, "venue")
        agency = None
        if row.get("agency"):
            agency = find_agency(row["agency"], english=True)
        elif not row.get("applicant"):
            raise RowInvalid(_("Give the applicant or the agency."), "applicant")
        text = re.sub(r"[ T]00:00(:00)?$", "", row["date"])
        try:
            day = formats.parse_date(text, field="date")
        except formats.FormatError as exc:
            raise RowInvalid(str(exc), "date") from exc
        tz = timezone.get_current_timezone()
        booking = Booking(
            division=venue.division,
            venue=venue,
            title=row["title"][:200],
            purpose=_purpose(row["purpose"]),
            applicant_kind=ApplicantKind.AGENCY if agency else ApplicantKind.PUBLIC,
            agency=agency,
            applicant=(row.get("applicant") or (agency.name if agency else ""))[:200],
            contact_name=(row.get("contact_name") or "")[:100],
            contact_phone=(row.get("contact_phone") or "")[:40],
            contact_email=row.get("contact_email") or "",
            starts=datetime.datetime.combine(day, _time(row["start"], "start"), tzinfo=tz),
            ends=datetime.datetime.combine(day, _time(row["end"], "end"), tzinfo=tz),
            stage=(row.get("stage") or "").lower() in YES,
            av=(row.get("av") or "").lower() in YES,
            status=BookingStatus.APPLIED,
        )
        expected = self._fee(row)
        try:
            if expected is not None:
                booking.fee = expected  # a negative one is refused by the model's rules
            venues.check_rules(booking, self.today)
            booking.full_clean()
            self._check_file_overlap(booking)
        except ValidationError as exc:
            raise _row_error(exc) from None
        quote = fees.quote(booking)
        if expected is not None and expected != quote.fee:
            raise RowInvalid(
                _("The fee %(fee)s differs from the fee schedule's: %(basis)s.")
                % {"fee": f"{expected:,.0f}", "basis": quote},
                "fee",
            )
        self.accepted.append(booking)
        return booking

    @staticmethod
    def _fee(row) -> Decimal | None:
        row = {**row, "fee": (row.get("fee") or "").replace("NT$", "")}
        return cell_decimal(row, "fee", negative=False, field=Booking._meta.get_field("fee"))

    def _check_file_overlap(self, booking: Booking) -> None:
        for other in self.accepted:
            if (
                other.venue_id == booking.venue_id
                and other.starts < booking.ends
                and other.ends > booking.starts
            ):
                raise ValidationError(
                    {
                        "start": _("Overlaps “%(title)s” in an earlier row of this file.")
                        % {"title": other.title}
                    }
                )

    def write(self, bookings: list[Booking]) -> int:
        """Submit each application (its fee estimated, the venue locked, the event logged)."""
        for booking in bookings:
            venues.submit(booking, today=self.today)
        return len(bookings)


# the booking's field a model error names → the file's column
FIELD_COLUMN = {"starts": "start", "ends": "end"}


def _row_error(exc: ValidationError) -> RowInvalid:
    if hasattr(exc, "error_dict"):
        items = [(f, m) for f, msgs in exc.message_dict.items() for m in msgs]
    else:
        items = [("", m) for m in exc.messages]
    column = FIELD_COLUMN.get(items[0][0], items[0][0]) if items else ""
    if column == "__all__":
        column = ""
    return RowInvalid(" ".join(m for _f, m in items), column)
