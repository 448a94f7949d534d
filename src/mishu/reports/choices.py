"""States of report drafts and their sections."""

from django.db import models


class SectionState(models.TextChoices):
    EDITING = "editing", "撰寫中"
    SUBMITTED = "submitted", "待主管核定"
    APPROVED = "approved", "主管已核定"
    RETURNED = "returned", "退回修改"


class DraftState(models.TextChoices):
    DRAFTING = "drafting", "各單位撰寫中"
    COMPILING = "compiling", "研考彙編中"
    REVIEW = "review", "審閱中"
    FINAL = "final", "定稿"
