"""Exports never carry a live formula nor fail on a control character; forms, the API and imports
refuse control characters (NUL included) with a message."""

import csv
import datetime
import io
import zipfile

import pytest
from django.core.validators import ProhibitNullCharactersValidator
from django.utils import translation
from openpyxl import load_workbook

from mishu.chronicle.models import Event
from mishu.core.exports import write_table
from mishu.core.tabular import TableError, read_dicts, read_rows
from mishu.core.testing import division

pytestmark = pytest.mark.django_db

HOSTILE = ['=HYPERLINK("http://evil.example","點我")', "+A1", "-1+1", "@SUM(A1)", "\tx", "\rx"]


@pytest.fixture(autouse=True)
def chinese():
    with translation.override("zh-hant"):
        yield


def event(title):
    return Event.objects.create(
        division=division("documents"),
        category="training",
        start_date=datetime.date(2019, 11, 5),
        title=title,
    )


def test_exported_cells_never_start_a_formula_in_any_format():
    rows = [[h] for h in HOSTILE] + [["-5"], ["+1,234.5"], [12], [-3]]
    text = write_table("csv", ["title"], rows).decode("utf-8-sig")
    cells = [r[0] for r in csv.reader(io.StringIO(text))][1:]
    assert cells[: len(HOSTILE)] == ["'" + h for h in HOSTILE]
    assert cells[len(HOSTILE) : len(HOSTILE) + 2] == ["-5", "+1,234.5"]  # plain signed numbers
    sheet = load_workbook(io.BytesIO(write_table("xlsx", ["title"], rows))).active
    values = [c.value for c in sheet["A"]][1:]
    assert values[:4] == ["'" + h for h in HOSTILE[:4]]
    assert all(v.startswith("'") for v in values[: len(HOSTILE)])  # XML reads CR as LF
    assert values[-2:] == [12, -3]  # numbers stay numbers
    assert all(sheet.cell(row=i + 2, column=1).data_type != "f" for i in range(len(HOSTILE)))
    ods = write_table("ods", ["title"], rows)
    assert read_rows(ods, "x.ods")[1][0] == "'" + HOSTILE[0]
    with zipfile.ZipFile(io.BytesIO(ods)) as zf:
        assert b"table:formula" not in zf.read("content.xml")


def test_a_control_character_in_a_record_never_breaks_its_list_export(make_user, client_for):
    event("年度\x01訓練\x1b")  # saved around validation, as an old row or a bulk write could be
    event('=HYPERLINK("http://evil.example")')
    client = client_for(make_user("documents", ["clerk"]))
    for fmt in ("csv", "xlsx", "ods"):
        response = client.get(f"/chronicle/events/?export={fmt}")
        assert response.status_code == 200, fmt
    book = load_workbook(io.BytesIO(client.get("/chronicle/events/?export=xlsx").getvalue()))
    titles = {str(c.value) for row in book.active.iter_rows() for c in row if c.value}
    assert "年度\ufffd訓練\ufffd" in titles
    assert '\'=HYPERLINK("http://evil.example")' in titles


@pytest.mark.parametrize("bad", ["a\x00b", "a\x01b", "\x1b[31m紅字"])
def test_forms_and_the_api_refuse_control_characters(make_user, client_for, api_for, bad):
    user = make_user("documents", ["clerk"])
    response = client_for(user).post(
        "/chronicle/events/add/",
        {
            "division": division("documents").pk,
            "category": "training",
            "start_date": "108/11/5",
            "title": bad,
        },
    )
    with translation.override("zh-hant"):  # Django's own form field refuses NUL first
        expected = "控制字元" if "\x00" not in bad else str(ProhibitNullCharactersValidator.message)
    assert response.status_code == 200 and expected in response.content.decode()
    response = api_for(user).post(
        "/api/chronicle/events/",
        {
            "division": division("documents").pk,
            "category": "training",
            "start_date": "2019-11-05",
            "title": "ok",
            "place": bad,
        },
        format="json",
        HTTP_ACCEPT_LANGUAGE="zh-hant",
    )
    assert response.status_code == 400 and "place" in response.json()
    assert not Event.objects.exists()


def test_an_import_refuses_a_control_character_naming_row_and_column():
    data = b"division,title\r\ndocuments,ok\r\ndocuments,a\x01b\r\n"
    with pytest.raises(TableError) as exc:
        read_dicts(data, "x.csv")
    assert "3" in str(exc.value.message) and "title" in str(exc.value.message)
    assert "控制字元" in str(exc.value.message)


@pytest.mark.parametrize(
    "path, model, body",
    [
        (
            "/api/chronicle/events/",
            Event,
            {"category": "training", "start_date": "2019-11-05", "title": "年度\x00訓練"},
        ),
        (
            "/api/documents/documents/",
            "documents.Document",
            {"office": "city", "direction": "incoming", "subject": "公\x00文"},
        ),
        (
            "/api/venues/venues/",
            "venues.Venue",
            {"name": "禮堂", "notes": {"nested \x00 key": "a JSON key, not a model text field"}},
        ),
        ("/api/procurement/tendercases/", "procurement.TenderCase", {"title": ["a", "b\x00"]}),
    ],
)
def test_the_api_refuses_nul_anywhere_in_a_body_and_writes_nothing(
    make_user, api_for, path, model, body
):
    """PostgreSQL cannot store NUL: every endpoint refuses it with a 400 in Chinese, not a 500."""
    from django.apps import apps

    model = apps.get_model(model) if isinstance(model, str) else model
    user = make_user("documents", ["admin"], is_superuser=True)
    api = api_for(user)
    before = model.objects.count()
    body = {"division": division("documents").pk, **body}
    for fmt in ("json", "multipart"):
        if fmt == "multipart" and any(isinstance(v, dict | list) for v in body.values()):
            continue
        response = api.post(path, body, format=fmt, HTTP_ACCEPT_LANGUAGE="zh-hant")
        assert response.status_code == 400, (path, fmt, response.content)
        [field] = response.json()
        assert "控制字元" in response.json()[field][0]
        assert model.objects.count() == before


def test_a_patch_with_nul_is_refused_and_changes_nothing(make_user, api_for):
    record = event("年度訓練")
    api = api_for(make_user("documents", ["clerk"]))
    response = api.patch(
        f"/api/chronicle/events/{record.pk}/",
        {"title": "改\x00名"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="zh-hant",
    )
    assert response.status_code == 400 and "控制字元" in response.json()["title"][0]
    record.refresh_from_db()
    assert record.title == "年度訓練"
