"""Importing meter readings: all or nothing, readings checked against the file's own rows."""

import datetime

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mishu.building.models import Meter, MeterReading
from mishu.core.testing import division

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk_client(make_user, client_for, client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client_for(make_user("general-affairs", ["clerk"]))


@pytest.fixture
def meter():
    ga = division("general-affairs")
    meter = Meter.objects.create(division=ga, name="總電表", kind="electricity")
    MeterReading.objects.create(
        division=ga, meter=meter, month=datetime.date(2019, 6, 1), reading=1000
    )
    return meter


def upload(client, text):
    f = SimpleUploadedFile("r.csv", text.encode("utf-8"), content_type="text/csv")
    return client.post(reverse("building:meterreading_import"), {"file": f})


def test_import_in_order_computes_usage(clerk_client, meter):
    response = upload(
        clerk_client,
        "meter,month,reading,meter_changed\n總電表,108-08,1700,\n總電表,108-07,1500,\n",
    )
    assert response.status_code == 200
    usage = dict(MeterReading.objects.values_list("month__month", "usage"))
    assert usage[7] == 500 and usage[8] == 200


def test_a_bad_row_writes_nothing_and_is_named(clerk_client, meter):
    response = upload(
        clerk_client,
        "meter,month,reading,meter_changed\n"
        "總電表,108-07,1500,\n總電表,108-08,1400,\n"
        "沒有這個表,108-08,1,\n總電表,108-09,abc,\n",
    )
    page = response.content.decode()
    assert "lower than the previous" in page
    assert "Unknown meter" in page
    assert "must be a number" in page
    assert MeterReading.objects.count() == 1


def test_meter_change_is_accepted(clerk_client, meter):
    upload(clerk_client, "meter,month,reading,meter_changed\n總電表,108/7/1,300,是\n")
    assert MeterReading.objects.get(month=datetime.date(2019, 7, 1)).usage == 300
