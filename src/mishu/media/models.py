"""The records of 媒體事務組: press releases (the secretariat's and every agency's), responses
to press reports (輿情回應), the mayor's interviews and media dinners, social media posts, and
the images and videos produced."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from mishu.core.models import DivisionScopedModel
from mishu.core.workdays import office_calendar

from .choices import EngagementKind, Platform, ProductionKind, ResponseStatus


class PressRelease(DivisionScopedModel):
    """A press release published by an agency (the secretariat's own ones are 本處; all of them
    together are the city's, 全府)."""

    agency = models.ForeignKey(
        "core.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=300)
    published_on = models.DateField(_("published on"), db_index=True)
    body = models.TextField(_("text"), blank=True)
    link = models.URLField(_("link"), blank=True)

    ENTERED_FIELDS = ["agency", "title", "published_on", "body", "link"]

    class Meta:
        ordering = ["-published_on", "-pk"]
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("media:pressrelease_detail", args=[self.pk])


class NewsResponse(DivisionScopedModel):
    """A report in the press that an agency is asked to answer (輿情回應), by a deadline counted
    in working days from the request; replied late or not at all past it, it is overdue."""

    headline = models.CharField(_("press report"), max_length=300)
    outlet = models.CharField(_("outlet"), max_length=100, blank=True)
    reported_on = models.DateField(_("reported on"))
    agency = models.ForeignKey(
        "core.Agency",
        verbose_name=_("responsible agency"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    requested_on = models.DateField(_("requested on"), db_index=True)
    allowed_days = models.PositiveSmallIntegerField(
        _("working days allowed"), default=1, validators=[MinValueValidator(1)]
    )
    due_on = models.DateField(_("due on"), null=True, blank=True, editable=False)
    replied_on = models.DateField(_("replied on"), null=True, blank=True)
    reply = models.TextField(_("reply"), blank=True)

    ENTERED_FIELDS = [
        "headline",
        "outlet",
        "reported_on",
        "agency",
        "requested_on",
        "allowed_days",
        "replied_on",
        "reply",
    ]

    class Meta:
        ordering = ["-requested_on", "-pk"]
        verbose_name = _("news response")
        verbose_name_plural = _("news responses")

    def __str__(self):
        return self.headline

    def get_absolute_url(self):
        return reverse("media:newsresponse_detail", args=[self.pk])

    @property
    def status(self) -> str:
        return ResponseStatus.REPLIED if self.replied_on else ResponseStatus.REQUESTED

    def is_overdue(self, today=None) -> bool:
        """Replied after the deadline, or not replied and the deadline has passed."""
        from django.utils import timezone

        if self.due_on is None:
            return False
        if self.replied_on:
            return self.replied_on > self.due_on
        return (today or timezone.localdate()) > self.due_on

    def reply_status(self) -> str:
        """Replied on time or late, awaiting the reply, or overdue."""
        if self.replied_on:
            return str(
                pgettext_lazy("response", "Replied late")
                if self.is_overdue()
                else pgettext_lazy("response", "Replied by the deadline")
            )
        return str(
            pgettext_lazy("response", "Overdue")
            if self.is_overdue()
            else pgettext_lazy("response", "Awaiting the reply")
        )

    reply_status.short_description = pgettext_lazy("response", "reply status")

    def clean(self):
        errors = {}
        if self.reported_on and self.requested_on and self.requested_on < self.reported_on:
            errors["requested_on"] = _("The request cannot be before the press report.")
        if self.replied_on and self.requested_on and self.replied_on < self.requested_on:
            errors["replied_on"] = _("The reply cannot be before the request.")
        if self.replied_on and not self.reply.strip():
            errors["reply"] = _("Give the reply.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # the one place the deadline is computed, whatever path saves the response
        if self.requested_on and self.allowed_days:
            self.due_on = office_calendar().add_workdays(self.requested_on, self.allowed_days)
        super().save(*args, **kwargs)


class Engagement(DivisionScopedModel):
    """A media interview with the mayor (專訪) or a dinner of the mayor with the press (餐敘)."""

    kind = models.CharField(_("kind"), max_length=12, choices=EngagementKind.choices)
    held_on = models.DateField(_("held on"), db_index=True)
    outlet = models.CharField(_("outlet"), max_length=200)
    subject = models.CharField(_("subject"), max_length=300, blank=True)

    ENTERED_FIELDS = ["kind", "held_on", "outlet", "subject"]

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("interview or media dinner")
        verbose_name_plural = _("interviews and media dinners")

    def __str__(self):
        return f"{self.get_kind_display()} {self.outlet}"

    def get_absolute_url(self):
        return reverse("media:engagement_detail", args=[self.pk])


class SocialPost(DivisionScopedModel):
    """A post on one of the mayor's social media accounts."""

    platform = models.CharField(_("platform"), max_length=20, choices=Platform.choices)
    posted_on = models.DateField(_("posted on"), db_index=True)
    summary = models.CharField(_("summary"), max_length=300)
    link = models.URLField(_("link"), blank=True)

    ENTERED_FIELDS = ["platform", "posted_on", "summary", "link"]

    class Meta:
        ordering = ["-posted_on", "-pk"]
        verbose_name = _("social media post")
        verbose_name_plural = _("social media posts")

    def __str__(self):
        return f"{self.platform} {self.summary}"

    def get_absolute_url(self):
        return reverse("media:socialpost_detail", args=[self.pk])


class Production(DivisionScopedModel):
    """An image or a video produced for a campaign (宣傳專案)."""

    kind = models.CharField(_("kind"), max_length=8, choices=ProductionKind.choices)
    title = models.CharField(_("title"), max_length=300)
    campaign = models.CharField(_("campaign"), max_length=200, blank=True)
    produced_on = models.DateField(_("produced on"), db_index=True)

    ENTERED_FIELDS = ["kind", "title", "campaign", "produced_on"]

    class Meta:
        ordering = ["-produced_on", "-pk"]
        verbose_name = _("image or video")
        verbose_name_plural = _("images and videos")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("media:production_detail", args=[self.pk])
