"""Public petition pages: no login. Filing a petition (rate limited, honeypot) and looking up
its status with case number and password (the same answer for any mistake)."""

from django.db import transaction
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import View

from mishu.core import ratelimit
from mishu.core.models import Division

from .. import services
from ..choices import Channel
from ..forms import LookupForm, PublicPetitionForm

# Public filings land in 機要組's queue, which routes petitions to the mayor's office.
RECEIVING_DIVISION = "confidential"


class PublicFileView(View):
    """The public petition form; on success shows the case number and password once."""

    template_name = "petitions/public_form.html"

    def get(self, request):
        return render(request, self.template_name, {"form": PublicPetitionForm()})

    def post(self, request):
        form = PublicPetitionForm(request.POST)
        if not ratelimit.hit(request, "file"):
            form.is_valid()
            return render(
                request,
                self.template_name,
                {"form": form, "limited": _("Too many petitions from here; try again later.")},
                status=429,
            )
        if not form.is_valid():
            return render(request, self.template_name, {"form": form}, status=400)
        if form.cleaned_data["website"]:
            # A robot filled in the hidden field: answer as if filed, store nothing.
            return render(request, "petitions/public_thanks.html", {"number": None})
        data = form.cleaned_data
        with transaction.atomic():
            case, password = services.file_case(
                division=Division.objects.get(code=RECEIVING_DIVISION),
                with_password=True,
                channel=Channel.WEB,
                subject=data["subject"],
                body=data["body"],
                petitioner_name=data["name"],
                petitioner_contact=data["contact"],
                petitioner_address=data["address"],
            )
        return render(
            request,
            "petitions/public_thanks.html",
            {"number": case.number, "password": password, "deadline": case.deadline},
        )


class PublicLookupView(View):
    """Status look-up by case number and password."""

    template_name = "petitions/public_lookup.html"

    def get(self, request):
        return render(request, self.template_name, {"form": LookupForm()})

    def post(self, request):
        form = LookupForm(request.POST)
        ctx = {"form": form}
        if not ratelimit.hit(request, "lookup"):
            ctx["error"] = _("Too many attempts; try again later.")
            return render(request, self.template_name, ctx, status=429)
        if not form.is_valid():
            return render(request, self.template_name, ctx, status=400)
        case = services.check_case_password(
            form.cleaned_data["number"], form.cleaned_data["password"]
        )
        if case is None:
            ctx["error"] = _("No case matches this number and password.")
            return render(request, self.template_name, ctx, status=404)
        ctx["case"] = case
        return render(request, self.template_name, ctx)
