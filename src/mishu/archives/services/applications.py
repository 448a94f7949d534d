"""Applications to read or copy archives: the decision (within 30 days; a refusal only on a legal
ground), reading-room visits, and the applicant's personal data seen only through a logged
reveal, like a petitioner's."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mishu.core import permissions as rights

from ..choices import ApplicationState
from ..models import ApplicantDataAccess, ArchiveApplication, ReadingVisit
from ..models.applications import PERSONAL_FIELDS


def decide(user, application, approve: bool, *, on=None, refusal_reason="", note=""):
    """Approve, or refuse on a ground of 檔案法第 18 條; the decision date is kept so that the
    page and the list show whether it came within the 30 days."""
    with transaction.atomic():
        app = (
            ArchiveApplication.objects.restrict(user, rights.CHANGE)
            .select_for_update()
            .filter(pk=application.pk)
            .first()
        )
        if app is None:
            raise PermissionDenied
        if app.state != ApplicationState.PENDING:
            raise ValidationError(_("This application has already been decided."))
        app.state = ApplicationState.APPROVED if approve else ApplicationState.REFUSED
        app.decided_on = on or timezone.localdate()
        app.refusal_reason = "" if approve else (refusal_reason or "")
        app.decision_note = (note or "")[:500]
        app.full_clean()
        app.save()
    return app


def record_visit(user, application, visited_on, copies=0, note="") -> ReadingVisit:
    """A reading-room visit (and the pages copied) under an approved application."""
    if not rights.can(user, rights.CHANGE, application):
        raise PermissionDenied
    if application.state != ApplicationState.APPROVED:
        raise ValidationError(_("Only an approved application allows a visit."))
    if visited_on < application.decided_on:
        raise ValidationError(_("The visit cannot be before the approval."))
    return ReadingVisit.objects.create(
        application=application, visited_on=visited_on, copies=copies, note=(note or "")[:300]
    )


def can_see_applicant(user) -> bool:
    """Whether `user` holds the separate permission to see applicants' details."""
    return bool(user and user.is_authenticated and user.has_perm("archives.view_applicant"))


def reveal_applicant(application, user, purpose: str = "") -> dict:
    """The applicant's unmasked details; every call is logged in `ApplicantDataAccess`."""
    if not can_see_applicant(user) or not rights.can(user, rights.VIEW, application):
        raise PermissionDenied
    ApplicantDataAccess.objects.create(application=application, user=user, purpose=purpose[:200])
    return {f: getattr(application, f) for f in PERSONAL_FIELDS}
