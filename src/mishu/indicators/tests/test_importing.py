from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mishu.core.exports import write_table
from mishu.core.models import ObjectChange
from mishu.indicators import registry
from mishu.indicators.importing import import_observations, template_header
from mishu.indicators.models import Observation

from .factories import indicator, observe

pytestmark = pytest.mark.django_db
HEADER = ["code", "period", "cell", "value", "note", "source"]


@pytest.fixture
def defs():
    return (
        indicator("doc.received"),
        indicator("pet.cases", dimensions=("agency",)),
        indicator("doc.ontime", kind="ratio"),
        indicator("media.balance", kind="amount", allow_negative=True),
    )


GOOD = [
    ["doc.received", "108H2", "", "1,234", "n", "公文系統"],
    ["pet.cases", "108H2", "agency=都發局", "1 萬 2", "", ""],
    ["pet.cases", "108H2", "agency=工務局", "3", "", ""],
    ["pet.cases", "108H2", "", "10005", "", ""],
    ["doc.ontime", "108H2", "", "92.39%", "", ""],
    ["media.balance", "", "", "-5", "", ""],
]


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "ods"])
def test_valid_file_writes_everything(defs, make_user, fmt):
    user = make_user("documents", ["admin"])
    data = write_table(fmt, HEADER, GOOD)
    result = import_observations(data, "108H2", user, name=f"x.{fmt}")
    assert result.ok, result.errors
    assert result.written == 6
    assert registry.value("doc.received", "108H2") == 1234
    assert registry.value("pet.cases", "108H2", agency="都發局") == 10002
    assert registry.value("doc.ontime", "108H2") == Decimal("0.9239")
    assert registry.value("media.balance", "108H2") == -5
    changes = ObjectChange.objects.filter(content_type__model="observation")
    assert changes.count() == 6 and {c.source for c in changes} == {"import"}
    assert {c.user_id for c in changes} == {user.pk}


def test_csv_without_bom_and_numbers_from_spreadsheets(defs):
    text = b"code,period,cell,value\ndoc.received,108H2,,12\n"
    assert import_observations(text, "108H2").ok
    assert registry.value("doc.received", "108H2") == 12
    data = write_table("xlsx", HEADER, [["doc.received", "108H2", "", 15.0, "", ""]])
    assert import_observations(data, "108H2").written == 1
    assert registry.value("doc.received", "108H2") == 15


def test_one_bad_row_writes_nothing_and_reports_each(defs):
    observe(defs[0], "108H2", 1)
    rows = [
        *GOOD,
        ["nope.code", "108H2", "", "1", "", ""],
        ["doc.received", "108H1", "", "1", "", ""],
        ["doc.received", "108X", "", "1", "", ""],
        ["pet.cases", "108H2", "city=台北", "1", "", ""],
        ["pet.cases", "108H2", "agency", "1", "", ""],
        ["doc.received", "108H2", "", "abc", "", ""],
        ["pet.cases", "108H2", "agency=消防局", "-1", "", ""],
        ["chronicle.events", "108H2", "", "1", "", ""],
    ]
    result = import_observations(write_table("csv", HEADER, rows), "108H2")
    assert not result.ok and result.written == 0
    by_row = {e.row: e.message for e in result.errors}
    # rows 2–7 are all good (the total 10005 = 10002 + 3)
    assert sorted(by_row) == [8, 9, 10, 11, 12, 13, 14, 15]
    assert "nope.code" in by_row[8]
    assert "108H1" in by_row[9] and "108X" in by_row[10]
    assert "city" in by_row[11] and "agency" in by_row[12]
    assert "abc" in by_row[13] and "-1" in by_row[14]
    assert "chronicle.events" in by_row[15]
    assert Observation.objects.count() == 1
    assert registry.value("doc.received", "108H2") == 1


def test_total_contradicting_its_parts(defs):
    rows = [
        ["pet.cases", "108H2", "agency=A", "2", "", ""],
        ["pet.cases", "108H2", "agency=B", "3", "", ""],
        ["pet.cases", "108H2", "", "6", "", ""],
    ]
    result = import_observations(write_table("csv", HEADER, rows), "108H2")
    assert not result.ok and [e.row for e in result.errors] == [4]
    assert Observation.objects.count() == 0


def test_garbage_file_and_missing_columns(defs):
    assert not import_observations(b"PK\x03\x04garbage", "108H2", name="x.xlsx").ok
    result = import_observations(b"foo,bar\n1,2\n", "108H2", name="x.csv")
    assert not result.ok and "code" in result.errors[0].message
    assert not import_observations("\u00e9".encode("latin-1"), "108H2", name="x.csv").ok


def test_clerk_cannot_import_into_another_division(defs, make_user):
    media = make_user("media", ["clerk"])
    result = import_observations([{"code": "doc.received", "value": "1"}], "108H2", media)
    assert not result.ok and Observation.objects.count() == 0


def test_template_and_upload_views(defs, make_user, client_for):
    observe(defs[1], "107H2", 4, agency="都發局")
    client = client_for(make_user("documents", ["clerk"]))
    for fmt in ("csv", "xlsx", "ods"):
        r = client.get(
            reverse("indicators:observation_template"), {"period": "108H2", "format": fmt}
        )
        assert r.status_code == 200 and r["Content-Disposition"].endswith(f'.{fmt}"')
    text = client.get(
        reverse("indicators:observation_template"), {"period": "108H2", "format": "csv"}
    ).content.decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == ",".join(template_header())
    assert any("agency=都發局" in line for line in lines)
    r = client.get(reverse("indicators:observation_template"), {"period": "zz", "format": "csv"})
    assert r.status_code == 400

    bad = write_table(
        "xlsx",
        HEADER,
        [["doc.received", "108H2", "", "x", "", ""], ["doc.received", "107H2", "", "1", "", ""]],
    )
    r = client.post(
        reverse("indicators:observation_import"),
        {"period": "108H2", "file": SimpleUploadedFile("o.xlsx", bad)},
    )
    assert r.status_code == 400
    assert len(r.context["result"].errors) == 2 and Observation.objects.count() == 1
    good = write_table("ods", HEADER, [["doc.received", "108H2", "", "7", "", ""]])
    r = client.post(
        reverse("indicators:observation_import"),
        {"period": "108H2", "file": SimpleUploadedFile("o.ods", good)},
    )
    assert r.status_code == 302
    assert registry.value("doc.received", "108H2") == 7
    assert ObjectChange.objects.filter(source="import", content_type__model="observation").exists()
