"""Choices of the council records."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class SessionKind(models.TextChoices):
    REGULAR = "regular", _("Regular session")  # 定期大會
    EXTRAORDINARY = "extraordinary", _("Extraordinary session")  # 臨時大會


class QuestionKind(models.TextChoices):
    POLICY = "policy", _("Mayor's policy report")  # 市長施政報告
    SPECIAL = "special", _("Mayor's special report")  # 市長專案報告
    GENERAL = "general", _("General interpellation")  # 市政總質詢
    WRITTEN = "written", _("Written question")  # 書面質詢


class DirectiveState(models.TextChoices):
    ASSIGNED = "assigned", pgettext_lazy("directive", "Assigned")  # 交辦
    IN_PROGRESS = "in_progress", pgettext_lazy("directive", "In progress")  # 辦理中
    CLOSED = "closed", pgettext_lazy("directive", "Closed")  # 解除列管
