"""Charts (core.charts) carry the page's own figures, in the SVG, its description and the table;
the statistics pages open on the latest period that has records."""

import datetime
import re

import pytest
from django.urls import reverse

from mishu.core import charts
from mishu.core.filtersets import period_with_records
from mishu.core.formats import Period


def test_bar_chart_draws_one_bar_per_item_in_proportion():
    chart = charts.bar_chart("c1", "每月收件", [("7 月", 10), ("8 月", 5), ("9 月", 0)], unit="件")
    assert chart.rows == [("7 月", "10件"), ("8 月", "5件"), ("9 月", "0件")]
    svg = str(chart.svg)
    widths = [float(w) for w in re.findall(r'<rect x="\d+" y="\d+" width="([\d.]+)"', svg)]
    assert widths[0] == 2 * widths[1] and widths[2] == 0
    assert 'role="img"' in svg and "<desc" in svg and "8 月：5件" in svg


def test_chart_text_is_escaped():
    chart = charts.bar_chart("c2", "<b>x</b>", [("<script>", 1)])
    assert "<script>" not in str(chart.svg) and "&lt;script&gt;" in str(chart.svg)


def test_share_chart_splits_one_bar_by_counts():
    chart = charts.share_chart("c3", "狀態", [("達標", 3), ("落後", 1), ("缺資料", 0)])
    assert chart.rows == [("達標", "3"), ("落後", "1"), ("缺資料", "0")]
    svg = str(chart.svg)
    assert 'width="360.0"' in svg and 'width="120.0"' in svg  # 3:1 of 480


def test_cjk_counts_double_in_text_width():
    assert charts.text_width("公文ab") == 6


@pytest.mark.django_db
def test_default_period_is_the_latest_with_records(make_user, client_for):
    from mishu.petitions.models import PetitionCase
    from mishu.petitions.tests.factories import file_case

    today = datetime.date(2026, 12, 3)
    qs = PetitionCase.objects.all()
    assert period_with_records(qs, "received_on", today=today) == (Period("half", 2026, 2), False)
    file_case(received_on=datetime.date(2019, 8, 1))
    file_case(received_on=datetime.date(2019, 9, 2))
    file_case(received_on=datetime.date(2019, 9, 3))
    assert period_with_records(qs, "received_on", today=today) == (Period("half", 2019, 2), True)

    client = client_for(make_user("confidential", ["clerk"]))
    r = client.get(reverse("petitions:statistics"))
    assert r.context["period"] == Period("half", 2019, 2)
    html = r.content.decode()
    assert r.context["period_is_latest_with_records"] and 'class="notice"' in html
    # the month chart has every month of the half, from the page's own counts
    rows = r.context["month_chart"].rows
    assert [f for _l, f in rows] == ["0件", "1件", "2件", "0件", "0件", "0件"]
    assert [f for _l, f in r.context["agency_chart"].rows] == ["3件"]
    # another division's clerk sees no case: the current period, no notice
    other = client_for(make_user("media", ["clerk"])).get(reverse("petitions:statistics"))
    assert not other.context["period_is_latest_with_records"]
