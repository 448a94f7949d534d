"""An export reads value lists and formats each column with one precomputed function
(`tables.export_rows`): its content must stay what `cell` / `typed_cell` show of each record —
coded fields as their labels, dates in the ROC calendar, related records by name."""

import csv
import datetime
import io

import pytest
from django.utils.translation import override
from openpyxl import load_workbook

from mishu.core import formats
from mishu.core.data.organisation import sync_organisation
from mishu.core.models import Agency, Division, Role
from mishu.core.tables import cell, column_formatters, export_rows, typed_cell
from mishu.documents import services
from mishu.documents.choices import Speed, State
from mishu.documents.models import Document
from mishu.documents.views.register import EXPORT_COLUMNS, LIST_COLUMNS

pytestmark = pytest.mark.django_db


@pytest.fixture
def register(make_user):
    sync_organisation(Division, Agency, Role)
    clerk = make_user("documents", ["clerk"])
    unit = Division.objects.get(code="documents")
    agencies = list(Agency.objects.order_by("pk")[:2])
    docs = []
    for i, (speed, sender) in enumerate([("ordinary", agencies[0]), ("urgent", agencies[1])]):
        doc = Document(
            division=unit,
            office="city",
            direction="incoming",
            subject=f"函詢市政業務 {i}",
            sender=sender,
            received_on=datetime.date(2019, 7, 1 + i),
            speed=speed,
            handler=clerk if i == 0 else None,
        )
        docs.append(services.register(doc, clerk))
    return clerk, docs


def _old_rows(columns, value):
    """The rows as the export wrote them before: one record at a time, `cell` per column."""
    qs = Document.objects.select_related("division", "handler", "sender").order_by("pk")
    return [[value(doc, c) for c in columns] for doc in qs]


@pytest.mark.parametrize("language", ["zh-hant", "en"])
def test_value_rows_equal_each_records_cells(register, language, django_assert_max_num_queries):
    qs = Document.objects.order_by("pk")
    with override(language):
        # each export: its rows, then the units, users and agencies they name: not a query a row
        with django_assert_max_num_queries(8):
            text = list(export_rows(qs, EXPORT_COLUMNS))
            typed = list(export_rows(qs, EXPORT_COLUMNS, is_typed=True))
        assert text == _old_rows(EXPORT_COLUMNS, cell)
        assert typed == _old_rows(EXPORT_COLUMNS, typed_cell)
        formatters = column_formatters(Document, LIST_COLUMNS)
        assert [[f(d) for f in formatters] for d in qs] == _old_rows(LIST_COLUMNS, cell)


def test_the_register_csv_shows_labels_roc_dates_and_names(register, client_for):
    clerk, docs = register
    body = client_for(clerk).get("/documents/", {"export": "csv"})
    lines = list(csv.reader(io.StringIO(b"".join(body.streaming_content).decode("utf-8-sig"))))
    header, rows = lines[0], {r[0]: dict(zip(lines[0], r, strict=True)) for r in lines[1:]}
    assert len(rows) == 2
    first = rows[docs[0].number]
    label = {c: header[i] for i, c in enumerate(EXPORT_COLUMNS)}
    assert first[label["state"]] == str(State(docs[0].state).label)
    assert first[label["speed"]] == str(Speed.ORDINARY.label) != "ordinary"
    assert first[label["received_on"]] == formats.format_date(datetime.date(2019, 7, 1))
    assert first[label["received_on"]].startswith("108")
    assert first[label["sender"]] == str(docs[0].sender)
    assert first[label["handler"]] == str(clerk) and rows[docs[1].number][label["handler"]] == ""
    assert first[label["division"]] == str(docs[0].division)


def test_the_register_xlsx_keeps_real_dates_and_labels(register, client_for):
    clerk, docs = register
    body = client_for(clerk).get("/documents/", {"export": "xlsx"})
    ws = load_workbook(io.BytesIO(b"".join(body.streaming_content))).active
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, (c.value for c in r), strict=True)) for r in ws.iter_rows(min_row=2)]
    by_number = {r[header[0]]: r for r in rows}
    first = by_number[docs[0].number]
    received = header[EXPORT_COLUMNS.index("received_on")]
    assert first[received].date() == datetime.date(2019, 7, 1)
    assert first[header[EXPORT_COLUMNS.index("state")]] == str(State(docs[0].state).label)
    assert by_number[docs[1].number][header[EXPORT_COLUMNS.index("handler")]] is None
