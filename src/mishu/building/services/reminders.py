"""Overdue and near statutory inspections and maintenance (MaintenanceTask): the daily reminder.

A task is *overdue* when it is not done and its due date has passed, *near* when it is not done
and due within `NEAR_DAYS` days. Each run e-mails, once per person, every active clerk and
supervisor of the task's division the list of their division's overdue and near tasks.
"""

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

from ..models import MaintenanceTask

NEAR_DAYS = 7


def open_tasks(today: datetime.date, qs=None):
    """Tasks not done and due by `today + NEAR_DAYS` (the overdue ones first)."""
    qs = MaintenanceTask.objects.all() if qs is None else qs
    return qs.filter(
        done_on__isnull=True, due_on__lte=today + datetime.timedelta(days=NEAR_DAYS)
    ).order_by("due_on", "title")


def recipients(division_id) -> list:
    User = get_user_model()
    return list(
        User.objects.filter(
            Q(roles__code__in=[RoleCode.CLERK, RoleCode.SUPERVISOR]),
            division_id=division_id,
            is_active=True,
        )
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def _line(task: MaintenanceTask, today: datetime.date) -> str:
    if task.is_overdue(today):
        state = _("overdue by %(n)s days") % {"n": (today - task.due_on).days}
    else:
        state = _("due in %(n)s days") % {"n": (task.due_on - today).days}
    return f"{format_date(task.due_on)} {task.get_system_display()} {task.title} — {state}"


def send_reminders(today: datetime.date | None = None) -> int:
    """E-mail each division's clerks and supervisors its overdue and near tasks, once per
    person; returns the number of e-mails sent."""
    today = today or timezone.localdate()
    by_division = defaultdict(list)
    for task in open_tasks(today):
        by_division[task.division_id].append(task)
    per_person: dict = {}
    for division_id, tasks in by_division.items():
        for person in recipients(division_id):
            per_person.setdefault(person, []).extend(tasks)
    sent = 0
    with translation.override("zh-hant"):
        for person, tasks in per_person.items():
            overdue = [t for t in tasks if t.is_overdue(today)]
            near = [t for t in tasks if not t.is_overdue(today)]
            lines = [_("Inspections and maintenance as of %(d)s:") % {"d": format_date(today)}]
            if overdue:
                lines += ["", _("Overdue:"), *(_line(t, today) for t in overdue)]
            if near:
                lines += ["", _("Due within %(n)s days:") % {"n": NEAR_DAYS}]
                lines += [_line(t, today) for t in near]
            lines += ["", _("List: %(url)s") % {"url": reverse("building:maintenance_overdue")}]
            subject = _("Mishu: %(o)s overdue and %(n)s near inspections and maintenance") % {
                "o": len(overdue),
                "n": len(near),
            }
            send_mail(subject, "\n".join(lines), None, [person.email])
            sent += 1
    return sent
