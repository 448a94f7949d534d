import io

from mishu.core.models import ObjectChange
from mishu.documents import jobs
from mishu.documents.models import Document, DocumentBatch, ImportJob

HEADER = "number,office,direction,division,sender,received_on,subject,speed,dispatched_on\n"


def _job(user, text):
    return ImportJob.objects.create(user=user, file_name="export.csv", content=text.encode("utf-8"))


def test_valid_file_is_written_in_one_batch(org, make_user):
    user = make_user("documents", ["clerk"])
    text = HEADER + (
        "府秘文字第1080000007號,city,incoming,documents,都發局,108/7/1,函一,普通件,108/7/3\n"
        ",city,收文,documents,都發局,108/7/2,函二,速件,\n"
    )
    job = jobs.run_import(_job(user, text).pk)
    assert job.status == "done" and job.written == 2, job.errors
    first, second = Document.objects.order_by("serial")
    assert first.timeliness == "on_time" and first.state == "dispatched"
    assert second.number == "府秘文字第1080000008號" and second.state == "received"
    batch = DocumentBatch.objects.get()
    entry = ObjectChange.objects.get(
        object_id=str(batch.pk), action="create", content_type__model="documentbatch"
    )
    assert entry.source == "import" and entry.user == user


def test_bad_rows_are_all_listed_and_nothing_is_written(org, make_user):
    user = make_user("documents", ["clerk"])
    text = HEADER + (
        "府秘文字第1080000001號,city,incoming,documents,都發局,108/7/1,好的,普通件,\n"
        "府秘文字第1080000001號,city,incoming,documents,都發局,108/7/1,重號,普通件,\n"
        ",city,incoming,documents,火星局,108/7/1,未知機關,普通件,\n"
        ",city,incoming,documents,都發局,108/7/5,先發後收,普通件,108/7/1\n"
        ",city,incoming,nowhere,都發局,108/7/5,單位,普通件,\n"
    )
    job = jobs.run_import(_job(user, text).pk)
    assert job.status == "failed"
    assert [(e["row"], e["column"]) for e in job.errors] == [
        (3, "number"),
        (4, "sender"),
        (5, "dispatched_on"),
        (6, "division"),
    ]
    assert not Document.objects.exists()


def test_unreadable_file_fails_the_job(org, make_user):
    user = make_user("documents", ["clerk"])
    job = jobs.run_import(_job(user, "subject\nx\n").pk)
    assert job.status == "failed" and "office" in job.errors[0]["message"]


def test_import_page_runs_the_job_and_reports_progress(org, make_user, client_for):
    user = make_user("documents", ["clerk"])
    client = client_for(user)
    upload = io.BytesIO(
        (HEADER + ",city,incoming,documents,都發局,108/7/1,函,普通件,\n").encode("utf-8")
    )
    upload.name = "export.csv"
    response = client.post("/documents/import/", {"file": upload})
    assert response.status_code == 302
    job = ImportJob.objects.get()
    status = client.get(f"/documents/import/{job.pk}/?format=json").json()
    assert status["status"] == "done" and status["percent"] == 100 and status["written"] == 1
    assert client.get(f"/documents/import/{job.pk}/").status_code == 200


def test_a_number_already_in_the_register_fails_the_whole_file(org, make_user, incoming):
    """A valid-looking file is written without a look-up per number; the register's unique
    constraint refuses the number, the write is rolled back and the row is reported."""
    from mishu.documents import services

    taken = services.register(incoming())  # 府秘文字第1080000001號
    user = make_user("documents", ["clerk"])
    text = HEADER + (
        "府秘文字第1080000005號,city,incoming,documents,都發局,108/7/1,新的,普通件,\n"
        f"{taken.number},city,incoming,documents,都發局,108/7/1,重號,普通件,\n"
    )
    job = jobs.run_import(_job(user, text).pk)
    assert job.status == "failed" and job.written == 0
    assert [(e["row"], e["column"]) for e in job.errors] == [(3, "number")]
    assert taken.number in job.errors[0]["message"]
    assert list(Document.objects.values_list("number", flat=True)) == [taken.number]
    assert not DocumentBatch.objects.exists()
