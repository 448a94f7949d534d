import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command

from mishu.chronicle.models import Event
from mishu.core.models import ObjectChange
from mishu.core.testing import division
from mishu.indicators import registry, services

from .factories import indicator, observe

pytestmark = pytest.mark.django_db


@pytest.fixture
def data():
    ind = indicator("pet.cases", dimensions=("agency",))
    observe(ind, "108H2", 5, agency="A")
    observe(ind, "107H2", 4, agency="A")
    Event.objects.create(
        division=division("international"),
        category="trip",
        start_date=datetime.date(2019, 8, 1),
        title="t",
        persons=3,
    )
    return ind


def test_snapshot_close_reopen_differences(data, make_user):
    snap = services.snapshot("108H2")
    assert snap["pet.cases"]["value"] == "5.0000"
    assert snap["pet.cases"]["cells"] == [[{"agency": "A"}, "5.0000"]]
    assert snap["pet.cases"]["previous"]["value"] == "4.0000"
    assert snap["chronicle.persons"]["value"] == "3"

    clerk, evaluator = make_user("documents", ["clerk"]), make_user("documents", ["evaluator"])
    with pytest.raises(PermissionDenied):
        services.close_period("108H2", clerk)
    services.close_period("108H2", evaluator)
    assert services.is_closed("108H2")
    with pytest.raises(ValidationError):
        services.close_period("108H2", evaluator)

    obs = data.observations.get(period="108H2")
    obs.value = 7
    obs.save()
    assert registry.value("pet.cases", "108H2") == 7  # the registry stays fresh
    assert services.snapshot_value("108H2", "pet.cases") == 5
    assert services.snapshot_value("108H2", "pet.cases", agency="A") == 5
    assert services.snapshot_value("108H1", "pet.cases") is None
    diffs = services.differences("108H2")
    assert {(d.code, tuple(d.cell.items()), d.closed, d.current) for d in diffs} == {
        ("pet.cases", (), Decimal(5), Decimal(7)),
        ("pet.cases", (("agency", "A"),), Decimal(5), Decimal(7)),
    }

    with pytest.raises(PermissionDenied):
        services.reopen_period("108H2", clerk, "typo")
    with pytest.raises(ValidationError):
        services.reopen_period("108H2", evaluator, "  ")
    snapshot = services.reopen_period("108H2", evaluator, "更正陳情件數")
    assert not services.is_closed("108H2") and snapshot.reopen_reason == "更正陳情件數"
    change = ObjectChange.objects.filter(
        content_type__model="periodsnapshot", action="update"
    ).first()
    assert change.changes["reopened"] == [False, True]
    assert change.changes["reopen_reason"] == ["", "更正陳情件數"]
    services.close_period("108H2", evaluator)  # closing again takes a fresh snapshot
    assert services.differences("108H2") == []


def test_command_prints_every_indicator(data):
    out = StringIO()
    call_command("indicators", "108H2", stdout=out)
    text = out.getvalue()
    assert "108 年下半年" in text
    line = next(x for x in text.splitlines() if x.startswith("pet.cases"))
    assert line.split("\t")[1:] == ["indicators", line.split("\t")[2], "件", "5"]
    assert any(x.startswith("chronicle.events\tchronicle\t") for x in text.splitlines())


def test_command_rejects_malformed_period():
    with pytest.raises(CommandError) as exc:
        call_command("indicators", "108X")
    assert "108H2" in str(exc.value) and "期別" in str(exc.value)


def test_sync_definitions():
    rows = [
        {
            "code": "a.b",
            "label": "甲",
            "label_en": "A",
            "unit": "件",
            "division": "文書組",
            "dimensions": "agency month",
            "kind": "count",
            "allow_negative": "",
        }
    ]
    (obj,) = services.sync_definitions(rows)
    assert obj.dimensions == ["agency", "month"] and obj.division.code == "documents"
    with pytest.raises(ValidationError):
        services.sync_definitions([{"code": "c", "label": "x", "division": "nowhere"}])
