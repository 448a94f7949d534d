"""Factories of petition records, importable by other apps' tests."""

import datetime

from mishu.core.models import Agency, Division
from mishu.petitions import services


def file_case(user=None, **fields):
    """A filed petition case of 機要組 (received 108-07-01 unless told)."""
    defaults = {
        "channel": "mailbox",
        "received_on": datetime.date(2019, 7, 1),
        "subject": "路燈不亮",
        "petitioner_name": "王小明",
        "petitioner_contact": "0912-345-678",
        "petitioner_address": "臺北市信義區市府路1號",
    }
    defaults.update(fields)
    case, _password = services.file_case(
        division=Division.objects.get(code="confidential"), user=user, **defaults
    )
    return case


def agency(short_name="都發局"):
    return Agency.objects.get(short_name=short_name)
