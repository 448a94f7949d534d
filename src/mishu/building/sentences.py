"""Building projects as report sentences: the ``building.projects`` list source.

One record per project carries both its completion (竣工) and acceptance (驗收) dates, so the
report's two mentions of a project (壹七 and the KPI of 貳七) cannot disagree. A project with a
completion date reads ``「{title}」全案業於 108年5月21日 竣工，並於 108年7月23日 驗收合格。``,
one without ``「{title}」於 11 月 18 日驗收合格。``.
"""

from mishu.reports import sources

from .models import BuildingProject

FIELDS = ("title", "done", "accepted", "accepted_md", "description")
PATTERNS = [
    "「{title}」全案業於 {done} 竣工，並於 {accepted} 驗收合格。",
    "「{title}」於 {accepted_md}驗收合格。",
]
YES = {"yes", "true", "1", "是"}
NO = {"no", "false", "0", "否"}


def _compact(d) -> str | None:
    return sources.compact_date(d) if d else None


def _fields(project: BuildingProject) -> dict:
    accepted = project.accepted_on
    return {
        "title": project.title,
        "done": _compact(project.completed_on),
        "accepted": _compact(accepted),
        "accepted_md": f"{accepted.month} 月 {accepted.day} 日" if accepted else None,
        "description": project.description,
    }


def sentence(project: BuildingProject, pattern: str = "") -> str:
    """The project as one sentence: ``pattern`` if the project has its fields, else the first
    default pattern it has the fields for."""
    candidates = [pattern, *PATTERNS] if pattern else PATTERNS
    return sources.first_fitting(_fields(project), candidates) or f"「{project.title}」。"


def _flag(name: str, text: str) -> bool | None:
    if text == "":
        return None
    if text.lower() in YES:
        return True
    if text.lower() in NO:
        return False
    raise ValueError(f"{name} 應為 yes 或 no，而非「{text}」")


def projects(period, user=None, division="", completed="", listed="", title=""):
    """The projects accepted in ``period`` that ``user`` may see, by acceptance date."""
    qs = (
        BuildingProject.objects.all()
        if user is None
        else BuildingProject.objects.restrict(user, "view")
    )
    qs = qs.filter(accepted_on__range=(period.start, period.end))
    if division:
        qs = qs.filter(division__code=division)
    flag = _flag("completed", completed)
    if flag is not None:
        qs = qs.filter(completed_on__isnull=not flag)
    flag = _flag("listed", listed)
    if flag is not None:
        qs = qs.filter(listed=flag)
    if title:
        qs = qs.filter(title__contains=title)
    return list(qs.order_by("accepted_on", "title", "pk"))


@sources.register("building.projects")
def project_sentences(period, user=None, pattern: str = "", **filters) -> list[str]:
    """The ``building.projects`` list source: one Markdown-safe sentence per project accepted
    in the period. Filters: ``division`` (code), ``completed=yes|no`` (has a completion date),
    ``listed=yes|no`` (a tracked facility project), ``title`` (contains); ``pattern`` overrides
    the sentence, with fields {title} {done} {accepted} {accepted_md} {description}."""
    known = {"division", "completed", "listed", "title"}
    unknown = sorted(set(filters) - known)
    if unknown:
        raise ValueError(
            "building.projects 不支援參數："
            + "、".join(unknown)
            + "（可用：division、completed、listed、title、pattern）"
        )
    if pattern:
        sources.check_pattern(pattern, FIELDS)
    return [
        sources.markdown_safe(sentence(p, pattern))
        for p in projects(period, user, **{k: str(v) for k, v in filters.items()})
    ]


@sources.register("building.ems")
def ems_buildings(period, user=None, **filters) -> list[str]:
    """The ``building.ems`` list source: the buildings whose energy management system (EMS)
    was completed in the period, by completion date (the names behind energy.ems_buildings)."""
    if filters:
        raise ValueError("building.ems 不支援參數：" + "、".join(sorted(filters)))
    from .models import EmsInstallation

    qs = EmsInstallation.objects.all() if user is None else EmsInstallation.objects.restrict(user)
    qs = qs.filter(completed_on__range=(period.start, period.end))
    return [
        sources.markdown_safe(name)
        for name in qs.order_by("completed_on", "building").values_list("building", flat=True)
    ]


STALL_FIELDS = ("title", "place", "when", "months", "stalls")


@sources.register("building.stall_calls")
def stall_calls(period, user=None, pattern: str = "{when}止，共 {months} 個月", **filters):
    """The ``building.stall_calls`` list source: the stall calls whose exhibition ends in the
    period (the calls behind city_hall.market_stalls), one phrase each. ``pattern`` fields:
    {title} {place} {when} (the exhibition period, 108年5月1日至10月31日) {months} {stalls}."""
    if filters:
        raise ValueError("building.stall_calls 不支援參數：" + "、".join(sorted(filters)))
    sources.check_pattern(pattern, STALL_FIELDS)
    from .models import StallCall

    qs = StallCall.objects.all() if user is None else StallCall.objects.restrict(user)
    qs = qs.filter(closes_on__range=(period.start, period.end)).order_by("closes_on", "title")
    out = []
    for call in qs:
        start, end = call.opens_on, call.closes_on
        fields = {
            "title": call.title,
            "place": call.place,
            "when": sources.compact_range(start, end),
            "months": sources.months_spanned(start, end),
            "stalls": call.stalls,
        }
        out.append(sources.markdown_safe(pattern.format(**fields)))
    return out
