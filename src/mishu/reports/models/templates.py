"""Report structures (templates), their sections and owners, and the report files built."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..rendering.outputs import FORMATS


class ReportTemplate(models.Model):
    """A Markdown narrative with placeholders (``{{ value CODE }}``) from which reports are built."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    body = models.TextField(_("body"), help_text=_("Markdown narrative with {{ placeholders }}."))
    is_default = models.BooleanField(_("default"), default=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    last_updated = models.DateTimeField(_("last updated"), auto_now=True)

    class Meta:
        ordering = ["-is_default", "name"]
        verbose_name = _("report template")
        verbose_name_plural = _("report templates")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.is_default:  # one default at a time
            ReportTemplate.objects.exclude(pk=self.pk).filter(is_default=True).update(
                is_default=False
            )
        self.sync_owners()

    def get_absolute_url(self):
        return reverse("reports:template_edit", args=[self.pk])

    def sync_owners(self):
        """One StructureSection per section of the body: existing owners kept by key, new
        sections owned as ``structure.DEFAULT_OWNERS`` says, sections no longer there removed."""
        from mishu.core.models import Division

        from .. import structure

        parts = structure.split(self.body)
        existing = {s.key: s for s in self.owner_rows.all()}
        divisions = {d.code: d for d in Division.objects.all()}
        for order, part in enumerate(parts):
            row = existing.pop(part.key, None)
            if row is None:
                code = structure.DEFAULT_OWNERS.get(part.key)
                StructureSection.objects.create(
                    template=self,
                    key=part.key,
                    title=part.title,
                    order=order,
                    division=divisions.get(code),
                )
            elif (row.title, row.order) != (part.title, order):
                row.title, row.order = part.title, order
                row.save(update_fields=["title", "order"])
        for row in existing.values():
            row.delete()

    @classmethod
    def default(cls) -> "ReportTemplate | None":
        """The default template, else the first one."""
        return cls.objects.filter(is_default=True).first() or cls.objects.order_by("pk").first()

    @classmethod
    def structure(cls) -> "ReportTemplate":
        """The default structure; a database without one gets the structure Mishu ships."""
        from .. import structure

        found = cls.default()
        if found is None:
            found, _created = cls.objects.get_or_create(
                name=structure.SHIPPED_NAME,
                defaults={"body": structure.shipped_body(), "is_default": True},
            )
        return found

    def sections(self) -> list:
        """The structure's sections (key, title, text) with their owner, in order."""
        from .. import structure

        owners = {s.key: s.division for s in self.owner_rows.select_related("division")}
        return [(part, owners.get(part.key)) for part in structure.split(self.body)]


class StructureSection(models.Model):
    """Who writes one section of a structure: 壹一 總務組, 壹二 文書組, … (none: 研考)."""

    template = models.ForeignKey(
        ReportTemplate,
        verbose_name=_("template"),
        on_delete=models.CASCADE,
        related_name="owner_rows",
    )
    key = models.CharField("章節", max_length=10)
    title = models.CharField("標題", max_length=100, blank=True)
    order = models.PositiveSmallIntegerField("順序", default=0)
    division = models.ForeignKey(
        "core.Division",
        verbose_name=_("division"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="撰寫本章節的單位；空白表示由研考彙編人員撰寫",
    )

    class Meta:
        ordering = ["template", "order"]
        constraints = [
            models.UniqueConstraint(fields=["template", "key"], name="reports_structure_key")
        ]
        verbose_name = "報告結構章節"
        verbose_name_plural = "報告結構章節"

    def __str__(self):
        return f"{self.key} {self.title}"


class BuiltReport(models.Model):
    """A report file built for a period: which template, format, by whom, from a snapshot or not."""

    period = models.CharField(_("period"), max_length=10, db_index=True)
    template = models.ForeignKey(
        ReportTemplate,
        verbose_name=_("template"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports",
    )
    format = models.CharField(_("format"), max_length=5, choices=[(f, f.upper()) for f in FORMATS])
    file = models.FileField(_("file"), upload_to="reports/%Y/")
    built_at = models.DateTimeField(_("built at"), auto_now_add=True)
    built_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("built by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    draft = models.ForeignKey(
        "reports.ReportDraft",
        verbose_name="草稿",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="built",
    )
    from_snapshot = models.BooleanField(_("from snapshot"), default=False)
    missing = models.JSONField(_("missing values"), default=list, blank=True)

    class Meta:
        ordering = ["-built_at", "-pk"]
        verbose_name = _("built report")
        verbose_name_plural = _("built reports")

    def __str__(self):
        return f"{self.period} {self.format}"
