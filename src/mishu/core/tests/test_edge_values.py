"""Values at the edges (far dates, `%` in a filter, special numbers, concurrent writers) get a
clear answer — never a 500."""

import threading
import time
from decimal import Decimal

import pytest
from django.db import connections, transaction

from mishu.api import router
from mishu.building.models import MeterReading
from mishu.core.imports import RowInvalid, cell_decimal, cell_int


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/open311/v2/requests.json?end_date=0001-01-01",
        "/open311/v2/requests.json?start_date=9999-12-31T00:00:00",
        "/venues/calendar/?month=9999-12",
        "/venues/calendar/?month=0001-01",
    ],
)
def test_far_dates_on_public_routes(client, url):
    assert client.get(url).status_code in (200, 400)


@pytest.mark.django_db
@pytest.mark.parametrize("year", ["9999", "1912", "0", "1", "2200"])
def test_far_years_in_the_chronicle(make_user, client_for, year):
    response = client_for(make_user("documents", ["clerk"])).get(f"/chronicle/year/?year={year}")
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_percent_sign_in_any_period_filter_is_a_400(make_user, api_for):
    api = api_for(make_user("documents", ["evaluator"]))
    lists = [prefix for prefix, _viewset, _basename in router.registry]
    assert len(lists) > 20
    checked = 0
    for prefix in lists:
        for value in ("%", "%d", "108%25H2", "%(x)s"):
            response = api.get(f"/api/{prefix}/", {"period": value})
            assert response.status_code < 500, (prefix, value)
            checked += response.status_code == 400
    assert checked > 20  # the lists that have a period filter refused it


@pytest.mark.parametrize(
    "text", ["NaN", "nan", "Infinity", "-inf", "1e400", "1E5", "9" * 32, "²", "1²", "0x10", "1_000"]
)
def test_number_cells_refuse_special_values(text):
    with pytest.raises(RowInvalid) as exc:
        cell_decimal({"v": text}, "v")
    assert exc.value.column == "v"
    with pytest.raises(RowInvalid):
        cell_int({"v": text}, "v")


def test_number_cells_accept_what_people_type():
    assert cell_decimal({"v": "1,234.50"}, "v") == Decimal("1234.5")
    assert cell_decimal({"v": "１２３"}, "v") == 123  # full-width digits
    assert cell_int({"v": "-12"}, "v") == -12
    assert cell_int({"v": ""}, "v", blank_ok=True) is None


def test_number_cells_keep_to_the_model_field():
    field = MeterReading._meta.get_field("reading")
    too_many = "9" * (field.max_digits - field.decimal_places + 1)
    with pytest.raises(RowInvalid):
        cell_decimal({"reading": too_many}, "reading", field=field)
    with pytest.raises(RowInvalid):
        cell_decimal({"reading": "1." + "1" * (field.decimal_places + 1)}, "reading", field=field)
    assert cell_decimal({"reading": "12.5"}, "reading", field=field) == Decimal("12.5")


def test_two_concurrent_writers_on_sqlite_wait_instead_of_failing(tmp_path, django_db_blocker):
    default = connections.settings["default"]
    if not default["ENGINE"].endswith("sqlite3"):
        pytest.skip("SQLite's file locking")
    connections.settings["locktest"] = {**default, "NAME": str(tmp_path / "lock.sqlite3")}
    errors = []

    def writer(n):
        try:
            for _i in range(20):
                with transaction.atomic(using="locktest"):
                    with connections["locktest"].cursor() as cursor:
                        # read, then write: the pattern that deadlocks deferred transactions
                        cursor.execute("SELECT count(*) FROM t")
                        time.sleep(0.01)
                        cursor.execute("INSERT INTO t (n) VALUES (%s)", [n])
        except Exception as exc:  # the test reports whatever a writer met
            errors.append(exc)
        finally:
            connections["locktest"].close()

    try:
        with django_db_blocker.unblock():
            with connections["locktest"].cursor() as cursor:
                cursor.execute("CREATE TABLE t (n integer)")
            connections["locktest"].close()
            threads = [threading.Thread(target=writer, args=(n,)) for n in (1, 2)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(60)
            assert not errors, errors
            with connections["locktest"].cursor() as cursor:
                cursor.execute("SELECT count(*) FROM t")
                assert cursor.fetchone()[0] == 40
            connections["locktest"].close()
    finally:
        del connections.settings["locktest"]
