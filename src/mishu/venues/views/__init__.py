"""Staff pages beyond the generic ones (booking approval, statistics, import) and the public
calendar; the public booking form and status look-up are in `public`."""

import datetime

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View

from mishu.core import formats
from mishu.core import permissions as rights
from mishu.core.views import generic
from mishu.core.views.imports import ObjectImportView

from .. import workflow
from ..models import Booking, BookingStatus
from ..services import fees, venues
from .public import BookingLookupView, BookingReceivedView, PublicBookingView  # noqa: F401


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
            [(a, *workflow.STEPS[a]) for a in workflow.actions_for(booking.status)]
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
        from mishu.core import charts, formats
        from mishu.core.filtersets import period_with_records

        from ..services.statistics import venue_statistics

        ctx = super().get_context_data(**kwargs)
        text = self.request.GET.get("period", "")
        try:
            period = formats.Period.parse(text, field=_("Period")) if text else None
        except formats.FormatError as exc:
            ctx["error"] = str(exc)
            period = None
        if period is None:  # the latest half-year with a booking the user sees
            bookings = Booking.objects.restrict(self.request.user, "view")
            period, ctx["period_is_latest_with_records"] = period_with_records(bookings, "starts")
        rows = venue_statistics(period, self.request.user)
        ctx.update(
            period=period,
            rows=rows,
            hours_chart=charts.bar_chart(
                "chart-venue-hours",
                gettext("Hours booked per venue"),
                [(str(s.venue), s.hours) for s in rows],
                unit=gettext(" h"),
                headers=(gettext("venue"), gettext("Hours booked")),
            ),
            bookings_chart=charts.bar_chart(
                "chart-venue-bookings",
                gettext("Approved bookings per venue"),
                [(str(s.venue), s.bookings) for s in rows],
                headers=(gettext("venue"), gettext("Bookings")),
            ),
        )
        return ctx


class BookingImportView(ObjectImportView):
    """Upload an agency's bookings (one row per event); nothing is written if a row is bad."""

    model = Booking
    template_name = "venues/booking_import.html"

    def dispatch(self, request, *args, **kwargs):
        from ..importing import BookingImporter

        self.importer = BookingImporter()  # one per upload: it remembers the file's rows
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["column_help"] = [(c, self.importer.HELP.get(c, "")) for c in self.importer.COLUMNS]
        return ctx
