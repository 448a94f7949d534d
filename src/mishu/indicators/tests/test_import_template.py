"""A division's round trip through the observation template: it downloads its own rows with a
Chinese header, fills in values, and imports the file back; blank rows are skipped and counted,
a period that is not the page's and another division's indicator are refused, row by row."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mishu.core.exports import write_table
from mishu.core.models import ObjectChange
from mishu.indicators import registry
from mishu.indicators.models import Observation

from .factories import indicator, observe

pytestmark = pytest.mark.django_db
IMPORT = reverse("indicators:observation_import")
TEMPLATE = reverse("indicators:observation_template")
ZH_HEADER = ["指標代碼", "指標名稱", "單位", "期別", "細項", "數值", "備註", "資料來源"]


@pytest.fixture
def defs():
    return {
        "mine": indicator("doc.received", label="收文件數"),
        "split": indicator("doc.by_agency", dimensions=("agency",), label="各機關收文"),
        "theirs": indicator("media.posts", division_code="media", label="社群貼文數"),
    }


@pytest.fixture
def clerk(make_user):
    return make_user("documents", ["clerk"])


def _template(client, fmt="xlsx", period="108H2"):
    response = client.get(TEMPLATE, {"period": period, "format": fmt})
    assert response.status_code == 200
    return response.content


def _sheet_rows(data: bytes) -> list[list]:
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    return [["" if c is None else c for c in row] for row in sheet.iter_rows(values_only=True)]


def _upload(client, data: bytes, name="filled.xlsx", period="108H2"):
    return client.post(IMPORT, {"period": period, "file": SimpleUploadedFile(name, data)})


def test_the_template_holds_only_the_division_s_rows_under_a_chinese_header(
    defs, clerk, client_for
):
    observe(defs["split"], "108H2", 4, agency="都發局")
    observe(defs["split"], "108H1", 9, agency="工務局")  # another period: not pre-filled
    rows = _sheet_rows(_template(client_for(clerk)))
    assert rows[0] == ZH_HEADER
    codes = {r[0] for r in rows[1:]}
    assert codes == {"doc.received", "doc.by_agency"}  # not media's indicator
    assert {r[3] for r in rows[1:]} == {"108H2"}
    filled = [r for r in rows[1:] if r[4] == "agency=都發局"]
    assert filled and str(filled[0][5]) == "4"
    assert rows[1][1] == "收文件數" or "收文件數" in [r[1] for r in rows]
    csv = _template(client_for(clerk), "csv").decode("utf-8-sig").splitlines()
    assert csv[0] == ",".join(ZH_HEADER) and not any("media.posts" in line for line in csv)


def test_round_trip_stores_the_values_and_logs_who_imported_them(defs, clerk, client_for):
    client = client_for(clerk)
    rows = _sheet_rows(_template(client))
    header, body = rows[0], rows[1:]
    for row in body:
        if row[0] == "doc.received":
            row[5] = "1,234"
    body.append(["doc.by_agency", "", "", "108H2", "agency=工務局", 7, "", "公文系統"])
    response = _upload(client, write_table("xlsx", header, body))
    assert response.status_code == 302
    assert registry.value("doc.received", "108H2") == 1234
    assert registry.value("doc.by_agency", "108H2", agency="工務局") == 7
    changes = ObjectChange.objects.filter(content_type__model="observation")
    assert changes.count() == 2
    assert {(c.user_id, c.source) for c in changes} == {(clerk.pk, "import")}
    page = client.get(response["Location"])
    text = " ".join(str(m) for m in page.context["messages"])
    assert "已匯入 2 筆數值" in text and "1 列未填數值，已略過" in text


def test_blank_rows_and_rows_without_a_value_are_skipped_and_counted(defs, clerk, client_for):
    rows = [
        ["doc.received", "收文件數", "件", "108H2", "", "12", "", ""],
        ["", "", "", "", "", "", "", ""],  # blank
        ["doc.by_agency", "各機關收文", "件", "108H2", "agency=都發局", "", "", ""],  # no value
        ["", "", "", "", "", "", "", ""],
        ["doc.by_agency", "各機關收文", "件", "108H2", "agency=工務局", "3", "", ""],
    ]
    client = client_for(clerk)
    response = _upload(client, write_table("xlsx", ZH_HEADER, rows), "x.xlsx")
    assert response.status_code == 302
    text = " ".join(str(m) for m in client.get(response["Location"]).context["messages"])
    assert "已匯入 2 筆數值" in text and "3 列未填數值" in text
    assert Observation.objects.count() == 2


def test_a_period_mismatch_is_named_on_each_row_and_nothing_is_written(defs, clerk, client_for):
    rows = [
        ["doc.received", "", "", "108H2", "", "5", "", ""],
        ["doc.received", "", "", "108H1", "", "6", "", ""],
        ["doc.by_agency", "", "", "108H1", "agency=都發局", "7", "", ""],
    ]
    response = _upload(client_for(clerk), write_table("csv", ZH_HEADER, rows), "x.csv")
    assert response.status_code == 400
    errors = response.context["result"].errors
    assert [e.row for e in errors] == [3, 4]
    for e in errors:
        assert "108 年上半年" in e.message and "本頁所選期別 108 年下半年" in e.message
    assert "本頁所選期別" in response.content.decode()
    assert not Observation.objects.exists()


def test_another_division_s_indicator_is_refused_with_a_clear_message(defs, clerk, client_for):
    rows = [
        ["doc.received", "", "", "108H2", "", "5", "", ""],
        ["media.posts", "", "", "108H2", "", "9", "", ""],
        ["media.posts", "", "", "108H2", "", "", "", ""],  # no value: skipped, not refused
    ]
    response = _upload(client_for(clerk), write_table("xlsx", ZH_HEADER, rows))
    assert response.status_code == 400
    errors = response.context["result"].errors
    assert [(e.row, e.code) for e in errors] == [(3, "media.posts")]
    assert "只能匯入本單位的指標" in errors[0].message and "媒體" in errors[0].message
    assert not Observation.objects.exists()
