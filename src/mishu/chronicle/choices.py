from django.db import models
from django.utils.translation import gettext_lazy as _


class EventCategory(models.TextChoices):
    TRIP = "trip", _("Trip abroad")
    VISIT = "visit", _("Visiting delegation")
    MEETING = "meeting", _("Meeting")
    FORUM = "forum", _("Forum or agreement")
    TRAINING = "training", _("Training")
    AWARD = "award", _("Award")
    PROJECT = "project", _("Project milestone")
    INSPECTION = "inspection", _("Inspection")
    EXHIBITION = "exhibition", _("Exhibition")
    DRILL = "drill", _("Drill")
    PUBLICATION = "publication", _("Publication")
    OTHER = "other", _("Other")
