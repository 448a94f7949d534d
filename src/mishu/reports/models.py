"""Report templates and the reports built from them."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .rendering.outputs import FORMATS


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

    def get_absolute_url(self):
        return reverse("reports:template_edit", args=[self.pk])

    @classmethod
    def default(cls) -> "ReportTemplate | None":
        """The default template, else the first one."""
        return cls.objects.filter(is_default=True).first() or cls.objects.order_by("pk").first()


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
    from_snapshot = models.BooleanField(_("from snapshot"), default=False)
    missing = models.JSONField(_("missing values"), default=list, blank=True)

    class Meta:
        ordering = ["-built_at", "-pk"]
        verbose_name = _("built report")
        verbose_name_plural = _("built reports")

    def __str__(self):
        return f"{self.period} {self.format}"
