"""One date language: every date a person reads in a page is an ROC date, in the long form
(`115 年 12 月 8 日`, with `08:38` for a moment) or the compact one for dense tables
(`115/12/08`), whether a template names a filter or lets Django render the value."""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.contrib.admin.utils import display_for_value
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from mishu.core import formats
from mishu.core.forms import RocDateField

GREGORIAN = re.compile(
    r"\b(?:19|20)\d\d-\d\d-\d\d\b|(?:19|20)\d\d\s*年|\b(?:19|20)\d\d/\d\d?/\d\d?\b"
)
TAIPEI = datetime.timezone(datetime.timedelta(hours=8))


class _Visible(HTMLParser):
    """The text a person reads: text nodes outside <script>/<style>, and what visible inputs show."""

    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "input" and attrs.get("type") != "hidden" and attrs.get("value"):
            self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    return "\n".join(parser.parts)


def gregorian_dates(response) -> list[str]:
    assert response.status_code == 200, response.status_code
    return GREGORIAN.findall(visible_text(response.content.decode()))


def test_the_two_forms():
    day = datetime.date(2026, 12, 8)
    assert formats.format_date(day) == "115 年 12 月 8 日"
    assert formats.format_date_short(day) == "115/12/08"
    moment = datetime.datetime(2026, 12, 8, 0, 38, tzinfo=datetime.UTC)  # 08:38 in Taipei
    assert formats.format_datetime(moment) == "115 年 12 月 8 日 08:38"
    assert formats.format_datetime(moment, short=True) == "115/12/08 08:38"
    # the compact form is read back, before 民國 1 年 too
    for d in (day, datetime.date(1911, 3, 5), datetime.date(1912, 1, 1)):
        assert formats.parse_date(formats.format_date_short(d)) == d


def test_django_renders_dates_and_moments_in_roc():
    moment = datetime.datetime(2026, 12, 3, 8, 38, tzinfo=TAIPEI)
    template = Template(
        "{{ d }}|{{ m }}|{{ d|date }}|{{ m|date:'SHORT_DATETIME_FORMAT' }}"
        "|{{ d|date:'SHORT_DATE_FORMAT' }}|{{ d|date:'YEAR_MONTH_FORMAT' }}|{{ m|date:'H:i' }}"
    )
    with timezone.override("Asia/Taipei"):
        out = template.render(Context({"d": datetime.date(2026, 12, 11), "m": moment}))
    assert out.split("|") == [
        "115 年 12 月 11 日",
        "115 年 12 月 3 日 08:38",
        "115 年 12 月 11 日",
        "115/12/03 08:38",
        "115/12/11",
        "115 年 12 月",
        "08:38",  # an explicit format string is Django's
    ]
    assert display_for_value(datetime.date(2026, 12, 4), "") == "115 年 12 月 4 日"


def test_roc_filters():
    moment = datetime.datetime(2026, 12, 3, 0, 38, tzinfo=datetime.UTC)
    out = Template(
        "{% load mishu %}{{ m|roc_date }}|{{ m|roc_datetime }}|{{ m|roc_short }}|{{ d|roc_month }}"
    ).render(Context({"m": moment, "d": datetime.date(2026, 12, 4)}))
    assert out.split("|") == [
        "115 年 12 月 3 日",
        "115 年 12 月 3 日 08:38",
        "115/12/03 08:38",
        "115 年 12 月",
    ]


def test_a_date_field_shows_and_reads_the_compact_form():
    field = RocDateField(label="日期")
    html = field.widget.render("on", field.prepare_value(datetime.date(2026, 12, 8)))
    assert 'value="115/12/08"' in html and "roc-date" in html
    assert (
        field.clean("115/12/08") == field.clean("115 年 12 月 8 日") == datetime.date(2026, 12, 8)
    )
    assert str(field.help_text) == "例：115/12/08"


@pytest.fixture
def records(db, make_user):
    """A registered document, a petition with its events and a chronicle event, each changed
    once (so their history pages have rows), and a superuser who may read them all."""
    from mishu.chronicle.models import Event
    from mishu.core.data.organisation import sync_organisation
    from mishu.core.models import Agency, Division, Role
    from mishu.documents import services as documents
    from mishu.documents.models import Document
    from mishu.petitions.tests.factories import file_case

    sync_organisation(Division, Agency, Role)
    admin = make_user("documents", ["admin"], is_staff=True, is_superuser=True)
    doc = documents.register(
        Document(
            division=Division.objects.get(code="documents"),
            office="city",
            direction="incoming",
            subject="函詢市政業務",
            sender=Agency.objects.first(),
            received_on=datetime.date(2026, 12, 1),
            speed="ordinary",
        )
    )
    case = file_case(received_on=datetime.date(2026, 12, 1))
    event = Event.objects.create(
        division=Division.objects.get(code="documents"),
        category=Event._meta.get_field("category").choices[0][0],
        start_date=datetime.date(2026, 12, 4),
        title="市政參訪",
    )
    event.title = "市政參訪（改）"
    event.save()
    return {"admin": admin, "document": doc, "case": case, "event": event}


def test_pages_of_several_apps_show_no_gregorian_date(records, client_for):
    client = client_for(records["admin"])
    doc, case, event = records["document"], records["case"], records["event"]
    pages = [
        doc.get_absolute_url(),
        reverse("documents:document_list"),
        case.get_absolute_url(),
        event.get_absolute_url(),
        reverse("chronicle:event_list"),
        reverse("chronicle:event_history", args=[event.pk]),
        reverse("chronicle:event_edit", args=[event.pk]),
        reverse("admin:chronicle_event_changelist"),
        reverse("admin:chronicle_event_history", args=[event.pk]),
        reverse("admin:core_objectchange_changelist"),
    ]
    shown = {}
    for url in pages:
        response = client.get(url)
        assert not gregorian_dates(response), (url, gregorian_dates(response))
        shown[url] = visible_text(response.content.decode())
    # the pages do show dates, as ROC dates
    assert "115 年 12 月 4 日" in shown[event.get_absolute_url()]
    assert "115/12/04" in shown[reverse("chronicle:event_edit", args=[event.pk])]
    assert re.search(
        r"115 年 \d+ 月 \d+ 日 \d\d:\d\d",
        shown[reverse("chronicle:event_history", args=[event.pk])],
    )
    assert "115 年 12 月 1 日" in shown[case.get_absolute_url()]
    assert "115 年 12 月 1 日" in shown[doc.get_absolute_url()]


def test_admin_forms_type_roc_dates(records, client_for):
    event = records["event"]
    client = client_for(records["admin"])
    html = client.get(reverse("admin:chronicle_event_change", args=[event.pk])).content.decode()
    assert 'value="115/12/04"' in html and "roc-date" in html
    # the admin loads the ROC date picker the staff pages use, and keeps Django's branding
    assert "mishu/forms.js" in html and "mishu/calendar.css" in html
    assert 'id="site-name"' in html
