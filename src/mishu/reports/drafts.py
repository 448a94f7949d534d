"""Write logic of report drafts (one place for the pages, the API and the demo): start a period's
draft, edit a section (keeping its versions), comment, and take workflow steps — each recorded as
a DraftEvent; ordinary saves go to the change log too.

Every refusal is a ``DraftError`` with a message in Traditional Chinese; nothing is half-written.
"""

import difflib

from django.db import transaction

from mishu.core.choices import RoleCode
from mishu.core.formats import Period

from . import workflow
from .choices import DraftState, SectionState
from .models import (
    DraftEvent,
    DraftSection,
    ReportDraft,
    ReportTemplate,
    SectionComment,
    SectionVersion,
)
from .rendering.grammar import TemplateError, parse
from .structure import split

MAX_BODY = 200_000


class DraftError(ValueError):
    """A step that is not allowed; the message says why, in Chinese."""


# -- who may do what ---------------------------------------------------------------------------
def is_evaluator(user) -> bool:
    return bool(
        user and user.is_authenticated and user.has_role(RoleCode.EVALUATOR, RoleCode.ADMIN)
    )


def _in_division(user, section) -> bool:
    return section.division_id is not None and user.division_id == section.division_id


def is_writer(user, section) -> bool:
    """A clerk or supervisor of the section's division; 研考 for a section without one."""
    if not (user and user.is_authenticated):
        return False
    if section.division_id is None:
        return is_evaluator(user)
    return _in_division(user, section) and user.has_role(RoleCode.CLERK, RoleCode.SUPERVISOR)


def is_approver(user, section) -> bool:
    """The supervisor of the section's division; 研考 for a section without one."""
    if not (user and user.is_authenticated):
        return False
    if section.division_id is None:
        return is_evaluator(user)
    return _in_division(user, section) and user.has_role(RoleCode.SUPERVISOR)


def can_edit_section(user, section) -> bool:
    draft = section.draft
    if draft.state == DraftState.COMPILING:
        return is_evaluator(user)
    return (
        draft.state in workflow.SECTION_OPEN
        and section.state in workflow.EDITABLE
        and is_writer(user, section)
    )


def may(user, who: str, section=None) -> bool:
    if who == "evaluator":
        return is_evaluator(user)
    if who == "writer":
        return is_writer(user, section)
    return is_approver(user, section)


def _record(draft, action, user, section=None, before="", after="", note=""):
    DraftEvent.objects.create(
        draft=draft,
        section=section,
        action=action,
        from_state=before,
        to_state=after,
        user=user if getattr(user, "is_authenticated", False) else None,
        note=note[:500],
    )


# -- starting a draft --------------------------------------------------------------------------
def progress(draft: ReportDraft) -> list[tuple[str, str, int]]:
    """(state, label, sections) for every section state, in the workflow's order (editing,
    submitted, approved, returned): how far the divisions' writing has come. One query."""
    from django.db.models import Count

    counts = dict(
        draft.sections.order_by().values("state").annotate(n=Count("pk")).values_list("state", "n")
    )
    return [(code, str(label), counts.get(code, 0)) for code, label in SectionState.choices]


def progress_chart(draft: ReportDraft):
    """The draft's progress as a chart (`core/_chart.html`): sections per state."""
    from django.utils.translation import gettext as _

    from mishu.core import charts

    return charts.share_chart(
        "chart-draft-progress",
        _("Sections of the report by state"),
        [(label, n) for _code, label, n in progress(draft)],
        # editing, submitted, approved, returned: grey, blue, green, red
        colours=("#4a5561", "#0b5394", "#1e6b2f", "#a4161a"),
    )


def previous_draft(period: Period) -> ReportDraft | None:
    """The latest draft of an earlier period of the same kind (108H2 before 109H1)."""
    earlier = [d for d in ReportDraft.objects.all() if _same_kind_before(d.period, period)]
    return max(earlier, key=lambda d: Period.parse(d.period), default=None)


def _same_kind_before(code: str, period: Period) -> bool:
    try:
        other = Period.parse(code)
    except ValueError:
        return False
    return other.kind == period.kind and other < period


def start(period: Period, user=None, template=None) -> ReportDraft:
    """The draft of ``period``: the previous period's sections (else the structure's), owned
    as the structure says, each with its first version."""
    if user is not None and not is_evaluator(user):
        raise DraftError("只有研考人員或管理者可建立報告草稿")
    if ReportDraft.objects.filter(period=period.code).exists():
        raise DraftError(f"{period.label}的報告草稿已存在")
    base = None if template is not None else previous_draft(period)
    template = template or ReportTemplate.structure()
    owners = {part.key: division for part, division in template.sections()}
    if base is not None:
        texts = [(s.key, s.title, s.body) for s in base.sections.all()]
    else:
        texts = [(p.key, p.title, p.text) for p in split(template.body)]
    with transaction.atomic():
        draft = ReportDraft.objects.create(
            period=period.code,
            template=template,
            started_from=base,
            created_by=user if getattr(user, "is_authenticated", False) else None,
        )
        for order, (key, title, text) in enumerate(texts):
            section = DraftSection.objects.create(
                draft=draft,
                key=key,
                title=title,
                order=order,
                division=owners.get(key),
                body=text,
            )
            SectionVersion.objects.create(
                section=section, number=1, body=text, author=draft.created_by, note="起始版本"
            )
        source = f"沿用 {base}" if base else f"依報告結構「{template}」"
        _record(draft, "start", user, after=draft.state, note=source)
    return draft


# -- editing -----------------------------------------------------------------------------------
def _check_open(draft):
    if draft.locked:
        raise DraftError("本期已結算，定稿已鎖定，不得再修改")
    if draft.state == DraftState.FINAL:
        raise DraftError("草稿已定稿，須先退回才能修改")


def save_section(section: DraftSection, body: str, user, note: str = "") -> DraftSection:
    """Replace a section's text (a new version), after checking its placeholders."""
    _check_open(section.draft)
    if not can_edit_section(user, section):
        raise DraftError(_edit_refusal(user, section))
    body = body.replace("\r\n", "\n").strip("\n")
    if len(body) > MAX_BODY:
        raise DraftError(f"內容過長（上限 {MAX_BODY:,} 字）")
    try:
        parse(body)
    except TemplateError as exc:
        raise DraftError("；".join(str(p) for p in exc.problems)) from None
    if body == section.body:
        return section
    with transaction.atomic():
        section = DraftSection.objects.select_for_update().get(pk=section.pk)
        section.body = body
        section.version += 1
        section.save()
        SectionVersion.objects.create(
            section=section, number=section.version, body=body, author=user, note=note[:200]
        )
        _record(section.draft, "edit", user, section, note=f"第 {section.version} 版 {note}")
    return section


def _edit_refusal(user, section) -> str:
    if section.draft.state == DraftState.COMPILING:
        return "草稿彙編中，只有研考人員可修改"
    if section.draft.state != DraftState.DRAFTING:
        return "草稿已送審閱，須退回各單位撰寫後才能修改"
    if not is_writer(user, section):
        return f"本章節由{section.writer}撰寫，您不能修改"
    return f"本章節{section.get_state_display()}，須退回後才能修改"


def comment(section: DraftSection, text: str, user) -> SectionComment:
    text = (text or "").strip()
    if not text:
        raise DraftError("請輸入意見")
    if len(text) > 2000:
        raise DraftError("意見過長（上限 2,000 字）")
    with transaction.atomic():
        made = SectionComment.objects.create(section=section, author=user, text=text)
        _record(section.draft, "comment", user, section, note=text[:100])
    return made


# -- steps -------------------------------------------------------------------------------------
def _check_reason(name: str, label: str, note: str) -> None:
    if name in workflow.NEEDS_REASON and not (note or "").strip():
        raise DraftError(f"「{label}」須填寫理由")


def section_step(section: DraftSection, name: str, user, note: str = "") -> DraftSection:
    if name not in workflow.SECTION_TRANSITIONS:
        raise DraftError(f"未知的步驟「{name}」")
    sources, target, label, who = workflow.SECTION_TRANSITIONS[name]
    _check_open(section.draft)
    if section.draft.state not in workflow.SECTION_OPEN:
        raise DraftError("草稿已進入彙編或審閱，各章節不得再送核或核定")
    if section.state not in sources:
        raise DraftError(f"章節{section.get_state_display()}，不能「{label}」")
    if not may(user, who, section):
        raise DraftError(f"您不能對{section.writer}的章節「{label}」")
    _check_reason(name, label, note)
    with transaction.atomic():
        before = section.state
        section.state = target
        section.save()
        _record(section.draft, name, user, section, before, target, note)
    return section


def draft_step(draft: ReportDraft, name: str, user, note: str = "") -> ReportDraft:
    if name not in workflow.DRAFT_TRANSITIONS:
        raise DraftError(f"未知的步驟「{name}」")
    sources, target, label, who = workflow.DRAFT_TRANSITIONS[name]
    if draft.locked:
        raise DraftError("本期已結算，定稿已鎖定，不得再修改")
    if draft.state not in sources:
        raise DraftError(f"草稿{draft.get_state_display()}，不能「{label}」")
    if not may(user, who):
        raise DraftError(f"只有研考人員或管理者可「{label}」")
    _check_reason(name, label, note)
    if name == "compile":
        pending = [s.key for s in draft.sections.exclude(state=SectionState.APPROVED)]
        if pending:
            raise DraftError("尚有章節未經主管核定：" + "、".join(pending))
    with transaction.atomic():
        before = draft.state
        draft.state = target
        draft.save()
        if name == "reopen":  # the divisions write again: their sections go back to them
            for section in draft.sections.all():
                section.state = SectionState.RETURNED
                section.save()
        _record(draft, name, user, None, before, target, note)
    return draft


# -- versions ----------------------------------------------------------------------------------
def diff_html(older: str, newer: str, older_label: str, newer_label: str) -> str:
    """A side-by-side HTML diff of two section texts (difflib), changes only with context."""
    return difflib.HtmlDiff(wrapcolumn=60).make_table(
        older.splitlines(),
        newer.splitlines(),
        older_label,
        newer_label,
        context=True,
        numlines=2,
    )
