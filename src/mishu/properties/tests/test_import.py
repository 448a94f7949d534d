"""Importing fuel logs: all or nothing, every rejected row named, a template to start from."""

import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mishu.core.testing import division
from mishu.properties.models import FuelLog, Vehicle

pytestmark = pytest.mark.django_db
HEADER = "vehicle,date,litres,fuel_type,amount\n"


@pytest.fixture
def clerk_client(make_user, client_for):
    return client_for(make_user("general-affairs", ["clerk"]))


@pytest.fixture
def car():
    return Vehicle.objects.create(
        division=division("general-affairs"), plate="AB-1234", type="汽車", fuel_type="diesel"
    )


def upload(client, text):
    f = SimpleUploadedFile("fuel.csv", text.encode("utf-8"), content_type="text/csv")
    return client.post(reverse("properties:fuellog_import"), {"file": f})


def test_import_writes_every_row(clerk_client, car):
    page = upload(
        clerk_client, HEADER + "AB-1234,108/7/10,45.20,,1300\nab-1234,2019-07-20,30,汽油,\n"
    )
    assert "已匯入 2 筆資料" in page.content.decode()
    logs = list(FuelLog.objects.order_by("date").values_list("date", "litres", "fuel_type"))
    assert logs == [
        (datetime.date(2019, 7, 10), Decimal("45.20"), "diesel"),  # the vehicle's own fuel
        (datetime.date(2019, 7, 20), Decimal("30.00"), "gasoline"),
    ]
    assert FuelLog.objects.filter(created_by__isnull=False).count() == 2


def test_a_bad_row_writes_nothing_and_each_is_named(clerk_client, car):
    page = upload(
        clerk_client,
        HEADER
        + "AB-1234,108/7/10,45.20,,\n"  # fine
        + "XX-0000,108/7/11,10,,\n"  # unknown plate
        + "AB-1234,108/7/12,-5,,\n"  # negative litres
        + "AB-1234,108/7/10,45.20,,\n"  # the first row again
        + "AB-1234,108/7/13,abc,,\n",  # not a number
    ).content.decode()
    assert FuelLog.objects.count() == 0
    assert "查無車牌號碼「XX-0000」" in page
    assert "公升數須大於零" in page
    assert "已有 45.20 公升的加油紀錄" in page
    assert "須為數字" in page
    assert page.count("<tr><td>") == 4  # four rejected rows, the good one not among them


def test_template_and_import_button(clerk_client, car):
    template = clerk_client.get(reverse("properties:fuellog_import") + "?template=csv")
    assert template.status_code == 200
    assert b"vehicle,date,litres,fuel_type,amount" in template.content.replace(b"\r", b"")
    listing = clerk_client.get(reverse("properties:fuellog_list")).content.decode()
    assert reverse("properties:fuellog_import") in listing


def test_other_division_cannot_import_our_vehicle(make_user, client_for, car):
    client = client_for(make_user("media", ["clerk"]))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = upload(client, HEADER + "AB-1234,108/7/10,45.20,,\n").content.decode()
    # another division's vehicle reads as unknown: the page does not tell it exists
    assert "Unknown plate number “AB-1234”" in page and FuelLog.objects.count() == 0
