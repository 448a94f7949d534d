"""Reminders of petition cases near or past their deadline, by e-mail to the competent agency's
contact and to the supervisors of the owning division. A case is reminded at most once a day."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.utils import timezone
from django.utils.translation import gettext as _

from mishu.core import formats
from mishu.core.workdays import office_calendar

from . import workflow
from .choices import EventAction
from .models import AgencyContact, PetitionCase, PetitionEvent

DEFAULT_WARN_WORKDAYS = 1


def warn_workdays() -> int:
    """How many working days before the deadline a case counts as near it."""
    conf = getattr(settings, "MISHU", {}) or {}
    return int(conf.get("PETITION_REMINDER_WORKDAYS", DEFAULT_WARN_WORKDAYS))


def due_cases(today: datetime.date):
    """Open cases whose deadline is past or within the warning window."""
    horizon = office_calendar().add_workdays(today, warn_workdays())
    return (
        PetitionCase.objects.filter(status__in=workflow.OPEN, deadline__lte=horizon)
        .exclude(  # reminded already today (real time, whatever `today` is being checked)
            pk__in=PetitionEvent.objects.filter(
                action=EventAction.REMINDED, at__date=timezone.localdate()
            ).values("case")
        )
        .select_related("agency", "division")
    )


def recipients(case: PetitionCase) -> list[str]:
    """The agency's contact and the owning division's supervisors."""
    emails = []
    contact = (
        AgencyContact.objects.filter(agency=case.agency_id).first() if case.agency_id else None
    )
    if contact:
        emails.append(contact.email)
    supervisors = get_user_model().objects.filter(
        division=case.division_id, roles__code="supervisor", is_active=True
    )
    emails += [u.email for u in supervisors if u.email]
    return sorted(set(emails))


def send(today: datetime.date | None = None) -> int:
    """Send today's reminders; returns how many cases were reminded."""
    today = today or timezone.localdate()
    sent = 0
    for case in due_cases(today):
        to = recipients(case)
        if not to:
            continue
        late = case.deadline < today
        subject = (_("Past deadline: %(n)s") if late else _("Deadline near: %(n)s")) % {
            "n": case.number
        }
        body = _("Case %(n)s (%(s)s) is due on %(d)s.") % {
            "n": case.number,
            "s": case.subject,
            "d": formats.format_date(case.deadline),
        }
        send_mail(subject, body, None, to)
        PetitionEvent.objects.create(
            case=case, action=EventAction.REMINDED, to_status=case.status, note=", ".join(to)
        )
        sent += 1
    return sent
