"""Staff pages beyond the generic ones (booking approval, statistics, import) and the public pages
(booking form, calendar)."""

import datetime

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View

from mishu.core import formats, ratelimit
from mishu.core import permissions as rights
from mishu.core.forms import RocDateField
from mishu.core.views import generic
from mishu.core.views.imports import ObjectImportView

from . import workflow
from .models import ApplicantKind, Booking, BookingStatus, Purpose, Venue
from .services import fees, venues


class BookingDetailView(generic.ObjectDetailView):
    """A booking with its workflow events and the actions open to it."""

    model = Booking
    template_name = "venues/booking_detail.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        booking = ctx["object"]
        ctx["events"] = booking.events.all()
        ctx["fee_basis"] = fees.basis(booking)
        ctx["fee_text"] = f"{booking.fee:,.0f}"
        if booking.status in workflow.HOLDING:
            quote = fees.quote(booking)
            if quote.fee != booking.fee:  # the schedule or the times changed since
                ctx["quote_text"] = f"{quote.fee:,.0f}"
        ctx["actions"] = (
            [(a, workflow.TRANSITIONS[a][2]) for a in workflow.actions_for(booking.status)]
            if rights.can(self.request.user, rights.CHANGE, booking)
            else []
        )
        return ctx


class BookingTransitionView(generic.ModelViewMixin, View):
    """POST `action` (approve, reject, cancel) to move a booking along its workflow."""

    model = Booking
    action = rights.CHANGE

    def post(self, request, pk):
        booking = self.get_object()
        if not rights.can(request.user, rights.CHANGE, booking):
            raise PermissionDenied
        step = request.POST.get("action", "")
        try:
            if step not in workflow.TRANSITIONS or step == "submit":
                raise ValidationError(gettext("Unknown action “%(a)s”.") % {"a": step})
            venues.transition(booking, step, request.user, request.POST.get("note", "")[:300])
            messages.success(
                request, gettext("Booking %(s)s.") % {"s": booking.get_status_display()}
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        return redirect(booking.get_absolute_url())


class PublicBookingForm(forms.Form):
    """The public's application for a venue: one event on one day."""

    venue = forms.ModelChoiceField(Venue.objects.filter(active=True), label=_("venue"))
    title = forms.CharField(label=_("event title"), max_length=200)
    purpose = forms.ChoiceField(label=_("purpose"), choices=Purpose.choices)
    applicant = forms.CharField(label=_("applicant (organisation)"), max_length=200)
    contact_name = forms.CharField(label=_("contact person"), max_length=100)
    contact_phone = forms.CharField(label=_("contact phone"), max_length=40)
    contact_email = forms.EmailField(label=_("contact e-mail"))
    date = RocDateField(label=_("date"))
    start = forms.TimeField(label=_("from"), widget=forms.TimeInput(attrs={"type": "time"}))
    end = forms.TimeField(label=_("until"), widget=forms.TimeInput(attrs={"type": "time"}))

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


class PublicBookingView(FormView):
    """The public booking form (no login): checked against the venue's rules and bookings."""

    template_name = "venues/public_booking.html"
    form_class = PublicBookingForm

    def post(self, request, *args, **kwargs):
        # every attempt counts, valid or not: a robot cannot probe the form without limit
        if not ratelimit.hit(request, "booking"):
            form = self.get_form()
            form.is_valid()  # keep what was typed on the page
            limited = gettext(
                "Too many applications from your connection; please try again in an hour "
                "or call the City Hall Management Center."
            )
            return self.render_to_response(
                self.get_context_data(form=form, limited=limited), status=429
            )
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            booking = venues.submit(form.booking())
        except ValidationError as exc:
            for name, errors in exc.message_dict.items():
                target = form.FIELD_OF.get(name, None)
                for error in errors:
                    form.add_error(target if target in form.fields else None, error)
            return self.form_invalid(form)
        return self.render_to_response(
            self.get_context_data(
                form=None,
                booking=booking,
                fee_basis=fees.basis(booking),
                fee_text=f"{booking.fee:,.0f}",
            )
        )


class CalendarView(TemplateView):
    """The month's bookings per day (public: titles and venues only), `?month=2019-07`."""

    template_name = "venues/calendar.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        text = self.request.GET.get("month", "")
        try:
            first = datetime.date.fromisoformat(f"{text}-01") if text else None
            if first and not formats.in_range(first):
                raise ValueError(text)  # so that its neighbouring months exist too
        except ValueError:
            ctx["error"] = gettext("Give the month as YYYY-MM, e.g. 2019-07.")
            first = None
        first = first or timezone.localdate().replace(day=1)
        nxt = (first + datetime.timedelta(days=32)).replace(day=1)
        qs = (
            Booking.objects.filter(
                status__in=workflow.HOLDING, starts__date__gte=first, starts__date__lt=nxt
            )
            .select_related("venue")
            .order_by("starts")
        )
        days = {}
        for b in qs:
            days.setdefault(timezone.localtime(b.starts).date(), []).append(b)
        ctx.update(
            month=first,
            days=sorted(days.items()),
            prev=(first - datetime.timedelta(days=1)).replace(day=1),
            next=nxt,
            approved=BookingStatus.APPROVED,
        )
        return ctx


class VenueStatisticsView(LoginRequiredMixin, TemplateView):
    """Per-venue bookings, hours, fees and utilisation for `?period=108H2`."""

    template_name = "venues/statistics.html"

    def get_context_data(self, **kwargs):
        from mishu.core import formats

        from .services.statistics import local_period_default, venue_statistics

        ctx = super().get_context_data(**kwargs)
        text = self.request.GET.get("period", "")
        try:
            period = formats.Period.parse(text, field=_("Period")) if text else None
        except formats.FormatError as exc:
            ctx["error"] = str(exc)
            period = None
        period = period or local_period_default()
        ctx.update(period=period, rows=venue_statistics(period, self.request.user))
        return ctx


class BookingImportView(ObjectImportView):
    """Upload an agency's bookings (one row per event); nothing is written if a row is bad."""

    model = Booking
    template_name = "venues/booking_import.html"

    def dispatch(self, request, *args, **kwargs):
        from .importing import BookingImporter

        self.importer = BookingImporter()  # one per upload: it remembers the file's rows
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["column_help"] = [(c, self.importer.HELP.get(c, "")) for c in self.importer.COLUMNS]
        return ctx
