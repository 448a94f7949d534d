"""Choices of the gazette records."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ItemCategory(models.TextChoices):
    REGULATION = "regulation", _("Regulation")  # 法規
    NOTICE = "notice", _("Public notice")  # 公告
    ORDER = "order", _("Order")  # 令
    PERSONNEL = "personnel", _("Personnel")  # 人事
    OTHER = "other", _("Other")  # 其他
