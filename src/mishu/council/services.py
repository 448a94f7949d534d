"""Write logic of the council records that is more than a save: moving a mayor's directive
through its workflow, and compiling a session's written replies into one document."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from mishu.core import permissions as rights

from . import workflow
from .choices import DirectiveState
from .models import Directive, DirectiveProgress, Question


def advance(directive: Directive, name: str, on, note: str, user) -> Directive:
    """Apply the transition `name` (report, close, reopen) to the directive on the date `on`,
    recording the step; refuses a transition its state does not allow, a closure without a
    note, a date before the meeting, or a user who may not change the directive."""
    if name not in workflow.TRANSITIONS:
        raise ValidationError(_("Unknown step “%(v)s”.") % {"v": name})
    with transaction.atomic():
        locked = (
            Directive.objects.restrict(user, rights.CHANGE)
            .select_for_update()
            .select_related("meeting")
            .filter(pk=directive.pk)
            .first()
        )
        if locked is None:
            raise PermissionDenied
        if name not in workflow.allowed(locked.state):
            raise ValidationError(
                _("A directive that is %(state)s cannot be given this step.")
                % {"state": locked.get_state_display()}
            )
        if on is None:
            raise ValidationError({"on": _("Give the date.")})
        if on < locked.meeting.held_on:
            raise ValidationError({"on": _("The date cannot be before the meeting.")})
        if not (note or "").strip():
            raise ValidationError({"note": _("Say what was done.")})
        locked.state = workflow.target(name)
        locked.closed_on = on if locked.state == DirectiveState.CLOSED else None
        locked.save(update_fields=["state", "closed_on", "last_updated"])
        DirectiveProgress.objects.create(
            directive=locked, transition=name, on=on, note=note.strip(), by=user
        )
    return locked


def compilation_markdown(session, user) -> str:
    """The written replies of a session's questions, by agency then date, as Markdown (彙編)."""
    from mishu.core.formats import format_date
    from mishu.reports.sources import markdown_safe

    questions = (
        Question.objects.restrict(user, rights.VIEW)
        .filter(session=session)
        .select_related("agency", "member")
        .order_by("agency__order", "asked_on", "pk")
    )
    lines = [f"# {session}" + _(" — compilation of written replies"), ""]
    agency = None
    for n, q in enumerate(questions, start=1):
        if q.agency_id != agency:
            agency = q.agency_id
            lines += [f"## {markdown_safe(str(q.agency))}", ""]
        who = f"{markdown_safe(q.member.name)}　" if q.member else ""
        lines += [
            f"### {n}. {markdown_safe(q.subject)}",
            "",
            f"{who}{q.get_kind_display()}，{format_date(q.asked_on)}",
            "",
            markdown_safe(q.reply) if q.reply else _("(no written reply yet)"),
            "",
        ]
    if agency is None:
        lines.append(_("No question recorded for this session."))
    return "\n".join(lines)
