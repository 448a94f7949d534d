"""Timeliness control pages: the near/past-deadline and >27-day lists, the monthly statistics
per unit, and the user's in-app reminders."""

import datetime

from django.contrib.auth.mixins import LoginRequiredMixin
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from mishu.core import formats
from mishu.core.exports import FORMATS, export_response

from .. import timeliness
from ..models import Document, Reminder
from .register import DocumentListView


class TimelinessListView(DocumentListView):
    """The register filtered to a control list (past deadline unless another is chosen)."""

    def filtered(self):
        if "control" not in self.request.GET:
            query = self.request.GET.copy()
            query["control"] = "overdue"
            self.request.GET = query
        return super().filtered()


class MonthlyTimelinessView(LoginRequiredMixin, TemplateView):
    """Per unit, for a month (`?month=108-07`, default last month) or any period code."""

    template_name = "documents/timeliness.html"

    def period(self):
        text = self.request.GET.get("month")
        if text:
            try:
                return formats.Period.parse(text, field=_("month")), None
            except formats.FormatError as exc:
                error = str(exc)
        else:
            error = None
        first = datetime.date.today().replace(day=1) - datetime.timedelta(days=1)
        return formats.Period.for_date("month", first), error

    def rows(self, period):
        qs = Document.objects.restrict(self.request.user, "view")
        return timeliness.by_unit(qs, period)

    def get(self, request, *args, **kwargs):
        fmt = request.GET.get("export")
        if fmt in FORMATS:
            period, _error = self.period()
            header = [
                _("unit"),
                _("closed"),
                _("on time"),
                _("overdue"),
                _("on-time rate"),
                _("mean working days used"),
                _("open past deadline"),
            ]
            body = [
                [
                    str(r.division),
                    r.closed,
                    r.on_time,
                    r.overdue,
                    r.on_time_rate,
                    r.mean_days,
                    r.open_overdue,
                ]
                for r in self.rows(period)
            ]
            return export_response(
                fmt,
                f"timeliness-{period.code}",
                header,
                body,
                title=f"{_('Monthly timeliness')}_{period.label}",
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        period, error = self.period()
        ctx.update(
            period=period,
            error=error,
            rows=self.rows(period),
            export_formats=FORMATS,
            received_chart=self.received_chart(period),
        )
        return ctx

    def received_chart(self, period):
        """Documents received in each of the twelve months up to the period's end, as the
        report counts them (the indicator documents.received)."""
        from mishu.core import charts
        from mishu.indicators import registry

        months = [formats.Period.for_date("month", period.end)]
        while len(months) < 12:
            months.insert(0, months[0].previous())
        return charts.bar_chart(
            "chart-documents-received",
            _("Documents received per month"),
            [(m.label, registry.value("documents.received", m, self.request.user)) for m in months],
            unit="件",
            headers=(_("Month"), _("received")),
        )


class RemindersView(LoginRequiredMixin, TemplateView):
    """The reminders the daily job left for the user."""

    template_name = "documents/reminders.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["reminders"] = Reminder.objects.filter(user=self.request.user).select_related(
            "document"
        )[:200]
        return ctx
