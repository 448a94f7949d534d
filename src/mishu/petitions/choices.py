"""Choices of the petition records."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    MAILBOX = "mailbox", _("Mayor's mailbox")
    HOTLINE = "1999", _("1999 hotline")
    LETTER = "letter", _("Letter")
    WALK_IN = "walk-in", _("Walk-in")
    EMAIL = "email", _("E-mail")
    WEB = "web", _("Public web form")


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    ASSIGNED = "assigned", _("Assigned")
    IN_PROGRESS = "in-progress", _("In progress")
    REPLIED = "replied", _("Replied")
    CLOSED = "closed", _("Closed")
    DECLINED = "declined", _("Declined (registered)")


class DeclineReason(models.TextChoices):
    """Why a petition is not handled (行政程序法 §172–173); it is still registered."""

    ANONYMOUS = "anonymous", _("No concrete content, or no real name or address")
    REPEATED = "repeated", _("Same matter already answered clearly, petitioned again")
    NOT_COMPETENT = "not-competent", _("Not the competent agency; sent to several agencies")


class Satisfaction(models.TextChoices):
    VERY_SATISFIED = "5", _("Very satisfied")
    SATISFIED = "4", _("Satisfied")
    NEUTRAL = "3", _("Neutral")
    DISSATISFIED = "2", _("Dissatisfied")
    VERY_DISSATISFIED = "1", _("Very dissatisfied")


class EventAction(models.TextChoices):
    RECEIVED = "received", _("Received")
    ASSIGNED = "assigned", _("Assigned")
    REASSIGNED = "reassigned", _("Reassigned")
    STARTED = "started", _("Work started")
    EXTENDED = "extended", _("Deadline extended")
    EXTENSION_ASKED = "ext_asked", _("Extension requested")
    EXTENSION_REFUSED = "ext_refused", _("Extension rejected")
    REPLIED = "replied", _("Replied")
    CLOSED = "closed", _("Closed")
    DECLINED = "declined", _("Declined")
    ANONYMISED = "anonymised", _("Personal data erased")
    REMINDED = "reminded", _("Reminder sent")


class ExtensionStatus(models.TextChoices):
    REQUESTED = "requested", _("Awaiting the supervisor")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
