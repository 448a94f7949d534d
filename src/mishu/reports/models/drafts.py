"""A period's report draft: per-section texts written by the divisions, their versions,
comments and the steps of the workflow (``reports/workflow.py``)."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from mishu.core import formats

from ..choices import DraftState, SectionState


class ReportDraft(models.Model):
    """The report of one period as its divisions write it; started from the previous period's
    draft or from the structure."""

    period = models.CharField("期別", max_length=10, unique=True)
    template = models.ForeignKey(
        "reports.ReportTemplate",
        verbose_name="報告結構",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="drafts",
    )
    started_from = models.ForeignKey(
        "self",
        verbose_name="沿用自",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    state = models.CharField(
        "狀態", max_length=12, choices=DraftState.choices, default=DraftState.DRAFTING
    )
    created = models.DateTimeField("建立時間", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="建立者",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-period"]
        verbose_name = "報告草稿"
        verbose_name_plural = "報告草稿"

    def __str__(self):
        from mishu.core.formats import FormatError, Period

        try:
            return f"{Period.parse(self.period).label}工作報告草稿"
        except FormatError:
            return self.period

    def get_absolute_url(self):
        return reverse("reports:draft", args=[self.period])

    @property
    def period_obj(self):
        from mishu.core.formats import Period

        return Period.parse(self.period)

    @property
    def locked(self) -> bool:
        """A final draft of a closed period: nobody changes it any more."""
        from mishu.indicators.services import is_closed

        return self.state == DraftState.FINAL and is_closed(self.period_obj)

    def body(self) -> str:
        """The sections joined into one Markdown narrative."""
        from ..structure import join

        return join(s.body for s in self.sections.all())


class DraftSection(models.Model):
    """One section of a draft (壹一 …): its text, its writer division and its state."""

    draft = models.ForeignKey(
        ReportDraft, verbose_name="草稿", on_delete=models.CASCADE, related_name="sections"
    )
    key = models.CharField("章節", max_length=10)
    title = models.CharField("標題", max_length=100, blank=True)
    order = models.PositiveSmallIntegerField("順序", default=0)
    division = models.ForeignKey(
        "core.Division",
        verbose_name="撰寫單位",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    body = models.TextField("內容", blank=True)
    state = models.CharField(
        "狀態", max_length=12, choices=SectionState.choices, default=SectionState.EDITING
    )
    version = models.PositiveIntegerField("版次", default=1)
    last_updated = models.DateTimeField("最後更新", auto_now=True)

    class Meta:
        ordering = ["draft", "order"]
        constraints = [
            models.UniqueConstraint(fields=["draft", "key"], name="reports_draft_section_key")
        ]
        verbose_name = "草稿章節"
        verbose_name_plural = "草稿章節"

    def __str__(self):
        return f"{self.key} {self.title}".strip()

    def get_absolute_url(self):
        return reverse("reports:section", args=[self.draft.period, self.key])

    @property
    def writer(self) -> str:
        return self.division.short_name if self.division else "研考（彙編）"


class SectionVersion(models.Model):
    """A saved text of a section; every edit keeps the text it replaced."""

    section = models.ForeignKey(
        DraftSection, verbose_name="章節", on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField("版次")
    body = models.TextField("內容", blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="修改者",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created = models.DateTimeField("時間", auto_now_add=True)
    note = models.CharField("說明", max_length=200, blank=True)

    class Meta:
        ordering = ["section", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["section", "number"], name="reports_section_version")
        ]
        verbose_name = "章節版本"
        verbose_name_plural = "章節版本"

    def __str__(self):
        return f"{self.section} 第 {self.number} 版"


class SectionComment(models.Model):
    """A reviewer's or writer's comment on a section."""

    section = models.ForeignKey(
        DraftSection, verbose_name="章節", on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="留言者",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField("意見", max_length=2000)
    created = models.DateTimeField("時間", auto_now_add=True)

    class Meta:
        ordering = ["section", "created", "pk"]
        verbose_name = "章節意見"
        verbose_name_plural = "章節意見"

    def __str__(self):
        return self.text[:30]


class DraftEvent(models.Model):
    """One step of a draft or section: who did it, when, from which state to which."""

    draft = models.ForeignKey(
        ReportDraft, verbose_name="草稿", on_delete=models.CASCADE, related_name="events"
    )
    section = models.ForeignKey(
        DraftSection,
        verbose_name="章節",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="events",
    )
    action = models.CharField("動作", max_length=20)
    from_state = models.CharField("原狀態", max_length=12, blank=True)
    to_state = models.CharField("新狀態", max_length=12, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="人員",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField("時間", auto_now_add=True)
    note = models.CharField("說明", max_length=500, blank=True)

    class Meta:
        ordering = ["draft", "at", "pk"]
        verbose_name = "草稿紀錄"
        verbose_name_plural = "草稿紀錄"

    def __str__(self):
        return f"{self.action} {formats.format_datetime(self.at, short=True)}"
