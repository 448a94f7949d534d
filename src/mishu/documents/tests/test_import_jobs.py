"""An import job always ends `done` or `failed` with its reason, its file dropped, and nothing
half-written — after an unexpected error, a lost database connection or a worker that vanished."""

import datetime

import pytest
from django.db import OperationalError
from django.utils import timezone, translation

from mishu.documents import jobs
from mishu.documents.models import Document, ImportJob

HEADER = "number,office,direction,division,sender,received_on,subject,speed,dispatched_on\n"
ROW = ",city,incoming,documents,都發局,108/7/1,函,普通件,\n"


@pytest.fixture(autouse=True)
def chinese():
    with translation.override("zh-hant"):
        yield


def _job(user, text=HEADER + ROW, **fields):
    return ImportJob.objects.create(
        user=user, file_name="export.csv", content=text.encode("utf-8"), **fields
    )


@pytest.mark.parametrize(
    "error", [RuntimeError("boom"), OperationalError("server closed the connection")]
)
def test_an_unexpected_error_fails_the_job_with_its_reason(org, make_user, monkeypatch, error):
    def explode(rows, user, label, progress=None):
        progress(1)
        raise error

    monkeypatch.setattr(jobs, "import_rows", explode)
    job = jobs.run_import(_job(make_user("documents", ["clerk"])).pk)
    job.refresh_from_db()
    assert job.status == "failed" and "未寫入" in job.errors[0]["message"]
    assert bytes(job.content) == b"" and not Document.objects.exists()


def test_a_failure_midway_through_the_write_leaves_nothing(org, make_user, monkeypatch):
    real_write = jobs.synth.write

    def write_then_fail(*args, **kwargs):
        real_write(*args, **kwargs)
        raise RuntimeError("killed after writing")

    monkeypatch.setattr(jobs.synth, "write", write_then_fail)
    job = jobs.run_import(_job(make_user("documents", ["clerk"])).pk)
    assert job.status == "failed" and not Document.objects.exists()


def test_an_unreadable_file_is_dropped_with_the_failure(org, make_user):
    job = jobs.run_import(_job(make_user("documents", ["clerk"]), "subject\nx\n").pk)
    job.refresh_from_db()
    assert job.status == "failed" and bytes(job.content) == b""


def test_a_stale_job_is_failed_on_its_page_and_by_the_periodic_task(org, make_user, client_for):
    user = make_user("documents", ["clerk"])
    long_ago = timezone.now() - datetime.timedelta(minutes=30)
    running = _job(user, status="running", total=100, done=62, heartbeat=long_ago)
    pending = _job(user)
    ImportJob.objects.filter(pk=pending.pk).update(created=long_ago)
    fresh = _job(user, status="running", total=100, done=10, heartbeat=timezone.now())

    status = client_for(user).get(f"/documents/import/{running.pk}/?format=json").json()
    assert status["status"] == "failed"
    running.refresh_from_db()
    assert "逾" in running.errors[0]["message"] or "未回報" in running.errors[0]["message"]
    assert bytes(running.content) == b""

    assert jobs.fail_stale_jobs() == 1  # the pending one no worker took
    pending.refresh_from_db()
    fresh.refresh_from_db()
    assert pending.status == "failed" and fresh.status == "running"


def test_an_ended_job_is_not_run_again(org, make_user):
    job = _job(make_user("documents", ["clerk"]), status="failed")
    assert jobs.run_import(job.pk).status == "failed" and not Document.objects.exists()
