"""Draft pages: a period's draft (sections, owners, states, steps, events), a section (edit,
submit, approve, return, comment, versions) and the diff between two versions of a section."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from mishu.core import formats

from . import drafts, workflow
from .models import DraftSection, ReportDraft
from .views import checked_render


def _period(code):
    try:
        return formats.Period.parse(code)
    except formats.FormatError:
        raise Http404("期別格式錯誤") from None


def _events(queryset):
    return [
        {
            "when": formats.format_datetime(e.at),
            "action": workflow.event_label(e.action),
            "section": e.section.key if e.section_id else "",
            "user": e.user or "系統",
            "states": " → ".join(_state_label(s) for s in (e.from_state, e.to_state) if s),
            "note": e.note,
        }
        for e in queryset.select_related("user", "section")
    ]


def _state_label(code):
    from .choices import DraftState, SectionState

    for choices in (SectionState, DraftState):
        if code in choices.values:
            return str(choices(code).label)
    return code


@login_required
def draft_page(request, code):
    period = _period(code)
    draft = ReportDraft.objects.filter(period=period.code).first()
    sections = []
    if draft is not None:
        for s in draft.sections.select_related("division"):
            sections.append(
                {
                    "obj": s,
                    "can_edit": drafts.can_edit_section(request.user, s) and not draft.locked,
                    "steps": [
                        (n, workflow.SECTION_TRANSITIONS[n][2])
                        for n in workflow.section_allowed(s.state)
                        if draft.state in workflow.SECTION_OPEN
                        and drafts.may(request.user, workflow.SECTION_TRANSITIONS[n][3], s)
                    ],
                }
            )
    evaluator = drafts.is_evaluator(request.user)
    rendered, errors, findings = (
        checked_render(period, None) if draft is not None else (None, [], [])
    )
    steps = []
    if draft is not None and evaluator and not draft.locked:
        steps = [(n, workflow.DRAFT_TRANSITIONS[n][2]) for n in workflow.draft_allowed(draft.state)]
    return render(
        request,
        "reports/draft.html",
        {
            "period": period,
            "draft": draft,
            "sections": sections,
            "progress_chart": drafts.progress_chart(draft) if draft else None,
            "steps": steps,
            "can_start": evaluator and draft is None,
            "previous": drafts.previous_draft(period) if draft is None else None,
            "events": _events(draft.events.all()) if draft else [],
            "findings": findings,
            "errors": errors,
            "missing": rendered.missing_once if rendered else [],
            "needs_reason": workflow.NEEDS_REASON,
        },
    )


@login_required
@require_POST
def draft_start(request, code):
    period = _period(code)
    try:
        drafts.start(period, request.user)
        messages.success(request, f"已建立{period.label}報告草稿")
    except drafts.DraftError as exc:
        messages.error(request, str(exc))
    return redirect("reports:draft", code=period.code)


@login_required
@require_POST
def draft_step(request, code, name):
    draft = get_object_or_404(ReportDraft, period=_period(code).code)
    try:
        drafts.draft_step(draft, name, request.user, request.POST.get("note", ""))
        messages.success(request, f"已完成「{workflow.event_label(name)}」")
    except drafts.DraftError as exc:
        messages.error(request, str(exc))
    return redirect("reports:draft", code=draft.period)


def _section(code, key):
    return get_object_or_404(
        DraftSection.objects.select_related("draft", "division"),
        draft__period=_period(code).code,
        key=key,
    )


@login_required
def section_page(request, code, key):
    section = _section(code, key)
    draft = section.draft
    editable = drafts.can_edit_section(request.user, section) and not draft.locked
    body = section.body
    if request.method == "POST":
        body = request.POST.get("body", "")
        try:
            drafts.save_section(section, body, request.user, request.POST.get("note", ""))
            messages.success(request, "已儲存")
            return redirect("reports:section", code=draft.period, key=section.key)
        except drafts.DraftError as exc:
            messages.error(request, str(exc))
    versions = list(section.versions.select_related("author"))
    return render(
        request,
        "reports/section.html",
        {
            "period": draft.period_obj,
            "draft": draft,
            "section": section,
            "body": body,
            "editable": editable,
            "steps": [
                (n, workflow.SECTION_TRANSITIONS[n][2])
                for n in workflow.section_allowed(section.state)
                if draft.state in workflow.SECTION_OPEN
                and not draft.locked
                and drafts.may(request.user, workflow.SECTION_TRANSITIONS[n][3], section)
            ],
            "versions": [
                {"obj": v, "when": formats.format_datetime(v.created), "author": v.author or "系統"}
                for v in versions
            ],
            "comments": [
                {"obj": c, "when": formats.format_datetime(c.created)}
                for c in section.comments.select_related("author")
            ],
            "events": _events(section.events.all()),
            "needs_reason": workflow.NEEDS_REASON,
        },
    )


@login_required
@require_POST
def section_step(request, code, key, name):
    section = _section(code, key)
    try:
        drafts.section_step(section, name, request.user, request.POST.get("note", ""))
        messages.success(request, f"已完成「{workflow.event_label(name)}」")
    except drafts.DraftError as exc:
        messages.error(request, str(exc))
    return redirect("reports:section", code=section.draft.period, key=section.key)


@login_required
@require_POST
def section_comment(request, code, key):
    section = _section(code, key)
    try:
        drafts.comment(section, request.POST.get("text", ""), request.user)
        messages.success(request, "已送出意見")
    except drafts.DraftError as exc:
        messages.error(request, str(exc))
    return redirect("reports:section", code=section.draft.period, key=section.key)


@login_required
def section_diff(request, code, key):
    section = _section(code, key)
    numbers = list(section.versions.values_list("number", flat=True))
    if not numbers:
        raise Http404("無版本")

    def pick(name, default):
        value = request.GET.get(name, "")
        return int(value) if value.isdigit() and int(value) in numbers else default

    newer = pick("b", max(numbers))
    older = pick("a", max([n for n in numbers if n < newer], default=newer))
    texts = dict(section.versions.filter(number__in=[older, newer]).values_list("number", "body"))
    table = drafts.diff_html(texts[older], texts[newer], f"第 {older} 版", f"第 {newer} 版")
    return render(
        request,
        "reports/section_diff.html",
        {
            "period": section.draft.period_obj,
            "section": section,
            "older": older,
            "newer": newer,
            "numbers": sorted(numbers),
            "table": table,
        },
    )
