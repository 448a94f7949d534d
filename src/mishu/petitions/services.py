"""Write logic of petitions, in one place: filing, the workflow actions, revealing personal data
(logged), anonymising after the retention period."""

import datetime
import secrets

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mishu.core.workdays import office_calendar

from . import workflow
from .choices import EventAction, ExtensionStatus, Status
from .models import (
    PERSONAL_FIELDS,
    ExtensionRequest,
    PersonalDataAccess,
    PetitionCase,
    PetitionEvent,
)

PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud on the phone
DEFAULT_RETENTION_DAYS = 5 * 365


def retention_days() -> int:
    """Days a closed case keeps its petitioner's data: `MISHU["PETITION_RETENTION_DAYS"]`."""
    conf = getattr(settings, "MISHU", {}) or {}
    return int(conf.get("PETITION_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))


def next_number(received_on: datetime.date) -> str:
    """The next case number of the ROC year: ``P108000123`` (the serial restarts each year)."""
    prefix = f"P{received_on.year - 1911:03d}"
    last = (
        PetitionCase.objects.filter(number__startswith=prefix)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    serial = int(last[len(prefix) :]) + 1 if last else 1
    return f"{prefix}{serial:06d}"


def _event(case, action, user=None, from_status="", note="", agency=None):
    return PetitionEvent.objects.create(
        case=case,
        action=action,
        from_status=from_status,
        to_status=case.status,
        user=user if getattr(user, "pk", None) else None,
        note=note,
        agency=agency,
    )


def file_case(*, division, user=None, with_password=False, **fields) -> tuple[PetitionCase, str]:
    """Register a new petition; its deadline is `time_limit` working days after receipt.

    Returns the case and, with `with_password`, the password the citizen looks it up with
    (only its hash is kept).
    """
    password = "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(8)) if with_password else ""
    fields.setdefault("received_on", timezone.localdate())
    case = PetitionCase(division=division, created_by=user, **fields)
    if password:
        case.password_hash = make_password(password)
    case.deadline = office_calendar().add_workdays(case.received_on, case.time_limit)
    case.full_clean(exclude=["number", "division"])
    for _attempt in range(5):  # two clerks filing at once may take the same serial
        case.number = next_number(case.received_on)
        try:
            with transaction.atomic():
                case.save()
                _event(case, EventAction.RECEIVED, user)
            return case, password
        except IntegrityError:
            case.pk = None
    raise ValidationError({"number": _("Could not allocate a case number; try again.")})


def _check(case, action):
    try:
        return workflow.target(action, case.status)
    except ValueError:
        raise ValidationError(
            _("A case that is “%(status)s” cannot be “%(action)s”.")
            % {"status": case.get_status_display(), "action": EventAction(action).label}
        ) from None


@transaction.atomic
def act(case: PetitionCase, action: str, user=None, *, on=None, **data) -> PetitionEvent:
    """Apply one workflow action to `case` and log it as a named event.

    `data` by action: assigned/reassigned `agency`; extended `days`, `reason`,
    `petitioner_told`; replied `reply`; declined `reason` (a DeclineReason); any `note`.
    Raises ValidationError naming the field when something is missing or not allowed.
    """
    on = on or timezone.localdate()
    before, after = case.status, _check(case, action)
    note = data.get("note", "")
    agency = None
    if action in (EventAction.ASSIGNED, EventAction.REASSIGNED):
        agency = data.get("agency")
        if agency is None:
            raise ValidationError({"agency": _("Choose the competent agency.")})
        if action == EventAction.REASSIGNED:
            if agency == case.agency:
                raise ValidationError({"agency": _("The case is already with this agency.")})
            last = case.events.filter(
                action__in=(EventAction.ASSIGNED, EventAction.REASSIGNED)
            ).last()
            since = timezone.localtime(last.at).date() if last else case.received_on
            late = office_calendar().workdays_between(since, on) > workflow.REASSIGN_WITHIN_WORKDAYS
            note = note or (_("reassigned late") if late else "")
        case.agency = agency
    elif action == EventAction.EXTENDED:
        days, reason = _extension_terms(case, on, data)
        if user is not None and not user.has_role(*workflow.EXTENSION_DECIDERS):
            # not the clerk's to decide: the request waits in the supervisor's queue (待核)
            return _ask_extension(case, user, on, days, reason, data, note)
        case.deadline = office_calendar().add_workdays(case.deadline or on, days)
        case.extension_reason = reason
        note = note or reason
    elif action == EventAction.REPLIED:
        reply = (data.get("reply") or "").strip()
        if not reply:
            raise ValidationError({"reply": _("Write the reply.")})
        case.reply, case.replied_on = reply, on
    elif action == EventAction.CLOSED:
        case.closed_on = on
        if data.get("satisfaction"):
            case.satisfaction = data["satisfaction"]
    elif action == EventAction.DECLINED:
        if not data.get("reason"):
            raise ValidationError({"reason": _("Give the reason the case is not handled.")})
        case.decline_reason = data["reason"]
        case.closed_on = on
    case.status = after  # only now: a refused action leaves the case as it was
    case.save()
    return _event(case, action, user, before, note, agency)


def _extension_terms(case, on, data) -> tuple[int, str]:
    """The working days and reason of an extension, checked: asked before the deadline, with a
    reason, once the petitioner is told."""
    days, reason = data.get("days"), (data.get("reason") or "").strip()
    if not days or int(days) < 1:
        raise ValidationError({"days": _("Give the number of working days to add.")})
    if not reason:
        raise ValidationError({"reason": _("An extension needs a reason.")})
    if not data.get("petitioner_told"):
        raise ValidationError({"petitioner_told": _("The petitioner must be told.")})
    if case.deadline and on > case.deadline:
        raise ValidationError({"days": _("An extension must be asked before the deadline.")})
    return int(days), reason


def _ask_extension(case, user, on, days, reason, data, note) -> PetitionEvent:
    if case.extension_requests.filter(status=ExtensionStatus.REQUESTED).exists():
        raise ValidationError({"days": _("An extension of this case already awaits a decision.")})
    ExtensionRequest.objects.create(
        case=case,
        days=days,
        reason=reason,
        petitioner_told=bool(data.get("petitioner_told")),
        requested_by=user if getattr(user, "pk", None) else None,
        requested_on=on,
    )
    text = _("%(days)s working days: %(reason)s") % {"days": days, "reason": reason}
    return _event(case, EventAction.EXTENSION_ASKED, user, case.status, note or text)


def pending_extensions(user):
    """The extension requests awaiting `user`'s decision (the cases they may change)."""
    if not (user and user.is_authenticated and user.has_role(*workflow.EXTENSION_DECIDERS)):
        return ExtensionRequest.objects.none()
    return ExtensionRequest.objects.restrict(user, "change").filter(
        status=ExtensionStatus.REQUESTED
    )


@transaction.atomic
def decide_extension(request: ExtensionRequest, approve: bool, user, note: str, *, on=None):
    """A supervisor approves (the deadline moves by the working days asked) or rejects a clerk's
    extension request, with a note; both are events of the case."""
    on = on or timezone.localdate()
    if not pending_extensions(user).filter(pk=request.pk).exists():
        if not user.has_role(*workflow.EXTENSION_DECIDERS):
            raise PermissionDenied(_("Only a supervisor may decide an extension."))
        raise ValidationError({"status": _("This extension has already been decided.")})
    if not (note or "").strip():
        raise ValidationError({"decision_note": _("Give the reason for the decision.")})
    case = PetitionCase.objects.select_for_update().get(pk=request.case_id)
    if approve:
        _check(case, EventAction.EXTENDED)
        case.deadline = office_calendar().add_workdays(case.deadline or on, request.days)
        case.extension_reason = request.reason
        case.save()
    request.status = ExtensionStatus.APPROVED if approve else ExtensionStatus.REJECTED
    request.decided_by, request.decided_on = user, on
    request.decision_note = note.strip()[:300]
    request.save()
    action = EventAction.EXTENDED if approve else EventAction.EXTENSION_REFUSED
    return _event(case, action, user, case.status, note.strip())


def approve_public_summary(case: PetitionCase, user, summary: str) -> PetitionCase:
    """Publish `summary` (written by a clerk, free of personal data) as the case's description
    on Open311, approved by `user` now; an empty summary withdraws it. Nothing else of the
    citizen's text is ever published."""
    summary = (summary or "").strip()
    case.public_summary = summary
    case.public_summary_approved_by = user if summary else None
    case.public_summary_approved_at = timezone.now() if summary else None
    case.save(
        update_fields=[
            "public_summary",
            "public_summary_approved_by",
            "public_summary_approved_at",
            "last_updated",
        ]
    )
    return case


def can_see_petitioner(user) -> bool:
    """Whether `user` holds the separate permission to see petitioners' details."""
    return bool(user and user.is_authenticated and user.has_perm("petitions.view_petitioner"))


def reveal_petitioner(case: PetitionCase, user, purpose: str) -> dict:
    """The petitioner's unmasked details; every call is logged in `PersonalDataAccess` with
    who, when and the `purpose` the user gave (required)."""
    if not can_see_petitioner(user):
        raise PermissionDenied
    if not (purpose or "").strip():
        raise ValidationError({"purpose": _("Give the purpose of use.")})
    PersonalDataAccess.objects.create(case=case, user=user, purpose=purpose[:200])
    return {f: getattr(case, f) for f in PERSONAL_FIELDS}


def check_case_password(number: str, password: str) -> PetitionCase | None:
    """The case if number and password match, else None — the same for either mistake."""
    case = PetitionCase.objects.filter(number=(number or "").strip().upper()).first()
    if case is None or not case.password_hash:
        make_password(password or "")  # spend the same time: do not reveal which part was wrong
        return None
    return case if check_password(password or "", case.password_hash) else None


def anonymise(today: datetime.date | None = None, days: int | None = None) -> int:
    """Erase the petitioner's data of cases closed more than the retention period ago."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=retention_days() if days is None else days)
    cases = PetitionCase.objects.filter(
        status__in=(Status.CLOSED, Status.DECLINED), closed_on__lt=cutoff, anonymised_on=None
    )
    count = 0
    for case in cases.iterator():
        with transaction.atomic():
            for f in PERSONAL_FIELDS:
                setattr(case, f, "")
            case.anonymised_on = today
            case.save()
            _event(case, EventAction.ANONYMISED)
        count += 1
    return count
