"""The destruction review: draw a list from due case files, take its steps (`workflow.py`), take
files off it, and record the destruction. Every step is recorded as a `DestructionStep`."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from mishu.core import permissions as rights
from mishu.core.models import Agency
from mishu.core.workdays import office_calendar

from .. import workflow
from ..choices import CaseState, ListSource, ListState
from ..models import ArchiveItem, CaseFile, DestructionEntry, DestructionList, DestructionStep

SECRETARIAT = "secretariat"


def _locked(user, dlist: DestructionList) -> DestructionList:
    obj = (
        DestructionList.objects.restrict(user, rights.CHANGE)
        .select_for_update()
        .filter(pk=dlist.pk)
        .first()
    )
    if obj is None:
        raise PermissionDenied
    return obj


def _recount(dlist: DestructionList) -> None:
    """An own list's counts from the case files still on it: items, cases, volumes."""
    cases = CaseFile.objects.filter(
        pk__in=dlist.entries.filter(removed_on__isnull=True).values("case_file")
    )
    dlist.cases = cases.count()
    dlist.volumes = cases.aggregate(v=Sum("volumes"))["v"] or 0
    dlist.items = ArchiveItem.objects.filter(case_file__in=cases).count()


def draw_list(user, division, title: str, case_files, on=None) -> DestructionList:
    """A new own destruction list of the office's kept case files whose retention has run out."""
    on = on or timezone.localdate()
    if not rights.can_add_to(user, division.pk):
        raise PermissionDenied
    with transaction.atomic():
        files = list(CaseFile.objects.select_for_update().filter(pk__in=[c.pk for c in case_files]))
        if not files:
            raise ValidationError(_("Choose at least one case file."))
        for case in files:
            if case.division_id != division.pk:
                raise ValidationError(_("%(c)s belongs to another office.") % {"c": case})
            if case.state != CaseState.KEPT or case.due_on is None or case.due_on > on:
                raise ValidationError(_("%(c)s is not due for destruction.") % {"c": case})
        dlist = DestructionList.objects.create(
            division=division,
            agency=Agency.objects.get(code=SECRETARIAT),
            source=ListSource.OWN,
            title=title,
            received_on=on,
            state=ListState.DRAFT,
            created_by=user,
        )
        for case in files:
            DestructionEntry.objects.create(destruction_list=dlist, case_file=case)
            case.state = CaseState.LISTED
            case.save(update_fields=["state", "last_updated"])
        _recount(dlist)
        dlist.save()
    return dlist


def receive_list(user, division, agency, title, received_on, items, cases, volumes, note=""):
    """An agency's destruction list received as a file, with its counts (件/案/卷)."""
    if not rights.can_add_to(user, division.pk):
        raise PermissionDenied
    dlist = DestructionList(
        division=division,
        agency=agency,
        source=ListSource.AGENCY,
        title=title,
        received_on=received_on,
        items=items,
        cases=cases,
        volumes=volumes,
        state=ListState.RECEIVED,
        note=note,
        created_by=user,
    )
    dlist.full_clean()
    dlist.save()
    return dlist


def step(user, dlist: DestructionList, name: str, *, on=None, note="", **fields) -> DestructionList:
    """Take the review step `name`: the national archives' approval needs its approval number
    (and starts the waiting period), the destruction needs the waiting period over, a method and
    a witness."""
    if name not in workflow.TRANSITIONS:
        raise ValidationError(_("Unknown step."))
    sources, target, _label, role = workflow.TRANSITIONS[name]
    on = on or timezone.localdate()
    with transaction.atomic():
        obj = _locked(user, dlist)
        if obj.state not in sources:
            raise ValidationError(_("This step is not allowed now."))
        if role and not user.has_role(role, "admin"):
            raise PermissionDenied
        before = obj.state
        if name == "first_review":
            obj.first_reviewed_on = on
        elif name == "national_approval":
            number = (fields.get("approval_no") or "").strip()
            if not number:
                raise ValidationError({"approval_no": _("The approval number is required.")})
            obj.approval_no, obj.approved_on = number, on
            obj.waiting_until = office_calendar().add_workdays(on, workflow.WAITING_WORKDAYS)
        elif name == "destroy":
            if obj.waiting_until is None or on <= obj.waiting_until:
                raise ValidationError(_("The waiting period is not over yet."))
            if not obj.approval_no:
                raise ValidationError(_("The national archives have not approved this list."))
            method, witness = fields.get("method", "").strip(), fields.get("witness", "").strip()
            if not (method and witness):
                raise ValidationError(_("The method and the witness are required."))
            obj.destroyed_on, obj.method, obj.witness = on, method, witness
            _close_entries(obj, CaseState.DESTROYED)
        elif name == "send_back":
            pass
        obj.state = target
        obj.save()
        DestructionStep.objects.create(
            destruction_list=obj,
            name=name,
            from_state=before,
            to_state=target,
            on=on,
            user=user,
            note=note[:500],
        )
    return obj


def _close_entries(dlist, state):
    ids = dlist.entries.filter(removed_on__isnull=True).values_list("case_file", flat=True)
    for case in CaseFile.objects.filter(pk__in=list(ids)):
        case.state = state
        case.save(update_fields=["state", "last_updated"])


def take_off(user, entry: DestructionEntry, reason: str, keep_years=None, on=None):
    """Take a case file off an own list (before the destruction), with the reason for keeping
    it; it is kept again, and the list's counts follow."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"removed_reason": _("Give the reason for keeping the file.")})
    with transaction.atomic():
        dlist = _locked(user, entry.destruction_list)
        if dlist.state not in workflow.REMOVABLE:
            raise ValidationError(_("Files can no longer be taken off this list."))
        entry = DestructionEntry.objects.select_for_update().get(pk=entry.pk)
        if entry.removed_on is not None:
            raise ValidationError(_("This file is already off the list."))
        entry.removed_on = on or timezone.localdate()
        entry.removed_reason, entry.keep_years = reason[:300], keep_years
        entry.save()
        case = entry.case_file
        case.state = CaseState.KEPT
        if keep_years:
            due = case.due_on or entry.removed_on
            case.due_on = datetime.date(due.year + keep_years, due.month, 1)
        case.save(update_fields=["state", "due_on", "last_updated"])
        _recount(dlist)
        dlist.save()
    return entry
