"""What petitions put in the inbox (core.inbox): the open cases a clerk filed or worked on and
the unit's new cases nobody has routed yet (待辦), clerks' extension requests for a supervisor
(待核), and the unit's open cases past their deadline (逾期). Cases carry no personal data here."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mishu.core import inbox

from . import services, workflow
from .choices import Status
from .models import ExtensionRequest, PetitionCase, PetitionEvent
from .reminders import warn_workdays


def _case(case: PetitionCase) -> inbox.Item:
    return inbox.Item(
        kind=str(_("Petition case")),
        title=f"{case.number} {case.subject}",
        url=case.get_absolute_url(),
        deadline=case.deadline,
        note=case.get_status_display(),
        remind_within=warn_workdays(),
    )


def _open(user, action="change"):
    return PetitionCase.objects.restrict(user, action).filter(status__in=workflow.OPEN)


def mine(user, today) -> inbox.Part:
    worked_on = PetitionEvent.objects.filter(user=user).values("case")
    qs = _open(user).filter(Q(created_by=user) | Q(pk__in=worked_on) | Q(status=Status.RECEIVED))
    return inbox.part(inbox.by_due(qs), _case)


def _request(ext: ExtensionRequest) -> inbox.Item:
    case = ext.case
    return inbox.Item(
        kind=str(_("Extension request")),
        title=f"{case.number} {case.subject}",
        url=case.get_absolute_url(),
        deadline=case.deadline,
        note=_("%(days)s working days: %(reason)s") % {"days": ext.days, "reason": ext.reason},
        remind_within=warn_workdays(),
    )


def review(user, today) -> inbox.Part:
    qs = services.pending_extensions(user).select_related("case").order_by("case__deadline")
    return inbox.part(qs, _request)


def overdue(user, today) -> inbox.Part:
    return inbox.unit_overdue(_open(user, "view"), user, today, _case)


PROVIDER = inbox.Provider("petitions", mine=mine, review=review, overdue=overdue)
