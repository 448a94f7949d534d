"""`period=year` in a report that ends before December is the year to date: 109H1's report prints
109's figures as of June (a return or an observation for 109H2 entered later changes nothing,
closed or not), while an annual target or rule entered for 109 stands for the whole year."""

from decimal import Decimal

import pytest

from mishu.core.formats import Period
from mishu.core.models import Agency
from mishu.core.testing import division
from mishu.edocs.models import EDocumentReturn
from mishu.indicators import services
from mishu.reports.rendering.placeholders import render_body
from mishu.reports.values import ValueSource, to_date

from .conftest import observe

pytestmark = pytest.mark.django_db
H1, H2, YEAR = Period.parse("109H1"), Period.parse("109H2"), Period.parse("109")


def render(text, period):
    return render_body(text, period).markdown


def edoc_return(period, meetings, e_meetings):
    ret = EDocumentReturn(
        division=division("documents"),
        agency=Agency.objects.get(short_name="財政局"),
        period=period,
        paper_incoming=100,
        paper_signed_online=40,
        documents_total=500,
        documents_signed_online=450,
        meetings_total=meetings,
        e_meetings=e_meetings,
        paper_baseline_boxes=Decimal(50),
        paper_saved_boxes=Decimal(2),
    )
    ret.full_clean()
    ret.save()


def test_the_part_of_the_year_a_report_has_reached():
    assert to_date(YEAR, H1) == H1
    assert to_date(YEAR, H2) == YEAR
    assert to_date(YEAR, YEAR) == YEAR
    assert to_date(YEAR, Period.parse("109Q1")) == Period.parse("109Q1")
    assert to_date(YEAR, Period.parse("109Q2")) == H1
    assert to_date(YEAR, Period.parse("109-03")) == Period.parse("109Q1")
    assert to_date(YEAR, Period.parse("108H1")) == YEAR  # another year's report
    assert to_date(H1, H1) == H1 and to_date(YEAR, None) == YEAR


def test_h1_report_reads_the_year_to_date_and_the_annual_target(make_user):
    edoc_return("109H1", 40, 30)
    edoc_return("109H2", 60, 59)  # filed after the first half: not 109 as of June
    observe("FLOW", {"109H1": 10, "109H2": 7}, label="辦理件數")
    observe("TARGET", {"109": "0.8"}, label="年度目標", kind="ratio")
    body = (
        "{{ value edocs.city_e_meetings period=year }}／{{ value edocs.city_e_meetings_ratio "
        "period=year }}／{{ value FLOW period=year }}／{{ value TARGET period=year "
        "format=percent:strip }}／{{ diff edocs.city_e_meetings_ratio target=TARGET period=year }}"
    )
    assert render(body, H1) == "30／75.00%／10／80%／－5%"
    # the year's report (and 109H2's, which ends with it) reads the whole year
    assert render(body, H2) == "89／89.00%／17／80%／＋9%"
    assert render(body, YEAR) == render(body, H2)
    source = ValueSource(report_period=H1)
    assert source.value("edocs.city_e_meetings", YEAR) == Decimal(30)
    assert source.breakdown("edocs.city_e_meetings", YEAR).cells == {("財政局", None): 30}

    # closed, 109H1's report keeps its year to date when 109's records change afterwards
    services.close_period(H1, make_user("documents", ["evaluator"]))
    EDocumentReturn.objects.filter(period="109H1").update(e_meetings=35)
    assert render(body, H1) == "30／75.00%／10／80%／－5%"
