"""The data's version (core.versions): one row, a number moved after every committed write."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class DataVersion(models.Model):
    """The one row of the data's version: `token` names this database (a new database, a new
    token: what was kept for another one is never served), `number` moves after every write."""

    token = models.UUIDField(_("token"), default=uuid.uuid4, editable=False)
    number = models.BigIntegerField(_("number"), default=0)

    audit_exclude = True  # a counter of the writes the change log records itself

    class Meta:
        verbose_name = _("data version")
        verbose_name_plural = _("data versions")

    def __str__(self):
        return f"{self.token}:{self.number}"
