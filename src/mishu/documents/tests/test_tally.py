"""The monthly tallies the report's counts read stay equal to a fresh count of the register
through every kind of write: registering, the workflow, edits that move a document between
months or change what it counts as, deletes, imports (bulk path) and the removal of a batch."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from mishu.core.formats import Period
from mishu.documents import jobs, services, synth, tally
from mishu.documents.models import Document, DocumentTally, ImportJob
from mishu.documents.testing import advance
from mishu.indicators import registry

D = datetime.date
H2 = Period.parse("108H2")
HEADER = "office,direction,division,sender,received_on,subject,speed,dispatched_on,seal_uses\n"


def _agree():
    assert tally.differences() == {}


def _dispatch(doc, on):
    return advance(doc, "assign", "draft", "sign", "dispatch", on=on, seal_uses=2)


def test_single_writes_keep_the_tallies(incoming, org):
    a = services.register(incoming())
    b = services.register(incoming(office="secretariat", medium="paper", handling_mode="scanned"))
    _agree()
    assert registry.value("documents.received", H2) == 2
    a = _dispatch(a, D(2019, 7, 5))
    _agree()
    assert registry.value("documents.sent", H2) == 1
    assert registry.value("documents.sealed", H2) == 2

    # An edit moves the receipt from July 108 to January 109 and the mode from scanned to paper.
    b = Document.objects.get(pk=b.pk)
    b.received_on = b.registered_on = D(2020, 1, 3)
    b.handling_mode = "paper"
    b.save()
    _agree()
    assert registry.value("documents.received", H2) == 1
    assert registry.value("documents.received", Period.parse("109-01")) == 1
    assert registry.value("edocs.paper_signoff_cases", Period.parse("109")) == 0

    a.delete()
    _agree()
    # the half-year's last document is gone: no register for it, so no figure (not zero)
    assert registry.value("documents.sent", H2) is None
    assert registry.value("documents.sealed", H2) is None


def test_import_and_batch_removal_keep_the_tallies(org, make_user):
    user = make_user("documents", ["clerk"])
    text = HEADER + (
        "city,incoming,documents,都發局,108/7/1,函一,普通件,108/7/3,3\n"
        "city,incoming,documents,都發局,108/8/30,函二,速件,108/9/2,1\n"
        "secretariat,incoming,documents,都發局,108/12/31,函三,普通件,,0\n"
    )
    job = ImportJob.objects.create(user=user, file_name="x.csv", content=text.encode())
    job = jobs.run_import(job.pk)
    assert job.status == "done", job.errors
    _agree()
    assert registry.value("documents.received", H2) == 3
    assert registry.value("documents.sealed", H2) == 4
    assert registry.value("documents.sent", Period.parse("108-09")) == 1

    # Generated documents are removed by batch with a raw delete (synth.remove).
    Document.objects.filter(batch__isnull=False).update(batch=None)
    batch_docs = Document.objects.filter(subject="函一")
    from mishu.documents.models import DocumentBatch

    batch = DocumentBatch.objects.create(
        division=org["documents"], source="synth", label="108H2 test"
    )
    batch_docs.update(batch=batch)  # a raw update: tallies unaffected (no counted field moved)
    synth.remove("108H2")
    _agree()
    assert registry.value("documents.received", H2) == 2


def test_counts_are_scoped_like_the_documents(incoming, org, make_user):
    services.register(incoming())
    outsider = make_user("media", ["clerk"])
    insider = make_user("documents", ["clerk"])
    assert registry.value("documents.received", H2, outsider) is None  # nothing it may count
    assert registry.value("documents.received", H2, insider) == 1


def test_check_finds_and_rebuild_repairs_a_damaged_tally(incoming, org):
    services.register(incoming())
    with connection.cursor() as c:  # a repair done in SQL behind the register's back
        c.execute(f"UPDATE {DocumentTally._meta.db_table} SET value = value + 5")
    with pytest.raises(CommandError, match="disagree"):
        call_command("documents_tally", "--check", stdout=io.StringIO())
    out = io.StringIO()
    call_command("documents_tally", "--rebuild", stdout=out)
    call_command("documents_tally", "--check", stdout=out)
    assert "agree" in out.getvalue()
    assert registry.value("documents.received", H2) == 1
