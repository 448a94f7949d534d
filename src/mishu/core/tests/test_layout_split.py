"""The layout split (facilities → venues + building, the e-document returns → edocs): old
addresses redirect, and a database made before the split keeps its records and their history."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

FIGURES = (
    "paper_incoming",
    "paper_signed_online",
    "documents_total",
    "documents_signed_online",
    "meetings_total",
    "e_meetings",
    "paper_baseline_boxes",
    "paper_saved_boxes",
)
BEFORE = [("facilities", "0003_booking_fees"), ("documents", "0004_signoff_files")]


@pytest.mark.parametrize(
    "old, new",
    [
        ("/facilities/bookings/?period=108H2", "/venues/bookings/?period=108H2"),
        ("/facilities/book/", "/venues/book/"),
        ("/facilities/calendar/?month=2019-07", "/venues/calendar/?month=2019-07"),
        ("/facilities/meterreadings/import/", "/building/meterreadings/import/"),
        ("/facilities/stallcalls/3/", "/building/stallcalls/3/"),
        ("/facilities/maintenance/overdue/", "/building/maintenance/overdue/"),
        ("/documents/returns/?period=108", "/edocs/returns/?period=108"),
        ("/documents/returns/import/", "/edocs/returns/import/"),
        ("/api/facilities/bookings/", "/api/venues/bookings/"),
        ("/api/facilities/meters/1/", "/api/building/meters/1/"),
        ("/api/documents/edocument-returns/", "/api/edocs/returns/"),
    ],
)
def test_old_addresses_redirect(client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new


def test_an_api_write_to_an_old_address_is_sent_on_as_a_write(client):
    response = client.post("/api/facilities/bookings/", {"title": "x"})
    assert response.status_code == 308  # the client repeats the POST, body and all
    assert response["Location"] == "/api/venues/bookings/"


def test_a_redirect_never_leaves_the_site(client):
    response = client.get("/facilities//evil.example/")
    assert response.status_code in (301, 404)
    if response.status_code == 301:
        assert response["Location"].startswith("/building/")


@pytest.fixture
def before_the_split(transactional_db):
    """The database as it was before the split; migrated to the latest state afterwards, also
    when the test fails (the other tests need it)."""
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    yield executor
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_records_made_before_the_split_survive_it(before_the_split):
    executor = before_the_split
    old = executor.loader.project_state(BEFORE).apps
    Division = old.get_model("core", "Division")
    Agency = old.get_model("core", "Agency")
    ContentType = old.get_model("contenttypes", "ContentType")
    ObjectChange = old.get_model("core", "ObjectChange")
    # a transactional test before this one may have flushed the organisation rows
    hall, _ = Division.objects.get_or_create(code="city-hall", defaults={"short_name": "公管中心"})
    documents, _ = Division.objects.get_or_create(
        code="documents", defaults={"short_name": "文書組"}
    )
    secretariat, _ = Agency.objects.get_or_create(
        code="secretariat", defaults={"short_name": "秘書處"}
    )
    venue = old.get_model("facilities", "Venue").objects.create(
        division=hall, name="1 樓中庭", report_group="1 樓中庭"
    )
    meter = old.get_model("facilities", "Meter").objects.create(
        division=hall, name="總電表", kind="electricity"
    )
    ret = old.get_model("documents", "EDocumentReturn").objects.create(
        division=documents,
        agency=secretariat,
        period="108",
        starts_on=datetime.date(2019, 1, 1),
        ends_on=datetime.date(2019, 12, 31),
        **{**dict.fromkeys(FIGURES, 0), "meetings_total": 10, "e_meetings": 9},
    )
    ct, _ = ContentType.objects.get_or_create(app_label="facilities", model="venue")
    ObjectChange.objects.create(
        content_type=ct,
        object_id=str(venue.pk),
        object_repr="1 樓中庭",
        action="create",
        source="web",
        actor_name="hall.clerk",
    )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    from django.contrib.contenttypes.models import ContentType as CT

    from mishu.building.models import Meter
    from mishu.core.models import ObjectChange as Change
    from mishu.edocs.models import EDocumentReturn
    from mishu.venues.models import Venue

    CT.objects.clear_cache()
    assert Venue.objects.get(pk=venue.pk).name == "1 樓中庭"
    assert Meter.objects.get(pk=meter.pk).name == "總電表"
    assert EDocumentReturn.objects.get(pk=ret.pk).e_meetings == 9
    change = Change.objects.get(object_id=str(venue.pk), object_repr="1 樓中庭")
    assert change.content_type.app_label == "venues"  # the venue's history follows it
    tables = connection.introspection.table_names()
    assert "venues_venue" in tables and "building_meter" in tables
    assert "documents_edocumentreturn" not in tables and "facilities_venue" not in tables
