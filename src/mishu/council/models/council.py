"""The city council as 機要組 follows it (議事): terms, sessions, members, the questions agencies
must answer in writing, and the visits of agency heads to members (府會拜訪)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from mishu.core import formats
from mishu.core.models import DivisionScopedModel

from ..choices import QuestionKind, SessionKind


class Term(DivisionScopedModel):
    """A term (屆) of the city council, e.g. the 13th, 107/12/25–111/12/24."""

    number = models.PositiveSmallIntegerField(_("term"))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))

    ENTERED_FIELDS = ["number", "starts_on", "ends_on"]

    class Meta:
        ordering = ["-number"]
        verbose_name = _("council term")
        verbose_name_plural = _("council terms")
        constraints = [
            models.UniqueConstraint(
                fields=["division", "number"], name="council_term_number_unique"
            )
        ]

    def __str__(self):
        return _("Term %(n)s") % {"n": self.number}

    def get_absolute_url(self):
        return reverse("council:term_detail", args=[self.pk])

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end cannot be before the start.")})


class Session(DivisionScopedModel):
    """A session (大會) of a term: regular (定期大會, numbered within the term) or extraordinary."""

    term = models.ForeignKey(
        Term, verbose_name=_("term"), on_delete=models.PROTECT, related_name="sessions"
    )
    kind = models.CharField(
        _("kind"), max_length=14, choices=SessionKind.choices, default=SessionKind.REGULAR
    )
    number = models.PositiveSmallIntegerField(_("session"))
    starts_on = models.DateField(_("starts on"), db_index=True)
    ends_on = models.DateField(_("ends on"))

    ENTERED_FIELDS = ["term", "kind", "number", "starts_on", "ends_on"]

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("council session")
        verbose_name_plural = _("council sessions")
        constraints = [
            models.UniqueConstraint(
                fields=["term", "kind", "number"], name="council_session_number_unique"
            )
        ]

    def __str__(self):
        return _("Term %(t)s, %(kind)s %(n)s") % {
            "t": self.term.number,
            "kind": self.get_kind_display(),
            "n": self.number,
        }

    def get_absolute_url(self):
        return reverse("council:session_detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The end cannot be before the start.")
        if self.term_id and self.division_id and self.term.division_id != self.division_id:
            errors["term"] = _("The term belongs to another division.")
        elif self.term_id and self.starts_on and self.ends_on and "ends_on" not in errors:
            # the report's 第 N 屆 is the term of its session: a session outside it misstates it
            term = self.term
            if self.starts_on < term.starts_on or self.ends_on > term.ends_on:
                errors["starts_on"] = _("The session must fall within its term (%(t)s).") % {
                    "t": formats.format_range(term.starts_on, term.ends_on)
                }
        if errors:
            raise ValidationError(errors)


class Member(DivisionScopedModel):
    """A member of the council (議員) in a term."""

    term = models.ForeignKey(
        Term, verbose_name=_("term"), on_delete=models.PROTECT, related_name="members"
    )
    name = models.CharField(_("name"), max_length=60)
    party = models.CharField(_("party"), max_length=60, blank=True)
    district = models.CharField(_("constituency"), max_length=60, blank=True)

    ENTERED_FIELDS = ["term", "name", "party", "district"]

    class Meta:
        ordering = ["term", "name"]
        verbose_name = _("council member")
        verbose_name_plural = _("council members")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("council:member_detail", args=[self.pk])


class Question(DivisionScopedModel):
    """A question (質詢) put in a session that an agency must answer in writing by a deadline;
    the written replies of a session are compiled into one document (彙編)."""

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.PROTECT, related_name="questions"
    )
    member = models.ForeignKey(
        Member,
        verbose_name=_("council member"),
        on_delete=models.PROTECT,
        related_name="questions",
        null=True,
        blank=True,
    )
    kind = models.CharField(_("kind"), max_length=10, choices=QuestionKind.choices)
    subject = models.CharField(_("subject"), max_length=300)
    agency = models.ForeignKey(
        "core.Agency",
        verbose_name=_("answering agency"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    asked_on = models.DateField(_("asked on"), db_index=True)
    due_on = models.DateField(_("reply due on"))
    replied_on = models.DateField(_("replied on"), null=True, blank=True)
    reply = models.TextField(_("written reply"), blank=True)

    ENTERED_FIELDS = [
        "session",
        "member",
        "kind",
        "subject",
        "agency",
        "asked_on",
        "due_on",
        "replied_on",
        "reply",
    ]

    class Meta:
        ordering = ["-asked_on", "-pk"]
        verbose_name = _("council question")
        verbose_name_plural = _("council questions")

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("council:question_detail", args=[self.pk])

    def is_overdue(self, today=None) -> bool:
        """Replied after the deadline, or unanswered past it."""
        if self.replied_on:
            return self.replied_on > self.due_on
        return (today or timezone.localdate()) > self.due_on

    def reply_status(self) -> str:
        """Replied on time or late, awaiting a reply, or overdue."""
        if self.replied_on:
            return str(_("Replied late") if self.is_overdue() else _("Replied before the deadline"))
        return str(
            pgettext_lazy("question", "Overdue") if self.is_overdue() else _("Awaiting the reply")
        )

    reply_status.short_description = _("reply status")

    def clean(self):
        errors = {}
        if self.asked_on and self.due_on and self.due_on < self.asked_on:
            errors["due_on"] = _("The deadline cannot be before the question.")
        if self.replied_on and self.asked_on and self.replied_on < self.asked_on:
            errors["replied_on"] = _("The reply cannot be before the question.")
        if self.replied_on and not self.reply.strip():
            errors["reply"] = _("Give the written reply.")
        if self.session_id and self.member_id and self.member.term_id != self.session.term_id:
            errors["member"] = _("The member does not sit in this session's term.")
        if errors:
            raise ValidationError(errors)


class Visit(DivisionScopedModel):
    """A visit of an agency's head to a council member during a session (府會拜訪)."""

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.PROTECT, related_name="visits"
    )
    agency = models.ForeignKey(
        "core.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    member = models.ForeignKey(
        Member, verbose_name=_("council member"), on_delete=models.PROTECT, related_name="visits"
    )
    visited_on = models.DateField(_("visited on"))
    visitor = models.CharField(_("visitor"), max_length=100, blank=True)

    ENTERED_FIELDS = ["session", "agency", "member", "visited_on", "visitor"]

    class Meta:
        ordering = ["-visited_on", "-pk"]
        verbose_name = _("council visit")
        verbose_name_plural = _("council visits")

    def __str__(self):
        return f"{self.agency} → {self.member}"

    def get_absolute_url(self):
        return reverse("council:visit_detail", args=[self.pk])

    def clean(self):
        if self.session_id and self.member_id and self.member.term_id != self.session.term_id:
            raise ValidationError({"member": _("The member does not sit in this session's term.")})
