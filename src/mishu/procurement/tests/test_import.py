"""Importing tender cases: all or nothing, every rejected row named, a template to start from."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mishu.core.formats import Period
from mishu.indicators import registry
from mishu.procurement.models import TenderCase

pytestmark = pytest.mark.django_db
HEADER = "number,subject,method,budget,published_on,awarded_on,award_amount,vendor\n"


@pytest.fixture
def clerk_client(make_user, client_for):
    return client_for(make_user("general-affairs", ["clerk"]))


def upload(client, text):
    f = SimpleUploadedFile("tenders.csv", text.encode("utf-8"), content_type="text/csv")
    return client.post(reverse("procurement:tendercase_import"), {"file": f})


def test_import_writes_the_cases_and_they_count(clerk_client):
    page = upload(
        clerk_client,
        HEADER
        + '108B001,清潔勞務,公開招標,"1,450,000",108/6/10,108/7/5,1398000,甲公司\n'
        + "108B002,文具,small,95000,,2019-08-27,91200,乙文具行\n"
        + "109B001,保全勞務,公開招標,3200000,108/12/16,,,\n",
    ).content.decode()
    assert "已匯入 3 筆資料" in page
    case = TenderCase.objects.get(number="108B001")
    assert (case.method, case.budget, case.awarded_on) == (
        "open",
        Decimal(1450000),
        datetime.date(2019, 7, 5),
    )
    assert case.division.code == "general-affairs"
    period = Period.parse("108H2")
    assert registry.value("procurement.awarded_cases", period) == 2
    assert registry.value("procurement.awarded_amount", period) == 1398000 + 91200


def test_a_bad_row_writes_nothing_and_each_is_named(clerk_client):
    page = upload(
        clerk_client,
        HEADER
        + "108B001,清潔勞務,公開招標,1450000,108/6/10,108/7/5,1398000,甲公司\n"  # fine
        + "108B002,植栽,公開招標,500000,108/8/20,108/8/1,480000,丙公司\n"  # award first
        + "108B003,視訊,限制性招標,-1,,,,\n"  # negative budget
        + "108B004,消防,小額採購,150000,,108/11/12,-3,丁公司\n"  # negative award
        + "108B001,重複,公開招標,1,,,,\n"  # number again
        + "108B005,檔案,拍賣,1,,,,\n",  # unknown method
    ).content.decode()
    assert TenderCase.objects.count() == 0
    assert "決標日不得早於公告日" in page
    assert "budget 不得為負數" in page
    assert "award_amount 不得為負數" in page
    assert "案號 108B001 已登錄" in page
    assert "不明的招標方式「拍賣」" in page
    assert page.count("<tr><td>") == 5


def test_template_and_import_button(clerk_client):
    template = clerk_client.get(reverse("procurement:tendercase_import") + "?template=csv")
    assert template.status_code == 200 and b"award_amount" in template.content
    listing = clerk_client.get(reverse("procurement:tendercase_list")).content.decode()
    assert reverse("procurement:tendercase_import") in listing
