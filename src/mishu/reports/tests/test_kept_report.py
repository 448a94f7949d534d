"""The period page keeps a period's rendered report and checks until the data changes
(core.versions.kept): a second view renders nothing, every committed write (through
the ORM or raw SQL) and every write of the viewer's own not yet committed are shown, and every
reader sees the organisation's report and findings."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mishu.core.formats import Period
from mishu.core.testing import commit_data_version, division
from mishu.documents import tally
from mishu.documents.models import DocumentTally, Measure

from .conftest import observe

pytestmark = pytest.mark.django_db
PAGE = "/reports/periods/108H2/"
BODY = "# 壹、成果\n\n本期收文 {{ value documents.received }} 件。\n"
JULY = datetime.date(2019, 7, 1)


def _tally(value):
    DocumentTally.objects.update_or_create(
        division=division("documents"),
        office="city",
        month=JULY,
        measure=Measure.RECEIVED,
        defaults={"value": value},
    )


def _view(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(PAGE)
    assert response.status_code == 200
    read_tallies = any("documenttally" in q["sql"] for q in queries.captured_queries)
    return response.context["rendered"].markdown, response.context["findings"], read_tallies


def _section(html, name):
    """The inside of the page's `<section id=name>`."""
    return html.split(f'id="{name}"')[1].split("</section>")[0]


@pytest.fixture
def page(template, client_for, make_user):
    template(BODY)
    _tally(1234)
    client = client_for(make_user("general-affairs", ["evaluator"]))
    commit_data_version()
    return client


def test_a_second_view_is_the_kept_report(page):
    first, _f, rendered_first = _view(page)
    again, _f, rendered_again = _view(page)
    assert "本期收文 1,234 件" in first and again == first
    assert rendered_first and not rendered_again  # the figures were not read again


def test_a_committed_write_is_shown_through_the_orm_and_raw_sql(page):
    _view(page)
    _tally(1300)
    commit_data_version()
    assert "本期收文 1,300 件" in _view(page)[0]
    tally.apply({(division("documents").pk, "city", JULY, Measure.RECEIVED): 11})  # raw upsert
    commit_data_version()
    assert "本期收文 1,311 件" in _view(page)[0]


def test_the_viewers_own_write_not_yet_committed_is_shown_and_not_kept(page):
    _view(page)
    _tally(1300)  # pending: this connection sees it, nobody else yet
    markdown, _f, rendered = _view(page)
    assert "本期收文 1,300 件" in markdown and rendered
    assert _view(page)[2]  # rendered again: nothing was kept meanwhile


def test_another_language_is_another_report(page):
    _view(page)
    page.cookies["django_language"] = "en"
    assert _view(page)[2]  # rendered for English (the checks' messages are translated)


def test_every_reader_sees_the_organisations_report_and_findings(page, client, make_user):
    """A clerk of another division sees the admin's figures and findings, not their own share:
    the observed figure of the whole organisation agrees with the computed one."""
    observe("documents.received", {"108H2": 1234}, division="documents")
    commit_data_version()
    markdown, findings, _r = _view(page)
    assert not [f for f in findings if f.kind == "observed"]
    client.force_login(make_user("media", ["clerk"]))
    commit_data_version()  # logging in is a write (the last log-in)
    theirs, their_findings, rendered = _view(client)
    assert rendered  # the log-in moved the version: rendered anew, for the clerk
    assert theirs == markdown and their_findings == findings


def test_a_cache_that_does_not_answer_costs_only_the_rendering(page, monkeypatch):
    from django.core.cache import cache

    def down(*args, **kwargs):
        raise ConnectionError("redis down")

    monkeypatch.setattr(cache, "get", down)
    monkeypatch.setattr(cache, "set", down)
    markdown, _f, rendered = _view(page)
    assert "本期收文 1,234 件" in markdown and rendered


def test_what_changed_since_closing_is_shown_once_written(page):
    """The differences since closing are kept with the report: a write after closing is listed
    on the next view, and kept from then on."""
    from mishu.indicators.services import close_period

    close_period("108H2")
    commit_data_version()
    before = _section(page.get(PAGE).content.decode(), "differences")
    assert "documents.received" not in before
    _tally(1300)
    commit_data_version()
    after = _section(page.get(PAGE).content.decode(), "differences")
    assert "documents.received" in after and "1,234" in after and "1,300" in after
    assert not _view(page)[2]  # kept: the figures were not read again


def test_a_kept_view_reads_only_the_readers_session_and_the_data_version(page):
    """The whole page is kept but the reader's forms: a second view reads no report, draft,
    snapshot or built file, only who is asking and whether the data changed."""
    page.get(PAGE)
    with CaptureQueriesContext(connection) as queries:
        html = page.get(PAGE).content.decode()
    read = " ".join(q["sql"] for q in queries.captured_queries)
    assert "reports_" not in read and "indicators_" not in read
    assert read.count("core_dataversion") == 1  # once a request: the page and its navigation
    assert 'action="/reports/periods/108H2/close/"' in html  # an evaluator's form, per reader


def test_the_status_and_the_built_files_are_shown_once_written(page):
    """Closing the period and building a file are writes: the kept page shows both at once."""
    from mishu.indicators.services import close_period
    from mishu.reports.services import save_report

    first = page.get(PAGE).content.decode()
    assert "尚無資料" in _section(first, "built") and "開放中" in _section(first, "status")
    close_period("108H2")
    save_report(Period.parse("108H2"), "html")
    commit_data_version()
    html = page.get(PAGE).content.decode()
    assert "已於" in _section(html, "status") and "報告讀取快照數值" in _section(html, "status")
    assert 'action="/reports/periods/108H2/reopen/"' in html
    built = _section(html, "built")
    assert "HTML" in built and "依快照產製" in built and "尚無資料" not in built
