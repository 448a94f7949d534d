"""List exports: real dates and numbers in XLSX and ODS, ROC text in CSV, a frozen header with an
autofilter, fitted widths, names that say what and when; long exports as jobs."""

import datetime
import io
import os
import zipfile
from urllib.parse import unquote

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from mishu.consultations.models import CounterContact
from mishu.core import exportjobs
from mishu.core.exports import XLSX_DATE, column_widths, readable_name
from mishu.core.models import ExportJob
from mishu.core.tables import column_label
from mishu.core.testing import division

pytestmark = pytest.mark.django_db
URL = "consultations:countercontact_list"


@pytest.fixture
def contacts(make_user):
    clerk = make_user("citizen-services", ["clerk"])
    for i, (category, count) in enumerate([("civil", 12), ("transport", 3), ("civil", 1250)]):
        CounterContact.objects.create(
            division=division("citizen-services"),
            created_by=clerk,
            date=datetime.date(2026, 7, 1) + datetime.timedelta(days=i),
            category=category,
            count=count,
        )
    return clerk


def _column(ws, label):
    heads = [c.value for c in ws[1]]
    return heads.index(label) + 1


def test_xlsx_has_date_and_number_cells_a_frozen_filtered_header_and_widths(contacts, client_for):
    r = client_for(contacts).get(reverse(URL), {"export": "xlsx", "sort": "date"})
    assert r.status_code == 200
    ws = load_workbook(io.BytesIO(b"".join(r.streaming_content))).active
    date_col = _column(ws, column_label(CounterContact, "date"))
    count_col = _column(ws, column_label(CounterContact, "count"))
    first = ws.cell(row=2, column=date_col)
    assert first.is_date and first.value.date() == datetime.date(2026, 7, 1)
    assert first.number_format == XLSX_DATE
    counts = [ws.cell(row=n, column=count_col).value for n in (2, 3, 4)]
    assert counts == [12, 3, 1250]  # numbers, not "1,250"
    assert ws.cell(row=2, column=count_col).data_type == "n"
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{ws.cell(row=1, column=ws.max_column).column_letter}4"
    assert ws["A1"].font.b
    letter = ws.cell(row=1, column=date_col).column_letter
    assert ws.column_dimensions[letter].width >= 13


def test_export_file_names_say_what_and_when(contacts, client_for):
    r = client_for(contacts).get(reverse(URL), {"export": "xlsx"})
    today = timezone.localdate()
    header = r["Content-Disposition"]
    assert header.endswith(f'filename="countercontact-{today:%Y%m%d}.xlsx"')
    readable = unquote(header.split("filename*=UTF-8''")[1].split(";")[0])
    roc = today.year - 1911
    assert readable == readable_name(str(CounterContact._meta.verbose_name_plural), "xlsx")
    assert readable.endswith(f"_{roc}年{today.month:02d}月{today.day:02d}日.xlsx")


def test_csv_keeps_its_bom_and_roc_dates_as_text(contacts, client_for):
    r = client_for(contacts).get(reverse(URL), {"export": "csv", "sort": "date"})
    body = b"".join(r.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    text = body.decode("utf-8-sig")
    assert "115 年 7 月 1 日" in text and '"1,250"' in text


def test_ods_has_typed_cells_and_is_written_as_a_stream(contacts, client_for):
    r = client_for(contacts).get(reverse(URL), {"export": "ods"})
    data = b"".join(r.streaming_content)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.namelist()[0] == "mimetype"
        content = zf.read("content.xml").decode()
    assert 'office:value-type="date" office:date-value="2026-07-01"' in content
    assert 'office:value-type="float" office:value="1250"' in content
    assert 'number:calendar="ROC"' in content


def test_widths_count_cjk_characters_double():
    assert column_widths(["公文", "n"], [["ab", 1234567]]) == [6, 12]
    assert column_widths(["x" * 200], []) == [60]


def test_a_long_export_runs_as_a_job_for_its_requester_and_division(
    contacts, client_for, make_user, settings, tmp_path
):
    settings.MISHU_EXPORT_JOB_ROWS = 2
    settings.MEDIA_ROOT = tmp_path
    client = client_for(contacts)
    r = client.get(reverse(URL), {"export": "xlsx", "category": "civil", "sort": "-count"})
    # 2 rows match the filter: not above the threshold, a direct download
    assert r.status_code == 200 and "spreadsheetml" in r["Content-Type"]
    r = client.get(reverse(URL), {"export": "xlsx", "sort": "-count"})
    job = ExportJob.objects.get()
    assert r.status_code == 302 and r["Location"] == reverse("export_job", args=[job.pk])
    # eager in tests: the job ran during the request
    assert job.status == "done" and job.total == 3 and job.done == 3 and job.user == contacts
    assert job.query == {"sort": "-count"} and job.fmt == "xlsx" and job.language == "zh-hant"
    page = client.get(r["Location"])
    assert (
        page.status_code == 200
        and reverse("export_download", args=[job.pk]) in page.content.decode()
    )
    assert client.get(r["Location"], {"format": "json"}).json()["percent"] == 100
    got = client.get(reverse("export_download", args=[job.pk]))
    assert "filename*=UTF-8''" in got["Content-Disposition"]
    ws = load_workbook(io.BytesIO(b"".join(got.streaming_content))).active
    count_col = _column(ws, column_label(CounterContact, "count"))
    assert [ws.cell(row=n, column=count_col).value for n in (2, 3, 4)] == [1250, 12, 3]

    colleague = client_for(make_user("citizen-services", ["clerk"]))
    assert colleague.get(reverse("export_download", args=[job.pk])).status_code == 200
    outsider = client_for(make_user("media", ["clerk"]))
    assert outsider.get(reverse("export_download", args=[job.pk])).status_code == 404
    assert outsider.get(reverse("export_job", args=[job.pk])).status_code == 404


def test_a_silent_job_is_failed_and_says_so(contacts, client_for):
    job = ExportJob.objects.create(user=contacts, title="x", path="/", fmt="csv")
    ExportJob.objects.filter(pk=job.pk).update(created=timezone.now() - datetime.timedelta(hours=1))
    page = client_for(contacts).get(reverse("export_job", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == "failed" and job.error in page.content.decode()
    assert exportjobs.fail_stale() == 0


def test_an_old_export_file_is_deleted_and_its_page_says_so(
    contacts, client_for, settings, tmp_path, admin_client
):
    """Files of finished exports go after MISHU_EXPORT_KEEP_DAYS (a list may carry personal
    data); the job stays, and its page says to export again. A recent file stays."""
    from django.core.files.base import ContentFile

    settings.MEDIA_ROOT, settings.MISHU_EXPORT_KEEP_DAYS = tmp_path, 7
    old, new = (
        ExportJob.objects.create(user=contacts, title=t, path="/", fmt="csv", status="done")
        for t in ("舊", "新")
    )
    for job in (old, new):
        job.file.save(f"{job.title}.csv", ContentFile(b"a,b\n"))
    ExportJob.objects.filter(pk=old.pk).update(created=timezone.now() - datetime.timedelta(days=8))
    old_path = old.file.path
    assert exportjobs.purge_files() == 1
    old.refresh_from_db()
    new.refresh_from_db()
    assert not old.file and not os.path.exists(old_path) and old.status == "done"
    assert new.file and os.path.exists(new.file.path)
    client = client_for(contacts)
    page = client.get(reverse("export_job", args=[old.pk])).content.decode()
    assert "檔案已於寫成 7 日後刪除" in page and "export-download" not in page
    assert client.get(reverse("export_download", args=[old.pk])).status_code == 404
    assert client.get(reverse("export_download", args=[new.pk])).status_code == 200
    assert exportjobs.purge_files() == 0
    listing = admin_client.get("/admin/core/exportjob/")
    assert listing.status_code == 200 and "舊" in listing.content.decode()
