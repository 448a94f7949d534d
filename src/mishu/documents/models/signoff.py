"""The files of an online sign-off (線上簽核): the document itself in DI format (公文 XML, as
exchanged between agencies) and the sign-off record (SI, who signed what and when), kept as
received with their digest and what Mishu read from them."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mishu.core.querysets import RestrictedQuerySet

from .document import Document


class FileKind(models.TextChoices):
    DI = "di", _("DI document file (公文 DI 檔)")
    SI = "si", _("SI sign-off file (簽核 SI 檔)")


class SignoffFile(models.Model):
    """A DI or SI file of a document. The XML is stored verbatim; `summary` holds what was read
    from it (the number and subject of a DI file, the sign-off steps of an SI file)."""

    document = models.ForeignKey(
        Document,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="signoff_files",
    )
    kind = models.CharField(_("kind"), max_length=2, choices=FileKind.choices)
    file_name = models.CharField(_("file name"), max_length=200)
    content = models.TextField(_("XML content"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("size (bytes)"))
    summary = models.JSONField(_("read from the file"), default=dict)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    objects = RestrictedQuerySet.as_manager()
    division_path = "document__division"
    audit_skip = {"content"}  # the file is kept verbatim; the log records its digest

    class Meta:
        ordering = ["document", "kind", "uploaded_at"]
        verbose_name = _("sign-off file")
        verbose_name_plural = _("sign-off files")

    def __str__(self):
        return f"{self.document.number} {self.get_kind_display()} {self.file_name}"

    def get_absolute_url(self):
        return reverse("documents:signoff_file", args=[self.document_id, self.pk])
