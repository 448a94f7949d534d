"""Importing an agency's bookings: every row checked like the public form, all or nothing."""

import datetime
from io import BytesIO

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from mishu.core.formats import roc_year
from mishu.core.models import Agency
from mishu.core.testing import division
from mishu.venues.importing import BOOKING_COLUMNS
from mishu.venues.models import Booking, BookingEvent, Venue, VenueRate
from mishu.venues.services import venues as service

pytestmark = pytest.mark.django_db
HEADER = ",".join(BOOKING_COLUMNS)


@pytest.fixture
def clerk_client(make_user, client_for, client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client_for(make_user("city-hall", ["clerk"]))


@pytest.fixture
def plaza():
    venue = Venue.objects.create(division=division("city-hall"), name="市民廣場")
    VenueRate.objects.create(division=venue.division, venue=venue, label="半日", amount=6500)
    return venue


@pytest.fixture
def agency():
    return Agency.objects.order_by("pk").first()


def roc(day: datetime.date) -> str:
    return f"{roc_year(day)}/{day.month}/{day.day}"


def day(n=14):
    d = timezone.localdate() + datetime.timedelta(days=n)
    return roc(d)


def upload(client, text, name="b.csv"):
    f = SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")
    return client.post(reverse("venues:booking_import"), {"file": f})


def test_good_file_writes_applications_with_fees(clerk_client, plaza, agency):
    text = (
        f"{HEADER}\n"
        f"市民廣場,反詐騙宣導,政令宣導,{agency.short_name},,王小姐,02-1,w@example.org,"
        f"{day()},09:00,13:00,0,是,否\n"
        f"市民廣場,親子音樂會,culture,,示範協會,林小姐,02-2,l@example.org,"
        f'{day()},13:00,16:00,"6,500",,\n'
    )
    response = upload(clerk_client, text)
    assert response.status_code == 200
    assert "2 records imported" in response.content.decode()
    rows = {b.title: b for b in Booking.objects.all()}
    assert rows["反詐騙宣導"].agency == agency and rows["反詐騙宣導"].fee_exempt
    assert rows["反詐騙宣導"].fee == 0 and rows["反詐騙宣導"].stage
    assert rows["親子音樂會"].fee == 6500 and rows["親子音樂會"].status == "applied"
    assert BookingEvent.objects.filter(action="submit").count() == 2


def test_bad_file_writes_nothing_and_names_every_row(clerk_client, plaza, agency):
    taken = Booking(
        division=plaza.division,
        venue=plaza,
        title="已核准的活動",
        purpose="culture",
        applicant="x",
        starts=timezone.make_aware(
            datetime.datetime.combine(
                timezone.localdate() + datetime.timedelta(days=20), datetime.time(9)
            )
        ),
        ends=timezone.make_aware(
            datetime.datetime.combine(
                timezone.localdate() + datetime.timedelta(days=20), datetime.time(12)
            )
        ),
    )
    service.submit(taken)
    good = f"市民廣場,好的一列,culture,,示範協會,,,,{day()},09:00,12:00,,,"
    text = "\n".join(
        [
            HEADER,
            good,  # row 2: fine on its own
            f"市民廣場,同檔重疊,culture,,示範協會,,,,{day()},11:00,13:00,,,",  # row 3
            f"沒有的場地,x,culture,,示範協會,,,,{day()},09:00,12:00,,,",  # row 4
            f"市民廣場,負的費用,culture,,示範協會,,,,{day(15)},09:00,12:00,-5,,",  # row 5
            f"市民廣場,太快,culture,,示範協會,,,,{day(1)},09:00,12:00,,,",  # row 6
            f"市民廣場,已被租借,culture,,示範協會,,,,{day(20)},10:00,11:00,,,",  # row 7
            f"市民廣場,費用不符,culture,,示範協會,,,,{day(16)},09:00,12:00,100,,",  # row 8
            f"市民廣場,時間錯,culture,,示範協會,,,,{day(17)},9點,12:00,,,",  # row 9
            f"市民廣場,沒有申請人,culture,,,,,,{day(18)},09:00,12:00,,,",  # row 10
        ]
    )
    page = upload(clerk_client, text).content.decode()
    assert "8 rows were rejected" in page
    for message in (
        "earlier row of this file",
        "Unknown venue",
        "cannot be negative",
        "at least 7 days ahead",
        "already booked",
        "differs from the fee schedule",
        "must be a time",
        "Give the applicant",
    ):
        assert message in page, message
    assert Booking.objects.count() == 1  # only the one booked before


def test_template_download_and_page(clerk_client):
    page = clerk_client.get(reverse("venues:booking_import"))
    assert page.status_code == 200 and "contact_email" in page.content.decode()
    xlsx = clerk_client.get(reverse("venues:booking_import") + "?template=xlsx")
    assert xlsx.status_code == 200
    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(xlsx.content)).active
    assert [c.value for c in sheet[1]] == list(BOOKING_COLUMNS)


def test_the_list_links_to_the_import(clerk_client):
    page = clerk_client.get(reverse("venues:booking_list")).content.decode()
    assert reverse("venues:booking_import") in page


def test_xlsx_file_is_imported(clerk_client, plaza):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(list(BOOKING_COLUMNS))
    when = timezone.localdate() + datetime.timedelta(days=14)
    sheet.append(
        ["市民廣場", "講座", "社教", "", "示範協會", "", "", "", when, "09:00", "12:00", 6500]
    )
    data = BytesIO()
    book.save(data)
    f = SimpleUploadedFile(
        "b.xlsx",
        data.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    page = clerk_client.post(reverse("venues:booking_import"), {"file": f}).content.decode()
    assert "1 record imported" in page, page
    b = Booking.objects.get()
    assert b.purpose == "education" and b.fee == 6500
    assert timezone.localtime(b.starts).date() == when
