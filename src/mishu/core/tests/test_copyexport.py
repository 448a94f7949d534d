"""On PostgreSQL a list's CSV is written by the server (`core.copyexport`): byte for byte what
the Python path writes — labels and ROC dates in both languages, related records' names,
numbers, booleans, the formula guard and control characters of `exports.safe_cell`, the CSV
quoting and line ends — streamed; an export with a column SQL cannot write stays in Python."""

import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from mishu.core import copyexport, exportjobs
from mishu.core.copyexport import ServerCsv, server_csv
from mishu.core.data.organisation import sync_organisation
from mishu.core.models import Agency, Division, ExportJob, Role
from mishu.core.testing import division
from mishu.documents import services
from mishu.documents.models import Document
from mishu.documents.views.register import EXPORT_COLUMNS
from mishu.petitions.models import CollectivePetition, PetitionCase
from mishu.petitions.tests.factories import file_case
from mishu.venues.models import Booking, Venue

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="COPY … TO STDOUT is PostgreSQL's: on SQLite every CSV is written by Python",
    ),
]

# cells a spreadsheet would take for formulas, plain signed numbers (not formulas), control
# characters, CSV's own characters, line breaks, Chinese, an empty cell and COPY's end marker
HOSTILE = [
    "=1+2",
    "+SUM(A1:A9)",
    "-5",
    "+1,234.5",
    "-1,234.5%",
    "-2.",
    "@cmd",
    "\tTAB",
    "\rCR",
    "-",
    "-5\n",
    "a\x01b\x1fc\x7fd",
    "\x0b=x",
    "\x01-5",
    "x\ufffey\uffffz",
    'say "hi", ok',
    "line1\nline2",
    "line1\r\nline2\r",
    "中文，逗號、「引號」",
    "",
    " ",
    "\\.",
    "'=x",
    '"',
    "1,2,3",
]
DATES = [
    datetime.date(1911, 12, 31),
    datetime.date(1912, 1, 1),
    datetime.date(1899, 2, 28),
    datetime.date(2020, 2, 29),
    datetime.date(2019, 7, 1),
    datetime.date(2119, 12, 31),
    None,
]
LANGUAGES = ["zh-hant", "en"]


@pytest.fixture
def copies(monkeypatch):
    """The COPY exports run (each ServerCsv whose rows were read)."""
    calls = []
    read = ServerCsv.chunks

    def spy(self):
        calls.append(self)
        yield from read(self)

    monkeypatch.setattr(ServerCsv, "chunks", spy)
    return calls


def _both(client, url, language) -> tuple[bytes, bytes]:
    """The CSV of `url` written by Python, then by PostgreSQL."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    out = []
    for server in (False, True):
        with override_settings(MISHU_EXPORT_COPY=server):
            response = client.get(url, {"export": "csv"})
            assert response.status_code == 200 and response.streaming
            out.append(b"".join(response.streaming_content))
    return tuple(out)


def _assert_same(client, url, language, copies, rows):
    python, server = _both(client, url, language)
    assert len(copies) == 1  # the second export was written by the server
    assert copies[0].count == rows
    assert python.count(b"\r\n") >= rows + 1  # the header and every row
    assert server == python


@pytest.fixture
def register(make_user):
    """Documents of 文書組 with hostile text in every text column, a unit, agency and handler
    with hostile names, coded fields with an unknown code, dates across 1912 and decimals."""
    sync_organisation(Division, Agency, Role)
    clerk = make_user("documents", ["clerk"], first_name="=cmd|' /C calc'!A0", last_name="\t")
    unit = Division.objects.get(code="documents")
    Division.objects.filter(pk=unit.pk).update(name="@單位\x02", name_en="+Unit, 1")
    agencies = list(Agency.objects.order_by("pk")[:2])
    Agency.objects.filter(pk=agencies[0].pk).update(short_name="-機關", short_name_en='"A"\n')
    for i, text in enumerate(HOSTILE):
        doc = Document(
            division=unit,
            office="city",
            direction="incoming",
            subject="x",
            sender=agencies[i % 2],
            received_on=datetime.date(2019, 7, 1 + i),
            speed="ordinary",
            handler=clerk if i % 2 else None,
        )
        services.register(doc, clerk)
        Document.objects.filter(pk=doc.pk).update(
            number=HOSTILE[-1 - i] or "empty",
            sender=agencies[i % 2] if i % 3 else None,
            subject=text,
            registered_on=DATES[i % len(DATES)] or datetime.date(2019, 1, 1),
            closed_on=DATES[(i + 1) % len(DATES)] if i % 5 == 0 else None,
            days_used=[None, Decimal("-0.5"), Decimal("0.0"), Decimal("12345.6")][i % 4],
            seal_uses=[0, 7, 32767][i % 3],
            handling_mode="=odd" if i == 4 else "",
            speed="+1" if i == 5 else "ordinary",
        )
    return clerk, unit


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_register_csv_is_the_same_bytes(register, client_for, copies, language):
    clerk, _unit = register
    _assert_same(client_for(clerk), reverse("documents:document_list"), language, copies, 25)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_overdue_list_csv_is_the_same_bytes(register, client_for, copies, language):
    clerk, unit = register
    url = f"{reverse('documents:timeliness')}?division={unit.pk}"
    client = client_for(clerk)
    overdue = Document.objects.filter(deadline__lt=timezone.localdate(), closed_on=None).count()
    assert overdue > 5
    python, server = _both(client, url, language)
    assert len(copies) == 1 and copies[0].count > 5 and server == python


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_petitions_csv_is_the_same_bytes(make_user, client_for, copies, language):
    sync_organisation(Division, Agency, Role)
    clerk = make_user("confidential", ["clerk"])
    satisfied = PetitionCase._meta.get_field("satisfaction").choices[0][0]
    for i, text in enumerate(HOSTILE):
        case = file_case(clerk, received_on=datetime.date(2019, 7, 1))
        PetitionCase.objects.filter(pk=case.pk).update(
            subject=text,
            category=HOSTILE[-1 - i],
            replied_on=DATES[i % len(DATES)],
            satisfaction=["", satisfied, "="][i % 3],  # a code, no code, an unknown one
        )
    _assert_same(client_for(clerk), reverse("petitions:petitioncase_list"), language, copies, 25)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_bookings_csv_is_the_same_bytes(make_user, client_for, copies, language):
    """Datetimes in the office's time zone (a booking at 17:30 UTC starts at 01:30 the next day
    in Taipei), decimals, booleans, coded fields and three foreign keys."""
    sync_organisation(Division, Agency, Role)
    clerk = make_user("city-hall", ["clerk"])
    venue = Venue.objects.create(division=division("city-hall"), name="=中庭", report_group="x")
    agency = Agency.objects.order_by("pk").first()
    for i, text in enumerate(HOSTILE):
        starts = datetime.datetime(2019, 12, 31, 17, 30 + i, tzinfo=datetime.UTC)
        Booking.objects.create(
            division=venue.division,
            venue=venue,
            title=text or "t",
            purpose=["culture", "=bad"][i % 2],
            applicant=HOSTILE[-1 - i] or "a",
            agency=agency if i % 2 else None,
            contact_name=text,
            contact_phone="-0912",
            starts=starts,
            ends=starts + datetime.timedelta(days=400 * i, hours=3),
            fee=[0, 6500, 1234567][i % 3],
            fee_rate=[None, Decimal("-3")][i % 2],
            fee_exempt=bool(i % 2),
            stage=bool(i % 3),
            fee_paid_on=DATES[i % len(DATES)],
        )
    _assert_same(client_for(clerk), reverse("venues:booking_list"), language, copies, 25)


def test_the_csv_is_streamed_and_copied_only_as_it_is_read(register, client_for, copies):
    clerk, _unit = register
    response = client_for(clerk).get(reverse("documents:document_list"), {"export": "csv"})
    assert response.streaming
    chunks = iter(response.streaming_content)
    header = next(chunks)
    assert header.startswith("\ufeff".encode()) and header.endswith(b"\r\n")
    assert header.count(b"\r\n") == 1 and not copies  # the rows are not read yet
    rows = b"".join(chunks)
    assert len(copies) == 1 and rows.count(b"\r\n") >= 25


def test_a_column_without_sql_leaves_the_export_to_python(make_user, client_for, copies):
    sync_organisation(Division, Agency, Role)
    clerk = make_user("confidential", ["clerk"])
    CollectivePetition.objects.create(
        division=division("confidential"),
        date=datetime.date(2019, 7, 1),
        group="=團體",
        size=30,
        place="市府",
        arrived_at=timezone.make_aware(datetime.datetime(2019, 7, 1, 9)),
        dispersed_at=timezone.make_aware(datetime.datetime(2019, 7, 1, 11, 30)),
    )
    columns = ["date", "group", "hours_to_dispersal"]  # the last one is a property
    assert server_csv(CollectivePetition.objects.all(), columns) is None
    assert server_csv(CollectivePetition.objects.all(), columns[:2]) is not None
    assert server_csv(CollectivePetition.objects.all(), columns[:1]) is None  # a lone column
    python, server = _both(client_for(clerk), reverse("petitions:collectivepetition_list"), "en")
    assert not copies and server == python and b"'=" in server


def test_a_large_related_table_leaves_the_export_to_python(
    register, client_for, copies, monkeypatch
):
    clerk, _unit = register
    monkeypatch.setattr(copyexport, "RELATED_ROWS_MAX", 1)
    assert server_csv(Document.objects.all(), EXPORT_COLUMNS) is None
    python, server = _both(client_for(clerk), reverse("documents:document_list"), "zh-hant")
    assert not copies and server == python


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_export_job_writes_the_same_file(register, copies, language):
    clerk, _unit = register
    files = []
    for server in (False, True):
        job = ExportJob.objects.create(
            user=clerk,
            title="公文",
            path=reverse("documents:document_list"),
            query={},
            fmt="csv",
            language=language,
            total=25,
        )
        with override_settings(MISHU_EXPORT_COPY=server):
            job = exportjobs.run(job.pk)
        assert job.status == "done" and job.done == job.total == 25
        with job.file.open("rb") as f:
            files.append(f.read())
    assert len(copies) == 1 and files[0] == files[1]
