"""Public petition pages: no login. Filing a petition (post/redirect/get with a one-time token,
rate limited on filings, honeypot), its confirmation, and looking up its status with case number
and password (the same answer for any mistake)."""

from django.db import transaction
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from mishu.core import publicforms, ratelimit
from mishu.core.models import Division

from .. import services
from ..choices import Channel
from ..forms import LookupForm, PublicPetitionForm
from ..models import PetitionCase

# Public filings land in 機要組's queue, which routes petitions to the mayor's office.
RECEIVING_DIVISION = "confidential"
SCOPE = "file"
# what this form's filing left in the citizen's session for the confirmation page
SESSION_KEY = "petitions.filed"

# A petition is handled under the agency's statutory duty (行政程序法 §168–173; 個資法 §15 (1)):
# the notice is due, consent is not asked for.
NOTICE = publicforms.Notice(
    purpose=gettext_lazy(
        "Handling and answering your petition (Administrative Procedure Act, Articles 168 to "
        "173), including transferring it to the competent agency."
    ),
    categories=gettext_lazy(
        "Identifying data: your name, telephone, e-mail and address, and what your petition "
        "says about you."
    ),
    period=gettext_lazy(
        "While the petition is handled, then for the retention period of its files under the "
        "Archives Act."
    ),
    recipients=gettext_lazy(
        "This Secretariat and the City Government agencies your petition is transferred to."
    ),
    consequence=gettext_lazy(
        "Without a name and a way to reach you we cannot reply, and an anonymous petition may "
        "not be handled (Administrative Procedure Act, Article 173)."
    ),
)


class PublicFileView(publicforms.PublicFormView):
    """The public petition form; a filing redirects to its confirmation page, so that a reload
    files nothing, and a form sent twice (double click, back button) files once."""

    template_name = "petitions/public_form.html"
    form_class = PublicPetitionForm
    scope, session_key, received_url = SCOPE, SESSION_KEY, "petitions:public_received"
    notice = NOTICE
    limited_message = gettext_lazy("Too many petitions from here; try again later.")

    def is_robot(self, form) -> bool:
        return bool(form.cleaned_data["website"])  # the hidden field a person never fills

    def file(self, form):
        data = form.cleaned_data
        with transaction.atomic():
            case, password = services.file_case(
                division=Division.objects.get(code=RECEIVING_DIVISION),
                with_password=True,
                channel=Channel.WEB,
                subject=data["subject"],
                body=data["body"],
                petitioner_name=data["name"],
                petitioner_contact=form.contact(),
                petitioner_address=data["address"],
            )
        # the password is shown on the confirmation page of this browser's session only
        return case.number, {"number": case.number, "password": password}


class PublicReceivedView(View):
    """The confirmation of a filing, read from the session: reloading it files nothing."""

    def get(self, request):
        filed = request.session.get(SESSION_KEY) or {}
        case = PetitionCase.objects.filter(number=filed.get("number") or "").first()
        ctx = {"number": None}
        if case is not None:
            ctx = {"number": case.number, "password": filed["password"], "deadline": case.deadline}
        return render(request, "petitions/public_thanks.html", ctx)


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
