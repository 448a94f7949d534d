"""The public's venue pages (no login): the booking form (post/redirect/get with a one-time
token, rate limited on applications, not on mistakes), its confirmation with the booking
reference, and the status look-up by reference and the applicant's e-mail or telephone."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from mishu.core import publicforms, ratelimit
from mishu.core.forms import RocDateField

from ..models import ApplicantKind, Booking, Purpose, Venue
from ..services import fees, venues

SCOPE = "booking"
SESSION_KEY = "venues.booked"
_CONTACT = publicforms.contact_widgets()

# The event's title, organiser and venue are published on the venue calendar: a use the
# applicant consents to (個資法 §15 (2), §16), hence the checkbox.
NOTICE = publicforms.Notice(
    purpose=_(
        "Reviewing and managing your venue application, its fees and the use of the venue, "
        "and contacting you about it; the event title, organiser and venue are shown on the "
        "public venue calendar."
    ),
    categories=_("Identifying data: the contact person's name, telephone and e-mail."),
    period=_(
        "While the booking is handled and the venue used, then for the retention period of its "
        "files under the Archives Act."
    ),
    recipients=_("This Secretariat's City Hall Management Center."),
    consequence=_("Without these details we cannot review your application."),
    consent=True,
)


class PublicBookingForm(publicforms.ConsentForm):
    """The public's application for a venue: one event on one day."""

    venue = forms.ModelChoiceField(Venue.objects.filter(active=True), label=_("venue"))
    title = forms.CharField(label=_("event title"), max_length=200)
    purpose = forms.ChoiceField(label=_("purpose"), choices=Purpose.choices)
    applicant = forms.CharField(
        label=_("applicant (organisation)"), max_length=200, widget=_CONTACT["organization"]
    )
    contact_name = forms.CharField(
        label=_("contact person"), max_length=100, widget=_CONTACT["name"]
    )
    contact_phone = forms.CharField(label=_("contact phone"), max_length=40, widget=_CONTACT["tel"])
    contact_email = forms.EmailField(label=_("contact e-mail"), widget=_CONTACT["email"])
    date = RocDateField(label=_("date"))
    start = forms.TimeField(label=_("from"), widget=forms.TimeInput(attrs={"type": "time"}))
    end = forms.TimeField(label=_("until"), widget=forms.TimeInput(attrs={"type": "time"}))

    field_order = [
        "venue",
        "title",
        "purpose",
        "applicant",
        "contact_name",
        "contact_phone",
        "contact_email",
        "date",
        "start",
        "end",
        "consent",
    ]
    FIELD_OF = {
        "starts": "date",
        "ends": "end",
        "venue": "venue",
        "purpose": "purpose",
        "fee": "__all__",
    }

    def booking(self) -> Booking:
        d = self.cleaned_data
        tz = timezone.get_current_timezone()
        venue = d["venue"]
        return Booking(
            division=venue.division,
            venue=venue,
            title=d["title"],
            purpose=d["purpose"],
            applicant_kind=ApplicantKind.PUBLIC,
            applicant=d["applicant"],
            contact_name=d["contact_name"],
            contact_phone=d["contact_phone"],
            contact_email=d["contact_email"],
            starts=datetime.datetime.combine(d["date"], d["start"], tzinfo=tz),
            ends=datetime.datetime.combine(d["date"], d["end"], tzinfo=tz),
        )

    def add_service_errors(self, exc: ValidationError) -> None:
        """The service's refusal on the fields it concerns; a clash says only that the time is
        taken, never whose event holds it."""
        by_field = getattr(exc, "error_dict", None) or {None: exc.error_list}
        for name, errors in by_field.items():
            target = self.FIELD_OF.get(name)
            for error in errors:
                if error.code == venues.CLASH:
                    text = gettext(
                        "%(venue)s is already booked at that time; please choose another time "
                        "or venue (see the venue calendar)."
                    ) % {"venue": self.cleaned_data["venue"]}
                else:
                    text = " ".join(error.messages)
                self.add_error(target if target in self.fields else None, text)


class PublicBookingView(publicforms.PublicFormView):
    """The public booking form (no login): checked against the venue's rules and bookings."""

    template_name = "venues/public_booking.html"
    form_class = PublicBookingForm
    scope, session_key, received_url = SCOPE, SESSION_KEY, "venues:book_received"
    notice = NOTICE
    limited_message = _(
        "Too many applications from your connection; please try again in an hour "
        "or call the City Hall Management Center."
    )

    def file(self, form):
        booking = venues.submit(form.booking())
        return booking.reference, booking.reference

    def refused(self, form, exc):
        form.add_service_errors(exc)


class BookingReceivedView(TemplateView):
    """The confirmation of an application, read from the session: a reload files nothing."""

    template_name = "venues/public_booking_received.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        reference = self.request.session.get(SESSION_KEY) or ""
        booking = Booking.objects.select_related("venue").filter(reference=reference).first()
        if booking is not None:
            ctx.update(
                booking=booking, fee_basis=fees.basis(booking), fee_text=f"{booking.fee:,.0f}"
            )
        return ctx


class BookingLookupForm(forms.Form):
    """The status look-up: the booking reference and the applicant's e-mail or telephone."""

    reference = forms.CharField(
        label=_("booking reference"),
        max_length=16,
        help_text=_("As shown when you applied, e.g. V115-K7M2QX."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    contact = forms.CharField(
        label=_("contact e-mail or phone"),
        max_length=150,
        help_text=_("The e-mail address or telephone number given in the application."),
        widget=forms.TextInput(attrs={"autocomplete": "email"}),
    )


class BookingLookupView(FormView):
    """Look up a booking's status; every attempt counts toward the limit (a guess is an
    attempt), and any mistake gets the same answer."""

    template_name = "venues/public_booking_status.html"
    form_class = BookingLookupForm

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if not ratelimit.hit(request, "booking_lookup"):
            error = gettext("Too many attempts; try again later.")
            return self.render_to_response(
                self.get_context_data(form=form, error=error), status=429
            )
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        booking = venues.find_for_applicant(
            form.cleaned_data["reference"], form.cleaned_data["contact"]
        )
        if booking is None:
            error = gettext(
                "No booking matches this reference and e-mail or telephone. Please check both."
            )
            return self.render_to_response(
                self.get_context_data(form=form, error=error), status=404
            )
        return self.render_to_response(self.get_context_data(form=form, booking=booking))
