"""Write logic of the international affairs records: the grant workflow and overdue trip
reports (the one place that changes a grant's status)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from . import workflow
from .choices import MeetingKind
from .models import GrantApplication, GrantEvent, Trip


class TransitionError(ValidationError):
    """The action is not open to the application, or misses what it needs."""


def transition(app: GrantApplication, action: str, user=None, note: str = "", **data):
    """Move a grant application along the workflow, setting what the action records
    (review meeting, decision date and amount; memo number; payment date and amount) and
    logging the step. Raises TransitionError (with messages in the user's language)."""
    if action not in workflow.TRANSITIONS:
        raise TransitionError(_("Unknown action “%(a)s”.") % {"a": action})
    if not workflow.allowed(action, app.status):
        raise TransitionError(
            _("An application that is %(status)s cannot take this step.")
            % {"status": app.get_status_display()}
        )
    missing = [f for f in workflow.REQUIRES[action] if data.get(f) in (None, "")]
    if missing:
        labels = "、".join(str(GrantApplication._meta.get_field(f).verbose_name) for f in missing)
        raise TransitionError(_("This step needs: %(f)s.") % {"f": labels})
    errors = {}
    meeting = data.get("review_meeting")
    if meeting is not None and (
        meeting.division_id != app.division_id or meeting.kind != MeetingKind.REVIEW
    ):
        errors["review_meeting"] = _("Choose one of the division's review meetings.")
    decided = data.get("decided_on")
    if decided and decided < app.applied_on:
        errors["decided_on"] = _("The decision cannot precede the application.")
    paid_amount = data.get("paid_amount")
    if paid_amount is not None and app.approved_amount is not None:
        if paid_amount > app.approved_amount:
            errors["paid_amount"] = _("The payment cannot exceed the amount approved.")
    paid_on = data.get("paid_on")
    if paid_on and app.decided_on and paid_on < app.decided_on:
        errors["paid_on"] = _("The payment cannot precede the decision.")
    for name in ("approved_amount", "paid_amount"):
        if data.get(name) is not None and data[name] < 0:
            errors[name] = _("The amount cannot be negative.")
    if errors:
        raise TransitionError(errors)
    with transaction.atomic():
        before = app.status
        for name in workflow.REQUIRES[action]:
            setattr(app, name, data[name])
        if action == "special":
            app.special = True
        app.status = workflow.TRANSITIONS[action][1]
        app.save()
        GrantEvent.objects.create(
            application=app,
            action=action,
            from_status=before,
            to_status=app.status,
            user=user if getattr(user, "is_authenticated", False) else None,
            note=note[:300],
        )
    return app


def overdue_trips(today: datetime.date, qs=None):
    """Trips whose report is due before `today` and not yet submitted, the oldest first."""
    qs = Trip.objects.all() if qs is None else qs
    return qs.filter(report_submitted_on__isnull=True, report_due__lt=today).order_by(
        "report_due", "pk"
    )
