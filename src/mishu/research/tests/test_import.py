"""Importing phone courtesy tests: every check a column; all or nothing; every bad row named."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mishu.core.formats import Period
from mishu.indicators import registry
from mishu.research.models import PhoneTest

pytestmark = pytest.mark.django_db
HEAD = (
    "tested_on,tester_agency,tested_agency,tested_unit,first_unit,first_name,polite,tone,answer\n"
)


def upload(client, text):
    f = SimpleUploadedFile("x.csv", text.encode("utf-8"), content_type="text/csv")
    return client.post(reverse("research:phonetest_import"), {"file": f}).content.decode()


def test_phone_tests_import_and_count(make_user, client_for):
    client = client_for(make_user("general-affairs", ["clerk"]))
    page = upload(
        client,
        HEAD
        + "108/7/2,勞動局,秘書處,文書組,未通過,未通過,通過,通過,通過\n"
        + "108/7/9,secretariat,fire,救災救護指揮中心,是,是,是,是,是\n",
    )
    assert "已匯入 2 筆資料" in page
    assert registry.value("research.phone_tests", Period.parse("108H2")) == 2
    assert registry.value("research.phone_failed_checks", Period.parse("108H2")) == 1
    assert PhoneTest.objects.get(tested_unit="文書組").failed == ["first_unit", "first_name"]


def test_bad_rows_write_nothing(make_user, client_for):
    client = client_for(make_user("general-affairs", ["clerk"]))
    page = upload(
        client,
        HEAD
        + "108/7/2,勞動局,秘書處,文書組,通過,通過,通過,通過,通過\n"  # fine
        + "108/7/2,勞工局,秘書處,文書組,通過,通過,通過,通過,通過\n"  # no such agency
        + "108/7/2,勞動局,勞動局,文書組,通過,通過,通過,通過,通過\n"  # tests itself
        + "108/7/2,勞動局,秘書處,文書組,通過,通過,好,通過,通過\n"  # not a result
        + "108/13/2,勞動局,秘書處,文書組,通過,通過,通過,通過,通過\n",  # no such month
    )
    assert PhoneTest.objects.count() == 0
    assert page.count("<tr><td>") == 4
    assert "機關「勞工局」" in page and "測試機關與受測機關不得相同" in page
