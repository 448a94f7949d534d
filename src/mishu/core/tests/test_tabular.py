"""Spreadsheets are checked before they are expanded: a bomb or a sparse sheet is refused with a
message, in constant time and memory, and every import page states its limits."""

import resource

import pytest
from django.utils import translation

from mishu.core.tabular import TableError, limits, read_rows

from . import hostile

HEADER = ["division", "title", "start_date"]
EXAMPLE = ["documents", "檔案管理基礎班", "108/11/5"]


@pytest.fixture(autouse=True)
def chinese():
    with translation.override("zh-hant"):
        yield


def refused(data, name):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(TableError) as exc:
        read_rows(data, name)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 200, f"reading grew the process by {grown_mb:.0f} MB"
    return str(exc.value.message)


def test_a_sparse_sheet_is_refused_before_it_is_expanded():
    data = hostile.sparse_xlsx(HEADER)
    assert len(data) < 10_000
    assert "列" in refused(data, "x.xlsx")


def test_a_declared_dimension_past_the_caps_is_refused():
    assert "列" in refused(hostile.declared_xlsx(HEADER), "x.xlsx")


def test_a_zip_bomb_is_refused_unread():
    assert "解壓縮" in refused(hostile.bomb_xlsx(HEADER), "x.xlsx")


@pytest.mark.parametrize("rows, cols", [(1_048_000, 3), (2, 16_000)])
def test_an_ods_with_repeated_cells_is_refused(rows, cols):
    message = refused(hostile.ods_repeated(HEADER, rows, cols), "x.ods")
    assert "列" in message or "欄" in message


def test_xml_entities_are_refused():
    assert "無法" in refused(hostile.entity_xlsx(HEADER), "x.xlsx")


def test_rows_past_the_cap_are_refused_in_every_format(settings):
    settings.MISHU_IMPORT_MAX_ROWS = 10
    rows = [HEADER] + [EXAMPLE] * 11
    for data, name in [
        (hostile.xlsx(rows), "x.xlsx"),
        (hostile.ods(rows), "x.ods"),
        (hostile.csv_text(rows), "x.csv"),
    ]:
        assert "10 列" in refused(data, name)
    assert len(read_rows(hostile.xlsx(rows[:11]), "x.xlsx")) == 11  # the cap itself is allowed


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.MISHU_IMPORT_MAX_BYTES = 1024
    assert "1024" not in refused(b"a,b\n" + b"1,2\n" * 400, "x.csv")  # stated in MB


def test_utf16_with_a_bom_is_read_and_other_encodings_are_named():
    rows = [HEADER, EXAMPLE]
    assert read_rows(hostile.csv_text(rows, "utf-16"), "x.csv") == rows
    assert "UTF-8" in refused(hostile.csv_text(rows, "big5"), "x.csv")


def test_a_valid_layout_reads_as_before():
    rows = [HEADER, EXAMPLE]
    for data, name in [(hostile.xlsx(rows), "x.xlsx"), (hostile.ods(rows), "x.ods")]:
        assert read_rows(data, name) == rows


@pytest.mark.django_db
def test_import_pages_state_their_limits(make_user, client_for):
    client = client_for(make_user("documents", ["clerk"]))
    page = client.get("/chronicle/events/import/").content.decode()
    assert f"{limits().rows:,}" in page and f"{limits().megabytes} MB" in page
