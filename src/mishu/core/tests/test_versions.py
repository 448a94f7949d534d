"""The data's version (core.versions): it moves once per committed transaction that wrote data,
whatever the path of the write, and never for a write rolled back or a job's own progress."""

import pytest
from django.db import connection, transaction

from mishu.core import audit, versions
from mishu.core.models import DataVersion, ExportJob
from mishu.core.testing import commit_data_version, division

pytestmark = pytest.mark.django_db


def number() -> int:
    row = DataVersion.objects.filter(pk=1).first()
    return row.number if row else 0


@pytest.fixture
def clean():
    """The test's own fixtures committed: nothing pending, the version as it now is."""
    commit_data_version()
    assert not versions.pending()
    return number()


def test_a_write_is_pending_until_its_transaction_commits_then_moves_the_version_once(clean):
    unit = division("media")
    unit.name_en = "Media A"
    unit.save()
    unit.name_en = "Media B"
    unit.save()
    assert versions.pending() and versions.key() is None  # nothing may be kept meanwhile
    assert number() == clean
    assert sum(versions.is_move(f) for _s, f, _r in connection.run_on_commit) == 1
    commit_data_version()
    assert number() == clean + 1 and not versions.pending()
    assert versions.key() is not None


def test_a_write_rolled_back_moves_nothing(clean):
    with pytest.raises(RuntimeError), transaction.atomic():
        division("media").delete()
        assert versions.pending()
        raise RuntimeError
    assert not versions.pending()
    commit_data_version()
    assert number() == clean


def test_writes_that_send_no_signal_move_it(clean):
    """Bulk writes recorded in the change log, the register's raw tally upserts and COPY."""
    import datetime

    from mishu.documents import tally
    from mishu.documents.models import Measure

    unit = division("media")
    audit.record_created([unit])
    assert versions.pending()
    commit_data_version()
    tally.apply({(unit.pk, "city", datetime.date(2019, 7, 1), Measure.RECEIVED): 3})
    assert versions.pending()
    commit_data_version()
    assert number() == clean + 2


def test_an_export_jobs_progress_does_not_move_it(clean):
    ExportJob.objects.create(title="收文", path="/documents/", fmt="csv")
    assert not versions.pending()


def test_the_key_names_the_database_the_number_and_the_code(clean):
    first = versions.key()
    token, n, _place, code = first.split(".")
    assert int(n) == clean and code == versions.code_fingerprint()
    DataVersion.objects.all().delete()  # another database: another token, never the same key
    again = versions.key()
    assert again.split(".")[0] != token


def test_a_migrations_historical_models_do_not_move_it(clean):
    """A data migration writes through historical models, maybe before the version's table
    exists: those writes are not counted (a migrated database is new data anyway)."""
    from django.apps import apps
    from django.db.migrations.state import ProjectState

    historical = ProjectState.from_apps(apps).apps
    Group = historical.get_model("auth", "Group")
    Group.objects.create(name="歷史模型")
    assert not versions.pending()


def test_a_request_reads_the_version_once_and_again_after_its_own_write(clean):
    """Within a request the version is read once (every kept or held thing shares it); a write
    the request commits makes it read again, so the request sees its own write."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections, connection
    from django.test.utils import CaptureQueriesContext

    versions.key()  # the version's row exists (a new database makes it on the first read)
    request_started.disconnect(close_old_connections)  # as the test client does
    request_finished.disconnect(close_old_connections)
    request_started.send(sender=None)
    try:
        with CaptureQueriesContext(connection) as queries:
            first = versions.key()
            assert versions.key() == first
        assert sum("dataversion" in q["sql"] for q in queries.captured_queries) == 1
        unit = division("media")
        unit.save()
        commit_data_version()  # the request's own write, committed
        assert versions.key() != first
    finally:
        request_finished.send(sender=None)
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    with CaptureQueriesContext(connection) as queries:  # outside a request: read each time
        versions.key()
        versions.key()
    assert sum("dataversion" in q["sql"] for q in queries.captured_queries) == 2


def test_held_things_are_computed_once_per_version(clean):
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert versions.held("test-held", compute) == 1
    assert versions.held("test-held", compute) == 1  # the data did not change
    division("media").save()
    assert versions.held("test-held", compute) == 2  # pending: computed, not kept
    commit_data_version()
    assert versions.held("test-held", compute) == 3
    assert versions.held("test-held", compute) == 3
