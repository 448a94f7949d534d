"""Report pages: the report of a period on screen and as files, the period page (close, reopen,
differences, missing values, consistency) and the template editor with preview."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mishu.core import formats, versions
from mishu.indicators import registry
from mishu.indicators import services as indicator_services
from mishu.indicators.memo import render_scope

from . import consistency, drafts
from .forms import PeriodForm, PreviewForm, ReopenForm, ReportTemplateForm
from .models import BuiltReport, ReportDraft, ReportTemplate
from .rendering import (
    CONTENT_TYPES,
    FORMATS,
    OutputError,
    ReportError,
    TemplateError,
    help_lines,
    html_fragment,
    render_report,
)
from .rendering.markdown import compose
from .rendering.marks import format_number
from .rendering.placeholders import render_body
from .services import save_report
from .values import clean

EDITOR_ROLES = ("evaluator", "admin")


def can_edit(user) -> bool:
    """Editing templates, closing and reopening periods: evaluators and administrators."""
    return user.is_authenticated and user.has_role(*EDITOR_ROLES)


def _require_editor(user):
    if not can_edit(user):
        raise PermissionDenied(
            _("Only research and evaluation officers or administrators may do this.")
        )


def _period_or_none(request, code):
    try:
        period = formats.Period.parse(code)
    except formats.FormatError as exc:
        messages.error(request, str(exc))
        return None
    if period.shifted(-1) is None or period.shifted(1) is None:
        # a report compares with the same period a year earlier: 民國 1 年 has none
        messages.error(request, _("No report can be made for %(p)s.") % {"p": period.label})
        return None
    return period


def _template(request):
    pk = request.GET.get("template") or request.POST.get("template")
    if pk and str(pk).isdigit():
        return ReportTemplate.objects.filter(pk=pk).first()
    return None


def _try_render(period, template, user):
    """(rendered or None, error lines)."""
    try:
        return render_report(period, template, user), []
    except TemplateError as exc:
        return None, [str(p) for p in exc.problems]
    except ReportError as exc:
        return None, [str(exc)]


def _checked(period, template):
    """(rendered or None, errors, consistency findings) of the period's report."""
    with render_scope():  # the body and the checks read the same figures: once each
        rendered, errors = _try_render(period, template, None)
        findings = (
            consistency.check(rendered.markdown, period, rendered.empty_lists) if rendered else []
        )
    return rendered, errors, findings


def checked_render(period, template):
    """The period's report rendered, its errors and its consistency findings: what the period
    page and the draft page both show. The organisation's report, the same for every reader:
    kept until the data changes (core.versions)."""
    return versions.kept(
        "report", _kept_parts(period, template), lambda: _checked(period, template)
    )


def _kept_parts(period, template) -> tuple:
    """What a kept report depends on besides the data: the period and the template asked for
    (none: the period's draft or the structure)."""
    return period.code, template.pk if template else "-"


def _differences(period) -> list[dict]:
    """What changed since the period was closed, each value as the report prints it."""
    diffs = []
    for d in indicator_services.differences(period):
        try:
            definition = registry.get(d.code)
        except LookupError:
            definition = None
        kind = getattr(definition, "kind", "count")

        def shown(v, kind=kind):
            return "—" if v is None else format_number(clean(v), None, kind)

        diffs.append(
            {
                "code": d.code,
                "label": getattr(definition, "label", ""),
                "cell": d.cell,
                "closed": shown(d.closed),
                "current": shown(d.current),
            }
        )
    return diffs


@login_required
def index(request):
    form = PeriodForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return redirect("reports:period", code=form.cleaned_data["period"].code)
    today_half = formats.Period.for_date("half", datetime.date.today())
    recent = [today_half]
    for _i in range(5):
        recent.append(recent[-1].previous())
    return render(
        request,
        "reports/index.html",
        {
            "form": form,
            "periods": recent,
            "templates": ReportTemplate.objects.all(),
            "drafts": ReportDraft.objects.all()[:10],
            "built": BuiltReport.objects.select_related("template", "built_by")[:20],
            "can_edit": can_edit(request.user),
        },
    )


def _period_parts(period, template) -> dict:
    """Everything the period page shows that is the organisation's, not the reader's: the
    report's checks, the differences since closing, the period's status, its draft's progress
    and its built files, the page's sections written as HTML (a view then writes two strings:
    no figure read, no section rendered). `rendered`, `errors`, `findings` and
    `progress_chart` are kept beside them for whoever reads the page's context."""
    with render_scope():  # one page: every figure read once (indicators.memo)
        rendered, errors, findings = _checked(period, template)
        differences = _differences(period)
    snapshot = indicator_services.get_snapshot(period)
    draft = ReportDraft.objects.filter(period=period.code).first()
    parts = {
        "closed": bool(snapshot and snapshot.is_closed),
        "rendered": rendered,
        "errors": errors,
        "findings": findings,
        "progress_chart": drafts.progress_chart(draft) if draft else None,
    }
    context = {
        **parts,
        "period": period,
        "snapshot": snapshot,
        "differences": differences,
        "formats": FORMATS,
        "templates": ReportTemplate.objects.only("pk", "name"),
        "built": BuiltReport.objects.filter(period=period.code).select_related("built_by")[:10],
    }
    parts["status_html"] = render_to_string("reports/_period_status.html", context)
    parts["sections_html"] = render_to_string("reports/_period_sections.html", context)
    return parts


@login_required
def period_page(request, code):
    period = _period_or_none(request, code)
    if period is None:
        return redirect("reports:index")
    template = _template(request)
    # the organisation's, the same for every reader: kept until the data changes
    # (core.versions); only the forms to close or reopen are the reader's
    parts = versions.kept(
        "period", _kept_parts(period, template), lambda: _period_parts(period, template)
    )
    return render(
        request,
        "reports/period.html",
        {
            **parts,
            "period": period,
            "reopen_form": ReopenForm(),
            "can_edit": can_edit(request.user),
        },
    )


@login_required
def report_page(request, code):
    period = _period_or_none(request, code)
    if period is None:
        return redirect("reports:index")
    template = _template(request)
    rendered, errors = _try_render(period, template, request.user)
    html = ""
    if rendered:
        try:
            html = html_fragment(rendered.markdown)
        except (OutputError, RuntimeError, OSError) as exc:
            errors = [str(exc)]
    return render(
        request,
        "reports/report.html",
        {
            "period": period,
            "rendered": rendered,
            "html": html,
            "errors": errors,
            "formats": FORMATS,
            "template": template,
        },
    )


@login_required
def download(request, code, fmt):
    period = _period_or_none(request, code)
    if period is None or fmt not in FORMATS:
        if fmt not in FORMATS:
            messages.error(request, _("Unknown format: %(fmt)s") % {"fmt": fmt})
        return redirect("reports:index")
    try:
        font = request.GET.get("font", "sans")
        report = save_report(period, fmt, _template(request), request.user, font=font)
    except TemplateError as exc:
        messages.error(request, exc.message)
        return redirect("reports:period", code=period.code)
    except (ReportError, OutputError) as exc:
        messages.error(request, str(exc))
        return redirect("reports:period", code=period.code)
    with report.file.open("rb") as fh:
        response = HttpResponse(fh.read(), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="report-{period.code}.{fmt}"'
    return response


@login_required
@require_POST
def close_period(request, code):
    _require_editor(request.user)
    period = _period_or_none(request, code)
    if period is not None:
        try:
            indicator_services.close_period(period, request.user)
            messages.success(
                request,
                _("Period %(p)s closed; its report now reads the snapshot.") % {"p": period.label},
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    return redirect("reports:period", code=code) if period else redirect("reports:index")


@login_required
@require_POST
def reopen_period(request, code):
    _require_editor(request.user)
    period = _period_or_none(request, code)
    if period is None:
        return redirect("reports:index")
    form = ReopenForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
        return redirect("reports:period", code=code)
    try:
        indicator_services.reopen_period(period, request.user, form.cleaned_data["reason"])
        messages.success(request, _("Period %(p)s reopened.") % {"p": period.label})
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("reports:period", code=code)


@login_required
def template_list(request):
    return render(
        request,
        "reports/template_list.html",
        {"templates": ReportTemplate.objects.all(), "can_edit": can_edit(request.user)},
    )


@login_required
def template_edit(request, pk=None):
    _require_editor(request.user)
    instance = get_object_or_404(ReportTemplate, pk=pk) if pk else None
    form = ReportTemplateForm(request.POST or None, instance=instance)
    preview_form = PreviewForm(request.POST or None)
    preview, preview_errors, missing = "", [], []
    if request.method == "POST" and "preview" in request.POST:
        period = preview_form.cleaned_data.get("period") if preview_form.is_valid() else None
        period = period or formats.Period.for_date("half", datetime.date.today()).previous()
        try:
            rendered = render_body(request.POST.get("body", ""), period, request.user)
            missing = rendered.missing
            preview = html_fragment(compose(rendered.markdown, rendered.missing))
        except TemplateError as exc:
            preview_errors = [str(p) for p in exc.problems]
    elif request.method == "POST" and form.is_valid():
        with transaction.atomic():
            obj = form.save()
        messages.success(request, _("Saved: %(obj)s") % {"obj": obj})
        return redirect("reports:template_edit", pk=obj.pk)
    return render(
        request,
        "reports/template_form.html",
        {
            "form": form,
            "object": instance,
            "preview_form": preview_form,
            "preview": preview,
            "preview_errors": preview_errors,
            "missing": missing,
            "help_lines": help_lines(),
        },
    )
