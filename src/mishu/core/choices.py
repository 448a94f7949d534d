"""Choices shared across Mishu."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RoleCode(models.TextChoices):
    CLERK = "clerk", _("Clerk")
    SUPERVISOR = "supervisor", _("Supervisor")
    EVALUATOR = "evaluator", _("Research and evaluation officer")
    ADMIN = "admin", _("Administrator")


class ChangeAction(models.TextChoices):
    CREATE = "create", _("Created")
    UPDATE = "update", _("Updated")
    DELETE = "delete", _("Deleted")


class ChangeSource(models.TextChoices):
    WEB = "web", _("Web")
    API = "api", _("API")
    ADMIN = "admin", _("Admin")
    IMPORT = "import", _("Import")
    COMMAND = "command", _("Command")
    SYSTEM = "system", _("System")


class CalendarDayKind(models.TextChoices):
    CLOSURE = "closure", _("Office closed (e.g. typhoon day)")
    WORKDAY = "workday", _("Extra working day")
