"""The records of the city gazette (臺北市政府公報) and the yearbook (臺北市年鑑), kept by 機要組:
issues with their items, the e-paper's subscriptions, and the yearbook editions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mishu.core.models import DivisionScopedModel

from .choices import ItemCategory


class Issue(DivisionScopedModel):
    """One issue (期) of the gazette, published on a date."""

    number = models.CharField(_("issue number"), max_length=40)
    published_on = models.DateField(_("published on"), db_index=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    ENTERED_FIELDS = ["number", "published_on", "note"]

    class Meta:
        ordering = ["-published_on", "-pk"]
        verbose_name = _("gazette issue")
        verbose_name_plural = _("gazette issues")
        constraints = [
            models.UniqueConstraint(fields=["division", "number"], name="gazette_issue_number")
        ]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("gazette:issue_detail", args=[self.pk])


class Item(DivisionScopedModel):
    """An item (法規, 公告, ...) published in an issue, from the agency that sent it."""

    issue = models.ForeignKey(
        Issue, verbose_name=_("issue"), on_delete=models.CASCADE, related_name="items"
    )
    category = models.CharField(_("category"), max_length=12, choices=ItemCategory.choices)
    title = models.CharField(_("title"), max_length=300)
    agency = models.ForeignKey(
        "core.Agency",
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )

    ENTERED_FIELDS = ["issue", "category", "title", "agency"]

    class Meta:
        ordering = ["issue", "pk"]
        verbose_name = _("gazette item")
        verbose_name_plural = _("gazette items")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("gazette:item_detail", args=[self.pk])

    def clean(self):
        if self.issue_id and self.division_id and self.issue.division_id != self.division_id:
            raise ValidationError({"issue": _("The issue belongs to another division.")})


class Subscription(DivisionScopedModel):
    """A subscription to the gazette's e-paper (電子報), from the day it started to the day it
    ended. The subscribers of a period are those subscribed at its end (a stock)."""

    email = models.EmailField(_("e-mail"))
    subscribed_on = models.DateField(_("subscribed on"), db_index=True)
    unsubscribed_on = models.DateField(_("unsubscribed on"), null=True, blank=True)

    ENTERED_FIELDS = ["email", "subscribed_on", "unsubscribed_on"]
    audit_mask = {"email"}  # a subscriber's address is personal data

    class Meta:
        ordering = ["-subscribed_on", "-pk"]
        verbose_name = _("e-paper subscription")
        verbose_name_plural = _("e-paper subscriptions")

    def __str__(self):
        name, _at, domain = self.email.partition("@")
        return f"{name[:2]}●●●@{domain}"

    def get_absolute_url(self):
        return reverse("gazette:subscription_detail", args=[self.pk])

    def clean(self):
        if (
            self.unsubscribed_on
            and self.subscribed_on
            and self.unsubscribed_on < self.subscribed_on
        ):
            raise ValidationError(
                {"unsubscribed_on": _("The end cannot be before the start of the subscription.")}
            )


class Yearbook(DivisionScopedModel):
    """An edition of the Taipei yearbook (臺北市年鑑), Chinese and English, with the date it is
    due and the date it was published."""

    title = models.CharField(_("title"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year covered"))
    edition = models.CharField(_("edition"), max_length=100, blank=True)
    due_on = models.DateField(_("due on"))
    published_on = models.DateField(_("published on"), null=True, blank=True)

    ENTERED_FIELDS = ["title", "year", "edition", "due_on", "published_on"]

    class Meta:
        ordering = ["-year", "-pk"]
        verbose_name = _("yearbook")
        verbose_name_plural = _("yearbooks")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("gazette:yearbook_detail", args=[self.pk])

    def is_overdue(self, today=None) -> bool:
        """Not published by its due date."""
        if self.published_on:
            return self.published_on > self.due_on
        return (today or timezone.localdate()) > self.due_on
