"""The daily reminder of overdue trip reports: every active clerk and supervisor of the trip's
division gets, once per run, the list of their division's trips whose report (due three months
after return) has not been submitted."""

import datetime
from collections import defaultdict

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mishu.core.choices import RoleCode
from mishu.core.formats import format_date

from .services import overdue_trips


def _recipients(division_id) -> list:
    return list(
        get_user_model()
        .objects.filter(
            Q(roles__code__in=[RoleCode.CLERK, RoleCode.SUPERVISOR]),
            division_id=division_id,
            is_active=True,
        )
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def send_reminders(today: datetime.date | None = None) -> int:
    """E-mail each division's clerks and supervisors its overdue trip reports; returns the
    number of e-mails sent."""
    today = today or timezone.localdate()
    by_division = defaultdict(list)
    for trip in overdue_trips(today):
        by_division[trip.division_id].append(trip)
    sent = 0
    with translation.override("zh-hant"):
        for division_id, trips in by_division.items():
            lines = [_("Trip reports overdue as of %(d)s:") % {"d": format_date(today)}, ""]
            lines += [
                _("%(trip)s — due %(due)s, overdue by %(n)s days")
                % {"trip": t, "due": format_date(t.report_due), "n": (today - t.report_due).days}
                for t in trips
            ]
            lines += ["", _("List: %(url)s") % {"url": reverse("international:trip_overdue")}]
            subject = _("Mishu: %(n)s trip reports overdue") % {"n": len(trips)}
            for person in _recipients(division_id):
                send_mail(subject, "\n".join(lines), None, [person.email])
                sent += 1
    return sent
