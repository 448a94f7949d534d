"""Choice lists of the document register (文書處理手冊)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Office(models.TextChoices):
    """Whose number a document carries: the city government's or the secretariat's own."""

    CITY = "city", _("City Government (本府)")
    SECRETARIAT = "secretariat", _("Secretariat (本處)")


# The word prefix of each office's document number (府秘文字第1080000001號).
OFFICE_PREFIX = {Office.CITY: "府秘文字", Office.SECRETARIAT: "北市秘文字"}


class Direction(models.TextChoices):
    INCOMING = "incoming", _("Incoming (收文)")
    OUTGOING = "outgoing", _("Outgoing (創稿發文)")


class Speed(models.TextChoices):
    MOST_URGENT = "most_urgent", _("Most urgent (最速件)")
    URGENT = "urgent", _("Urgent (速件)")
    ORDINARY = "ordinary", _("Ordinary (普通件)")


# Working days allowed per speed class (文書處理手冊).
SPEED_DAYS = {Speed.MOST_URGENT: 1, Speed.URGENT: 3, Speed.ORDINARY: 6}
# 專案管制 cases run at least 30 (calendar) days.
PROJECT_CONTROL_DAYS = 30


class Classification(models.TextChoices):
    NONE = "", _("Not classified")
    RESTRICTED = "restricted", _("Restricted (密)")
    CONFIDENTIAL = "confidential", _("Confidential (機密)")
    SECRET = "secret", _("Secret (極機密)")
    TOP_SECRET = "top_secret", _("Top secret (絕對機密)")


class Medium(models.TextChoices):
    PAPER = "paper", _("Paper")
    ELECTRONIC = "electronic", _("Electronic")


class HandlingMode(models.TextChoices):
    PAPER = "paper", _("Paper sign-off")
    ONLINE = "online", _("Online sign-off")
    SCANNED = "scanned", _("Paper incoming scanned, signed online")


ONLINE_MODES = (HandlingMode.ONLINE, HandlingMode.SCANNED)


class State(models.TextChoices):
    RECEIVED = "received", _("Received")
    ASSIGNED = "assigned", _("Assigned")
    DRAFTING = "drafting", _("Drafting")
    SIGNING = "signing", _("Signing")
    APPROVED = "approved", _("Approved for dispatch")
    DISPATCHED = "dispatched", _("Dispatched")
    FILED = "filed", _("Filed")


CLOSED_STATES = (State.DISPATCHED, State.FILED)


class Timeliness(models.TextChoices):
    NONE = "", _("Open")
    ON_TIME = "on_time", _("On time (依限)")
    OVERDUE = "overdue", _("Overdue (逾期)")


class ExtensionStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class ReminderKind(models.TextChoices):
    NEAR = "near", _("Deadline near")
    OVERDUE = "overdue", _("Past deadline")
    LONG_PENDING = "long_pending", _("Pending more than 27 days")


class JobStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Rejected")
