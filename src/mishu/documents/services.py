"""The register's service functions: every write of a document goes through here, inside a
transaction, with its workflow event logged. Bad input raises ValidationError naming the field."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mishu.core import formats
from mishu.core import permissions as rights
from mishu.core.choices import RoleCode
from mishu.core.formats import roc_year
from mishu.core.workdays import office_calendar

from . import workflow
from .choices import CLOSED_STATES, Direction, ExtensionStatus, State
from .deadlines import classify, compute_deadline
from .models import DeadlineExtension, Document, DocumentEvent, DocumentSequence
from .models.document import format_number


def reserve_serials(office: str, year: int, count: int = 1) -> int:
    """Reserve `count` consecutive serials of the office's year; returns the first."""
    seq, _created = DocumentSequence.objects.select_for_update().get_or_create(
        office=office, year=year
    )
    first = seq.last_serial + 1
    seq.last_serial += count
    seq.save(update_fields=["last_serial"])
    return first


def note_serial(office: str, year: int, serial: int) -> None:
    """Make sure the sequence never hands out a serial already used (e.g. by an import)."""
    seq, _created = DocumentSequence.objects.select_for_update().get_or_create(
        office=office, year=year
    )
    if serial > seq.last_serial:
        seq.last_serial = serial
        seq.save(update_fields=["last_serial"])


def validate_dates(doc: Document) -> None:
    """A deadline or dispatch before receipt is refused, naming the field."""
    errors = {}
    start = doc.received_on or doc.registered_on
    if doc.stated_deadline and start and doc.stated_deadline < start:
        errors["stated_deadline"] = _("The deadline cannot be before the date of receipt.")
    if doc.dispatched_on and start and doc.dispatched_on < start:
        errors["dispatched_on"] = _("The dispatch date cannot be before the date of receipt.")
    if doc.direction == Direction.INCOMING:
        if doc.received_on is None:
            errors["received_on"] = _("An incoming document needs its date of receipt.")
        if doc.sender_id is None:
            errors["sender"] = _("An incoming document needs its sender agency.")
    if errors:
        raise ValidationError(errors)


def _log(doc, name, from_state, user, note=""):
    DocumentEvent.objects.create(
        document=doc,
        name=name,
        from_state=from_state,
        to_state=doc.state,
        user=user if getattr(user, "pk", None) else None,
        note=note[:500],
    )


@transaction.atomic
def register(doc: Document, user=None, *, calendar=None) -> Document:
    """Register a new document: give it the next number of its office and year (unless it
    carries one), compute its deadline, log the event."""
    if user is not None and not rights.can_add_to(user, doc.division_id):
        raise PermissionDenied(_("You may not register documents for this unit."))
    calendar = calendar or office_calendar()
    if doc.received_on and not doc.registered_on:
        doc.registered_on = doc.received_on
    doc.registered_on = doc.registered_on or timezone.localdate()
    validate_dates(doc)
    doc.year = doc.year or roc_year(doc.registered_on)
    if doc.serial:
        note_serial(doc.office, doc.year, doc.serial)
    else:
        doc.serial = reserve_serials(doc.office, doc.year)
    doc.number = format_number(doc.office, doc.year, doc.serial)
    if Document.objects.filter(number=doc.number).exists():
        raise ValidationError(
            {"number": _("The number %(n)s is already used.") % {"n": doc.number}}
        )
    if not doc.state:
        incoming = doc.direction == Direction.INCOMING
        doc.state = State.RECEIVED if incoming else State.DRAFTING
    doc.deadline = expected_deadline(doc, calendar)
    if user is not None and getattr(user, "pk", None):
        doc.created_by = user
    doc.full_clean(exclude=["created_by", "batch"])
    doc.save()
    _log(doc, "registered", "", user)
    return doc


def _class_closed(doc: Document, calendar) -> None:
    """The working days a closed document used and its 依限/逾期 class."""
    doc.days_used = calendar.days_used(doc.received_on or doc.registered_on, doc.closed_on)
    doc.timeliness = classify(doc.deadline, doc.closed_on)


def expected_deadline(doc: Document, calendar=None):
    """The deadline the document's own fields give, or the latest approved extension's."""
    start = doc.received_on or doc.registered_on
    deadline = compute_deadline(
        calendar or office_calendar(), start, doc.speed, doc.stated_deadline, doc.project_control
    )
    if doc.pk:
        extended = (
            doc.extensions.filter(status=ExtensionStatus.APPROVED)
            .order_by("-new_deadline")
            .values_list("new_deadline", flat=True)
            .first()
        )
        if extended and extended > deadline:
            deadline = extended
    return deadline


@transaction.atomic
def update(doc: Document, user=None) -> Document:
    """Save a correction of a registered document: the date rules apply, the deadline follows
    the corrected receipt date, speed class, stated deadline or 專案管制 flag (an approved
    extension still stands), and a closed document is classed again on its new deadline."""
    if user is not None and not rights.can(user, rights.CHANGE, doc):
        raise PermissionDenied(_("You may not change this document."))
    validate_dates(doc)
    calendar = office_calendar()
    before = doc.deadline
    doc.deadline = expected_deadline(doc, calendar)
    if doc.closed_on:
        _class_closed(doc, calendar)
    doc.save()
    if before != doc.deadline:
        was = formats.format_date(before) if before else "—"
        note = f"{was} → {formats.format_date(doc.deadline)}"
        _log(doc, "deadline_recomputed", doc.state, user, note)
    return doc


def eligible_handlers(doc: Document):
    """The people a document may be assigned to: active members of its receiving unit."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(division=doc.division_id, is_active=True)
        .order_by("username")
    )


def available(doc: Document, user=None) -> list[str]:
    """The transitions `user` may take on `doc` now: those its state allows (with the unit's
    sign-off step where required) and whose role the user holds."""
    if doc.state in CLOSED_STATES:
        return []
    approval = workflow.needs_approval(doc.division.code)
    return [n for n in workflow.allowed(doc.state, approval=approval) if workflow.may_take(n, user)]


def _hand_over(doc: Document, name: str, handler) -> str:
    """Check the handler an assignment names; returns the event's note. A re-assignment to the
    handler the document already has is a no-op and is refused."""
    if handler is None:
        raise ValidationError({"handler": _("Choose the handler.")})
    if not eligible_handlers(doc).filter(pk=handler.pk).exists():
        raise ValidationError({"handler": _("The handler must be a member of the receiving unit.")})
    if handler.pk == doc.handler_id and name == "reassign":
        raise ValidationError({"handler": _("The document is already with this handler.")})
    before = str(doc.handler) if doc.handler_id else "—"
    doc.handler = handler
    return f"{before} → {handler}"


@transaction.atomic
def transition(
    doc: Document, name: str, user=None, *, on=None, note="", handler=None, **fields
) -> Document:
    """Move a document along the workflow; closing transitions record the closing date, the
    working days used and the 依限/逾期 class. 分文 and 改分 name the `handler`. A step the
    state does not allow, or that would change nothing, is refused and nothing is logged."""
    doc = Document.objects.select_for_update().select_related("division").get(pk=doc.pk)
    if user is not None and not rights.can(user, rights.CHANGE, doc):
        raise PermissionDenied(_("You may not change this document."))
    if name not in workflow.TRANSITIONS:
        raise ValidationError({"transition": _("Unknown transition %(t)s.") % {"t": name}})
    if name not in available(doc, None):
        raise ValidationError(
            {
                "transition": _("A document in state %(s)s cannot be %(t)s.")
                % {"s": doc.get_state_display(), "t": workflow.label(name)}
            }
        )
    if not workflow.may_take(name, user):
        raise PermissionDenied(_("Only a supervisor may approve a document for dispatch."))
    for key, value in fields.items():
        setattr(doc, key, value)
    if name in workflow.HANDING:
        handed = _hand_over(doc, name, handler)
        note = f"{handed}; {note}" if note else handed
    before = doc.state
    doc.state = workflow.target(name, doc.state)
    if name in workflow.CLOSING:
        on = on or timezone.localdate()
        start = doc.received_on or doc.registered_on
        if on < start:
            field = "dispatched_on" if name == "dispatch" else "closed_on"
            raise ValidationError(
                {field: _("The closing date cannot be before the date of receipt.")}
            )
        if name == "dispatch":
            doc.dispatched_on = on
        doc.closed_on = on
        _class_closed(doc, office_calendar())
    validate_dates(doc)
    doc.save()
    _log(doc, name, before, user, note)
    return doc


@transaction.atomic
def request_extension(
    doc: Document, new_deadline: datetime.date, reason: str, user=None, *, on=None
) -> DeadlineExtension:
    """Ask to move the deadline: only while the document is open and before its deadline."""
    on = on or timezone.localdate()
    if doc.state in CLOSED_STATES:
        raise ValidationError({"document": _("The document is already closed.")})
    if doc.deadline and on > doc.deadline:
        raise ValidationError(
            {"requested_on": _("An extension must be asked for before the deadline.")}
        )
    if doc.deadline and new_deadline <= doc.deadline:
        raise ValidationError(
            {"new_deadline": _("The new deadline must be after the current one.")}
        )
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Give the reason for the extension.")})
    ext = DeadlineExtension.objects.create(
        document=doc,
        requested_on=on,
        requested_by=user if getattr(user, "pk", None) else None,
        old_deadline=doc.deadline,
        new_deadline=new_deadline,
        reason=reason.strip(),
    )
    _log(
        doc,
        "extension_requested",
        doc.state,
        user,
        f"{formats.format_date(new_deadline)}：{reason}",
    )
    return ext


@transaction.atomic
def decide_extension(ext: DeadlineExtension, approve: bool, user, note="", *, on=None):
    """A supervisor approves (the deadline moves) or rejects an extension, with a reason."""
    if not (user.has_role(RoleCode.SUPERVISOR, RoleCode.ADMIN)):
        raise PermissionDenied(_("Only a supervisor may decide an extension."))
    if not rights.can(user, rights.CHANGE, ext.document):
        raise PermissionDenied(_("You may not change this document."))
    if ext.status != ExtensionStatus.REQUESTED:
        raise ValidationError({"status": _("This extension has already been decided.")})
    if not (note or "").strip():
        raise ValidationError({"decision_note": _("Give the reason for the decision.")})
    ext.status = ExtensionStatus.APPROVED if approve else ExtensionStatus.REJECTED
    ext.decided_by, ext.decided_on = user, on or timezone.localdate()
    ext.decision_note = note.strip()
    ext.save()
    doc = ext.document
    if approve:
        doc.deadline = ext.new_deadline
        doc.save(update_fields=["deadline", "last_updated"])
    _log(doc, "extended" if approve else "extension_rejected", doc.state, user, note)
    return ext
