"""Destruction lists (銷毀目錄): drawn from an office's due case files, or received from an agency
as a file with its counts, reviewed step by step (see `workflow.py`), then destroyed after a
waiting period in which any file can still be taken off the list."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mishu.core.models import DivisionScopedModel
from mishu.core.querysets import RestrictedQuerySet

from ..choices import ListSource, ListState
from .catalogue import CaseFile


class DestructionList(DivisionScopedModel):
    """A destruction list: whose (agency), its counts (件/案/卷), where it stands in review, the
    national archives' approval number and the record of the destruction."""

    agency = models.ForeignKey(
        "core.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    source = models.CharField(_("source"), max_length=10, choices=ListSource.choices)
    title = models.CharField(_("title"), max_length=300)
    received_on = models.DateField(_("drawn or received on"))
    items = models.PositiveIntegerField(_("items (件)"), default=0)
    cases = models.PositiveIntegerField(_("cases (案)"), default=0)
    volumes = models.PositiveIntegerField(_("volumes (卷)"), default=0)
    state = models.CharField(_("state"), max_length=16, choices=ListState.choices)
    first_reviewed_on = models.DateField(_("first review on"), null=True, blank=True)
    approval_no = models.CharField(_("approval number"), max_length=60, blank=True)
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    waiting_until = models.DateField(_("waiting period until"), null=True, blank=True)
    destroyed_on = models.DateField(_("destroyed on"), null=True, blank=True)
    method = models.CharField(_("destruction method"), max_length=100, blank=True)
    witness = models.CharField(_("witness"), max_length=100, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("destruction list")
        verbose_name_plural = _("destruction lists")
        indexes = [models.Index(fields=["first_reviewed_on"], name="archives_list_reviewed")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("archives:destructionlist_detail", args=[self.pk])


class DestructionEntry(models.Model):
    """A case file on an own destruction list; taken off (`removed_on`) it is kept again."""

    destruction_list = models.ForeignKey(
        DestructionList,
        verbose_name=_("destruction list"),
        on_delete=models.CASCADE,
        related_name="entries",
    )
    case_file = models.ForeignKey(
        CaseFile, verbose_name=_("case file"), on_delete=models.PROTECT, related_name="+"
    )
    removed_on = models.DateField(_("taken off on"), null=True, blank=True)
    removed_reason = models.CharField(_("reason for keeping"), max_length=300, blank=True)
    keep_years = models.PositiveSmallIntegerField(_("keep longer (years)"), null=True, blank=True)

    objects = RestrictedQuerySet.as_manager()
    division_path = "destruction_list__division"

    class Meta:
        ordering = ["case_file__year", "case_file__case_no"]
        verbose_name = _("destruction list entry")
        verbose_name_plural = _("destruction list entries")

    def __str__(self):
        return f"{self.destruction_list} · {self.case_file}"


class DestructionStep(models.Model):
    """One review step taken on a list (who, when, which step, remarks): the review's record."""

    destruction_list = models.ForeignKey(
        DestructionList,
        verbose_name=_("destruction list"),
        on_delete=models.CASCADE,
        related_name="steps",
    )
    name = models.CharField(_("step"), max_length=30)
    from_state = models.CharField(_("from"), max_length=16)
    to_state = models.CharField(_("to"), max_length=16)
    on = models.DateField(_("date"))
    at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("review step")
        verbose_name_plural = _("review steps")

    def __str__(self):
        return f"{self.destruction_list} {self.name}"

    @property
    def label(self):
        from ..workflow import TRANSITIONS

        return TRANSITIONS[self.name][2] if self.name in TRANSITIONS else self.name
