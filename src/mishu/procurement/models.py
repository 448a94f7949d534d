"""Tender cases (採購案) run by 總務組."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mishu.core.models import DivisionScopedModel


class Method(models.TextChoices):
    OPEN = "open", _("Open tendering")  # 公開招標
    SELECTIVE = "selective", _("Selective tendering")  # 選擇性招標
    LIMITED = "limited", _("Limited tendering")  # 限制性招標
    SMALL = "small", _("Small purchase")  # 小額採購


class TenderCase(DivisionScopedModel):
    """A tender: subject, method, budget, publication, award (date, amount, vendor)."""

    number = models.CharField(_("case number"), max_length=40, blank=True)
    subject = models.CharField(_("subject"), max_length=300)
    method = models.CharField(
        _("method"), max_length=12, choices=Method.choices, default=Method.OPEN
    )
    budget = models.DecimalField(
        _("budget"), max_digits=14, decimal_places=0, validators=[MinValueValidator(0)]
    )
    published_on = models.DateField(_("published on"), null=True, blank=True)
    awarded_on = models.DateField(_("awarded on"), null=True, blank=True)
    award_amount = models.DecimalField(
        _("award amount"),
        max_digits=14,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    vendor = models.CharField(_("vendor"), max_length=200, blank=True)
    result_published_on = models.DateField(_("award notice published on"), null=True, blank=True)

    class Meta:
        ordering = ["-awarded_on", "-pk"]
        verbose_name = _("tender case")
        verbose_name_plural = _("tender cases")

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("procurement:tendercase_detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.awarded_on or self.award_amount is not None or self.vendor:
            if not self.awarded_on:
                errors["awarded_on"] = _("Give the award date.")
            if self.award_amount is None:
                errors["award_amount"] = _("Give the award amount.")
            if not self.vendor:
                errors["vendor"] = _("Name the vendor.")
        if self.published_on and self.awarded_on and self.awarded_on < self.published_on:
            errors["awarded_on"] = _("The award cannot be before the publication.")
        if errors:
            raise ValidationError(errors)
