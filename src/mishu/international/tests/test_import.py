"""Importing delegations and trips: all or nothing, every rejected row named, a template."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mishu.core.formats import Period
from mishu.core.testing import division
from mishu.indicators import registry
from mishu.international.models import Delegation, SisterCity, Trip

pytestmark = pytest.mark.django_db
D_HEAD = "received_on,country,city,leader_title,leader,name,size,named_in_report,sister_city\n"
T_HEAD = "start_date,end_date,leader,led_delegation,destinations,purpose,budget\n"


@pytest.fixture
def clerk(make_user, client_for):
    return client_for(make_user("international", ["clerk"]))


def upload(client, name, text):
    f = SimpleUploadedFile("x.csv", text.encode("utf-8"), content_type="text/csv")
    return client.post(reverse(f"international:{name}_import"), {"file": f}).content.decode()


def test_delegations_import_and_count(clerk):
    SisterCity.objects.create(division=division("international"), name="美國鳳凰城", country="美國")
    page = upload(
        clerk,
        "delegation",
        D_HEAD
        + "108/10/21,美國,鳳凰城,市長,Kate Gallego,,8,是,美國鳳凰城\n"
        + "2019-09-17,美國,,,,大達拉斯地區經濟發展訪問團,15,否,\n",
    )
    assert "已匯入 2 筆資料" in page
    d = Delegation.objects.get(leader="Kate Gallego")
    assert d.named_in_report and d.sister_city.name == "美國鳳凰城"
    assert registry.value("international.delegation_persons", Period.parse("108H2")) == 23


def test_a_bad_delegation_row_writes_nothing_and_each_is_named(clerk):
    page = upload(
        clerk,
        "delegation",
        D_HEAD
        + "108/10/21,美國,鳳凰城,市長,Kate Gallego,,8,是,\n"  # fine
        + "108/2/30,日本,,,大橋,,6,,\n"  # no such date
        + "108/7/1,日本,,,大橋,,0,,\n"  # nobody
        + "108/7/1,日本,,,,,3,,\n"  # no leader, no name
        + "108/7/1,日本,,,大橋,,3,也許,\n"  # not yes or no
        + "108/7/1,日本,,,大橋,,3,,布拉格\n",  # unknown city
    )
    assert Delegation.objects.count() == 0
    assert page.count("<tr><td>") == 5
    assert "請填團長或團名" in page and "不明的締盟城市「布拉格」" in page


def test_trips_import_and_refusals(clerk, make_user, client_for):
    page = upload(
        clerk,
        "trip",
        T_HEAD
        + "108/9/4,108/9/7,楊參事慶輝,否,菲律賓馬卡蒂,出席理事會,85000\n"
        + "108/9/4,108/9/1,楊參事慶輝,否,尼泊爾,出席論壇,-1\n",
    )
    assert Trip.objects.count() == 0
    assert "返國日期不得早於出發日期" in page or "budget 不得為負數" in page
    page = upload(
        clerk, "trip", T_HEAD + "108/9/4,108/9/7,楊參事慶輝,否,菲律賓馬卡蒂,出席理事會,85000\n"
    )
    assert "已匯入 1 筆資料" in page
    assert str(Trip.objects.get().report_due) == "2019-12-07"
    template = clerk.get(reverse("international:trip_import") + "?template=csv")
    assert template.status_code == 200 and b"report_submitted_on" in template.content


def test_another_divisions_clerk_cannot_import_into_international(make_user, client_for):
    other = client_for(make_user("media", ["clerk"]))
    page = upload(
        other,
        "delegation",
        D_HEAD.rstrip("\n") + ",division\n" + "108/7/1,日本,,,大橋,,3,,,international\n",
    )
    assert Delegation.objects.count() == 0
    assert "不得" in page or "無權" in page
