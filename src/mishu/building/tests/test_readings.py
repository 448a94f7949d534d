"""Meter readings entered on the page and through the API: usage follows the previous month."""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse

from mishu.building.models import Meter, MeterReading
from mishu.core.testing import division

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    """Messages are checked in English (the default UI language is Traditional Chinese)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def test_reading_form_refuses_a_lower_reading(make_user, client_for):
    ga = division("general-affairs")
    meter = Meter.objects.create(division=ga, name="總表", kind="electricity")
    MeterReading.objects.create(
        division=ga, meter=meter, month=datetime.date(2019, 6, 1), reading=1000
    )
    client = client_for(make_user("general-affairs", ["clerk"]))
    response = client.post(
        reverse("building:meterreading_add"),
        {"division": ga.pk, "meter": meter.pk, "month": "108/7/1", "reading": "900"},
    )
    assert response.status_code == 200
    assert "lower than the previous" in response.content.decode()
    assert MeterReading.objects.count() == 1
    response = client.post(
        reverse("building:meterreading_add"),
        {"division": ga.pk, "meter": meter.pk, "month": "108/7/1", "reading": "1500"},
    )
    assert response.status_code == 302
    assert MeterReading.objects.get(month=datetime.date(2019, 7, 1)).usage == 500


def test_api_reading_correction_updates_next_month(make_user, api_for):
    ga = division("general-affairs")
    meter = Meter.objects.create(division=ga, name="總表", kind="water")
    api = api_for(make_user("general-affairs", ["clerk"]))
    url = "/api/building/meterreadings/"
    body = {"division": ga.pk, "meter": meter.pk, "reading": "100"}
    assert api.post(url, {**body, "month": "2019-06-01"}, format="json").status_code == 201
    july = api.post(url, {**body, "month": "2019-07-01", "reading": "150"}, format="json")
    assert july.json()["usage"] == "50.00"
    low = api.post(url, {**body, "month": "2019-08-01", "reading": "90"}, format="json")
    assert low.status_code == 400 and "reading" in low.json()
    june = MeterReading.objects.get(month=datetime.date(2019, 6, 1))
    assert api.patch(f"{url}{june.pk}/", {"reading": "120"}, format="json").status_code == 200
    assert MeterReading.objects.get(month=datetime.date(2019, 7, 1)).usage == 30
