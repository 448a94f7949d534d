"""Choices of the international affairs records."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CityKind(models.TextChoices):
    SISTER = "sister", _("Sister city")  # 姊妹市
    FRIENDSHIP = "friendship", _("Friendship city")  # 友好城市


class Stage(models.TextChoices):
    """The steps of a sister-city agreement, in order."""

    PROPOSED = "proposed", _("Proposed")  # 提案
    COUNCIL_SUBMITTED = "council_submitted", _("Sent to the council for review")  # 送議會審議
    COUNCIL_APPROVED = "council_approved", _("Approved by the council")  # 議會審議通過
    EY_SUBMITTED = "ey_submitted", _("Sent to the Executive Yuan")  # 函送行政院核定
    EY_APPROVED = "ey_approved", _("Approved by the Executive Yuan")  # 行政院核定
    SIGNED = "signed", _("Agreement signed")  # 盟約簽署


# How the report writes each stage (the seed's 壹三(一)2).
STAGE_PHRASES = {
    Stage.PROPOSED: "提出締盟案",
    Stage.COUNCIL_SUBMITTED: "送貴會審議",
    Stage.COUNCIL_APPROVED: "經貴會審議通過",
    Stage.EY_SUBMITTED: "函送行政院核定",
    Stage.EY_APPROVED: "經行政院核定",
    Stage.SIGNED: "完成姊妹市盟約簽署",
}


class GrantStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")  # 申請
    APPROVED = "approved", _("Approved by the review meeting")  # 審查會核定
    SPECIAL = "special", _("Approved by special memo")  # 專案簽准
    REJECTED = "rejected", _("Not approved")  # 未核定
    PAID = "paid", _("Paid")  # 核銷撥款
    WITHDRAWN = "withdrawn", _("Withdrawn")  # 撤回


class MeetingKind(models.TextChoices):
    COMMITTEE = "committee", _("International Affairs Committee")  # 國際事務委員會
    MAINLAND = "mainland", _("Mainland affairs group")  # 大陸小組
    TRAINING = "training", _("Training course")  # 研習班
    FORUM = "forum", _("Forum")  # 論壇
    REVIEW = "review", _("Grant review meeting")  # 審查會
    OTHER = "other", _("Other")


# The verb the report puts before a meeting's title.
MEETING_VERBS = {
    MeetingKind.COMMITTEE: "召開",
    MeetingKind.MAINLAND: "召開",
    MeetingKind.TRAINING: "辦理",
    MeetingKind.REVIEW: "辦理",
    MeetingKind.FORUM: "",
    MeetingKind.OTHER: "辦理",
}
