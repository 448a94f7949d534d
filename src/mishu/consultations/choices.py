"""Choices of the citizen-service records. Each `MEMBERS` maps a choice to the member name the
report's tables use (the seed's row labels), which must not change with the UI language."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CounterCategory(models.TextChoices):
    CIVIL = "civil", _("Civil affairs")
    FINANCE = "finance", _("Finance and construction")
    EDUCATION = "education", _("Education")
    TRANSPORT = "transport", _("Transport")
    PUBLIC_WORKS = "public-works", _("Public works")
    POLICE_HEALTH = "police-health", _("Police and health")


COUNTER_MEMBERS = {
    CounterCategory.CIVIL: "民政",
    CounterCategory.FINANCE: "財政建設",
    CounterCategory.EDUCATION: "教育",
    CounterCategory.TRANSPORT: "交通",
    CounterCategory.PUBLIC_WORKS: "工務",
    CounterCategory.POLICE_HEALTH: "警政衛生",
}


class CoordinationKind(models.TextChoices):
    INDIVIDUAL = "individual", _("Individual petition")
    COLLECTIVE = "collective", _("Collective petition")


COORDINATION_MEMBERS = {
    CoordinationKind.INDIVIDUAL: "協處市民個別陳情",
    CoordinationKind.COLLECTIVE: "協處民眾集體陳情",
}


class ConsultationField(models.TextChoices):
    LEGAL = "legal", _("Legal")
    BUILDING = "building", _("Building")
    LAND = "land", _("Land administration")


CONSULTATION_MEMBERS = {
    ConsultationField.LEGAL: "法律諮詢",
    ConsultationField.BUILDING: "建築諮詢",
    ConsultationField.LAND: "地政諮詢",
}
