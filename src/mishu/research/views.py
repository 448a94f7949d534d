"""Pages beyond the generic ones: a phone test's checks, a training session's attendance."""

from django.db.models import Sum

from mishu.core import permissions as rights
from mishu.core.views import generic
from mishu.core.views.imports import ObjectImportView

from .choices import Check
from .importing import PhoneTestImporter
from .models import PhoneTest, TrainingSession


class PhoneTestDetailView(generic.ObjectDetailView):
    """A phone test with each check passed or failed."""

    model = PhoneTest
    template_name = "research/phonetest_detail.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        checks = ctx["object"].checks or {}
        ctx["checks"] = [(label, checks.get(code)) for code, label in Check.choices]
        return ctx


class TrainingDetailView(generic.ObjectDetailView):
    """A training session with its attendance per unit."""

    model = TrainingSession
    template_name = "research/trainingsession_detail.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        rows = ctx["object"].attendance.restrict(self.request.user, rights.VIEW)
        ctx["attendance"] = rows
        ctx["persons"] = rows.aggregate(n=Sum("persons"))["n"]
        return ctx


class PhoneTestImportView(ObjectImportView):
    """Upload phone tests; nothing is written if a row is bad, and every bad row is listed."""

    model = PhoneTest
    importer = PhoneTestImporter()
