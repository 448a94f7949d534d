"""The checks of a phone courtesy test (電話服務禮貌測試)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Check(models.TextChoices):
    FIRST_UNIT = "first_unit", _("States the unit's name on answering")  # 首接報明單位名稱
    FIRST_NAME = "first_name", _("States own (sur)name on answering")  # 首接報明姓名(氏)
    POLITE = "polite", _("Courteous words on answering and closing")  # 禮貌性語詞
    TONE = "tone", _("Modest tone")  # 謙和語調
    ANSWER = "answer", _("Patient and full answer")  # 耐心詳盡答復


# How the report writes a failed check: (when, what); failures at the same moment are joined,
# as the seed writes 「於首接時未清楚報明業務單位名稱及自己姓名(氏)」.
FAILURE_PHRASES = {
    Check.FIRST_UNIT: ("於首接時未清楚報明", "業務單位名稱"),
    Check.FIRST_NAME: ("於首接時未清楚報明", "自己姓名(氏)"),
    Check.POLITE: ("未依規定回應", "禮貌性語詞"),
    Check.TONE: ("未能以", "謙和語調答復"),
    Check.ANSWER: ("未能", "耐心詳盡答復"),
}
