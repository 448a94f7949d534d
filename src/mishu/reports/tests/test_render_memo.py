"""One render reads each repeated figure once (indicators.memo), and never beyond the render:
a write between two views of the period page changes what the second shows."""

import datetime

import pytest

from mishu.core.formats import Period
from mishu.core.testing import division
from mishu.documents.models import DocumentTally, Measure
from mishu.documents.tally import total
from mishu.indicators.memo import render_scope
from mishu.indicators.services import get_snapshot

pytestmark = pytest.mark.django_db
H2 = Period.parse("108H2")
BODY = (
    "# 壹、成果\n\n本期收文 {{ value documents.received }} 件。\n\n"
    "去年同期收文 {{ value documents.received period=107H2 }} 件，"
    "本期 {{ value documents.received }} 件。\n"
)


def _tally(value, month=datetime.date(2019, 7, 1)):
    row, _ = DocumentTally.objects.update_or_create(
        division=division("documents"),
        office="city",
        month=month,
        measure=Measure.RECEIVED,
        defaults={"value": value},
    )
    return row


def test_a_render_reads_a_repeated_sum_once_and_a_new_render_reads_again(
    django_assert_num_queries,
):
    _tally(5)
    with django_assert_num_queries(2):  # the sum and the snapshot, once each
        with render_scope():
            assert [total(None, H2, Measure.RECEIVED) for _ in range(3)] == [5, 5, 5]
            assert get_snapshot(H2) is None and get_snapshot(H2) is None
    _tally(7)
    with django_assert_num_queries(2):  # outside a render: every call reads
        assert total(None, H2, Measure.RECEIVED) == total(None, H2, Measure.RECEIVED) == 7
    with render_scope():
        assert total(None, H2, Measure.RECEIVED) == 7


def test_different_arguments_are_different_reads():
    _tally(5)
    _tally(11, month=datetime.date(2019, 1, 1))
    with render_scope():
        assert total(None, H2, Measure.RECEIVED) == 5
        assert total(None, Period.parse("108H1"), Measure.RECEIVED) == 11
        assert total(None, H2, Measure.SENT) == 0


def test_the_period_page_shows_a_write_made_after_an_earlier_view(template, client_for, make_user):
    template(BODY)
    client = client_for(make_user("general-affairs", ["evaluator"]))
    _tally(1234)
    # the page checks the rendered report (missing values, inconsistencies): its Markdown
    first = client.get("/reports/periods/108H2/").context["rendered"].markdown
    assert "本期收文 1,234 件" in first
    _tally(1300)
    second = client.get("/reports/periods/108H2/").context["rendered"].markdown
    assert "本期收文 1,300 件" in second and "本期 1,300 件" in second


def test_coverage_asked_by_many_indicators_is_read_once_in_a_render(django_assert_num_queries):
    """The media's counts all ask whether the period has press releases: one query a render."""
    from mishu.indicators.records import has_records
    from mishu.media.models import PressRelease

    first, second = (
        has_records(PressRelease, "published_on"),
        has_records(PressRelease, "published_on"),
    )
    with django_assert_num_queries(1), render_scope():
        assert first(H2, None) is False and second(H2, None) is False
    with django_assert_num_queries(2):  # outside a render every call reads
        first(H2, None), second(H2, None)
    with django_assert_num_queries(2), render_scope():  # other filters, another question
        has_records(PressRelease, "published_on")(H2, None)
        has_records(PressRelease, "published_on", division__code="media")(H2, None)
