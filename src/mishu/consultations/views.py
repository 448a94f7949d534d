from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from mishu.core.views import generic

from . import filtersets, forms, models, services
from .choices import CounterCategory


def _views(model, form, filterset, columns):
    """The list and edit views of one record type."""
    list_view = type(
        f"{model.__name__}ListView",
        (generic.ObjectListView,),
        {"model": model, "filterset_class": filterset, "columns": columns},
    )
    edit_view = type(
        f"{model.__name__}EditView", (generic.ObjectEditView,), {"model": model, "form_class": form}
    )
    return list_view, edit_view


RECORDS = {
    models.CounterContact: _views(
        models.CounterContact,
        forms.CounterContactForm,
        filtersets.CounterContactFilterSet,
        ["date", "category", "count", "created_by", "division"],
    ),
    models.CoordinatedPetition: _views(
        models.CoordinatedPetition,
        forms.CoordinatedPetitionForm,
        filtersets.CoordinatedPetitionFilterSet,
        ["date", "kind", "count", "subject", "division"],
    ),
    models.ProfessionalConsultation: _views(
        models.ProfessionalConsultation,
        forms.ProfessionalConsultationForm,
        filtersets.ProfessionalConsultationFilterSet,
        ["date", "field", "count", "adviser", "division"],
    ),
    models.VolunteerService: _views(
        models.VolunteerService,
        forms.VolunteerServiceForm,
        filtersets.VolunteerServiceFilterSet,
        ["date", "persons_served", "leaflets", "trainings", "awards", "division"],
    ),
    models.NursingRoom: _views(
        models.NursingRoom,
        forms.NursingRoomForm,
        filtersets.NursingRoomFilterSet,
        ["name", "location", "opened_on", "closed_on", "division"],
    ),
    models.NursingRoomUse: _views(
        models.NursingRoomUse,
        forms.NursingRoomUseForm,
        filtersets.NursingRoomUseFilterSet,
        ["date", "room", "count", "division"],
    ),
}


class TallyView(LoginRequiredMixin, TemplateView):
    """The counter's tally screen: one button per category, one click per contact, and an undo
    for a wrong click (logged like every deletion)."""

    template_name = "consultations/tally.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        counts = services.today_counts(self.request.user)
        ctx["categories"] = [(c, CounterCategory(c).label, counts[c]) for c in counts]
        ctx["total"] = sum(counts.values())
        return ctx

    def post(self, request):
        form = forms.TallyForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Unknown category."))
            return redirect("consultations:tally")
        category = form.cleaned_data["category"]
        label = CounterCategory(category).label
        try:
            if form.cleaned_data["undo"]:
                if services.undo(request.user, category):
                    messages.info(request, _("Removed one: %(c)s") % {"c": label})
                else:
                    messages.error(request, _("Nothing to undo for %(c)s today.") % {"c": label})
            else:
                services.tally(request.user, category)
                messages.success(request, _("Counted: %(c)s") % {"c": label})
        except PermissionDenied:
            messages.error(request, _("You may not tally for this division."))
        return redirect("consultations:tally")
