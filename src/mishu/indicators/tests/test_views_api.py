from decimal import Decimal

import pytest
from django.urls import reverse

from mishu.core.models import ObjectChange
from mishu.indicators import registry
from mishu.indicators.models import Observation

from .factories import indicator, observe

pytestmark = pytest.mark.django_db


@pytest.fixture
def doc():
    ind = indicator("doc.received", division_code="documents", dimensions=("agency",))
    observe(ind, "108H2", 5, agency="都發局")
    return ind


def test_indicator_list_shows_every_indicator(doc, make_user, client_for):
    client = client_for(make_user("documents"))
    r = client.get(reverse("indicators:indicator_list"), {"period": "108H2"})
    assert r.status_code == 200
    text = r.content.decode()
    assert "chronicle.events" in text and "doc.received" in text
    row = next(x for x in r.context["rows"] if x["d"].code == "doc.received")
    assert row["value"] == "5 件"
    assert row["dimensions"] == ["機關"]  # the dimension by its name, not its code
    assert ">機關</td>" in text
    assert client.get(reverse("indicators:indicator_list"), {"period": "bad"}).status_code == 200


def test_media_clerk_cannot_see_documents_observations(doc, make_user, client_for, api_for):
    media = make_user("media", ["clerk"])
    client = client_for(media)
    r = client.get(reverse("indicators:observation_list"))
    assert r.context["page"].paginator.count == 0
    obs = Observation.objects.get()
    assert client.get(reverse("indicators:observation_detail", args=[obs.pk])).status_code == 404
    r = client.get(reverse("indicators:indicator_list"), {"period": "108H2"})
    assert next(x for x in r.context["rows"] if x["d"].code == "doc.received")["value"] == "—"
    entry = reverse("indicators:observation_entry", args=["doc.received", "108H2"])
    assert (
        client.post(
            entry, {"rows": "1", "fixed-1": "1", "cell-1": "agency=都發局", "value-1": "9"}
        ).status_code
        == 403
    )
    api = api_for(media)
    assert api.get("/api/indicators/observations/").json()["count"] == 0
    assert api.get(f"/api/indicators/observations/{obs.pk}/").status_code == 404
    r = api.post(
        "/api/indicators/observations/",
        {"indicator": "doc.received", "period": "108H2", "cell": {"agency": "X"}, "value": "1"},
        format="json",
    )
    assert r.status_code == 403
    r = api.get("/api/indicators/definitions/doc.received/value/", {"period": "108H2"})
    assert r.status_code == 200 and r.json()["value"] is None
    assert r.json()["share_of"] == "media"  # a share, and it says whose
    documents = api_for(make_user("documents", ["clerk"]))
    assert documents.get("/api/indicators/observations/").json()["count"] == 1


def test_entry_page_writes_and_audits(doc, make_user, client_for):
    user = make_user("documents", ["clerk"])
    client = client_for(user)
    url = reverse("indicators:observation_entry", args=["doc.received", "108H2"])
    r = client.get(url)
    assert r.status_code == 200
    rows = r.context["rows"]
    assert [x["cell"] for x in rows[:2]] == ["", "agency=都發局"]
    post = {
        "rows": "4",
        "fixed-1": "1",
        "cell-1": "",
        "value-1": "",
        "fixed-2": "1",
        "cell-2": "agency=都發局",
        "value-2": "6",
        "note-2": "更正",
        "cell-3": "agency=工務局",
        "value-3": "1,000",
        "cell-4": "",
        "value-4": "",
    }
    r = client.post(url, post)
    assert r.status_code == 302, r.context and r.context.get("errors")
    assert registry.value("doc.received", "108H2") == 1006
    changes = ObjectChange.objects.filter(content_type__model="observation", source="web")
    assert {c.action for c in changes} == {"create", "update"}
    assert all(c.user_id == user.pk for c in changes)
    # A bad row saves nothing and says why.
    post.update({"value-2": "7", "value-3": "abc"})
    r = client.post(url, post)
    assert r.status_code == 200 and len(r.context["errors"]) == 1
    assert registry.value("doc.received", "108H2", agency="都發局") == 6
    # Emptying a known cell deletes its value.
    post.update({"value-2": "", "value-3": "1000"})
    assert client.post(url, post).status_code == 302
    assert registry.value("doc.received", "108H2") == 1000
    assert (
        client.get(reverse("indicators:observation_entry", args=["doc.received", "zz"])).status_code
        == 404
    )


def test_api_crud_and_audit(doc, make_user, api_for):
    api = api_for(make_user("documents", ["clerk"]))
    r = api.post(
        "/api/indicators/observations/",
        {
            "indicator": "doc.received",
            "period": "108 年下半年",
            "cell": {"agency": "工務局"},
            "value": "2.5",
        },
        format="json",
    )
    assert r.status_code == 201, r.json()
    assert r.json()["period"] == "108H2" and r.json()["division"] == "documents"
    pk = r.json()["id"]
    assert (
        api.patch(f"/api/indicators/observations/{pk}/", {"value": "3"}, format="json").status_code
        == 200
    )
    assert registry.value("doc.received", "108H2", agency="工務局") == Decimal(3)
    for payload in (
        {"indicator": "doc.received", "period": "zz", "value": "1"},
        {"indicator": "doc.received", "period": "108H2", "cell": {"x": "1"}, "value": "1"},
        {
            "indicator": "doc.received",
            "period": "108H2",
            "cell": {"agency": "工務局"},
            "value": "1",
        },
        {"indicator": "doc.received", "period": "108H2", "value": "-1"},
    ):
        assert api.post("/api/indicators/observations/", payload, format="json").status_code == 400
    changes = ObjectChange.objects.filter(content_type__model="observation", source="api")
    assert {c.action for c in changes} == {"create", "update"}
    assert api.get(f"/api/indicators/observations/{pk}/history/").status_code == 200
    defs = api.get("/api/indicators/definitions/").json()
    assert {"chronicle.events", "doc.received"} <= {d["code"] for d in defs}
    r = api.get("/api/indicators/definitions/doc.received/value/", {"period": "108H2"})
    assert r.json()["value"] == "8.0000" and r.json()["share_of"] == "documents"
    assert api.get("/api/indicators/definitions/x/").status_code == 404
    assert (
        api.get("/api/indicators/definitions/doc.received/value/", {"period": "q"}).status_code
        == 400
    )


def test_generic_pages(doc, make_user, client_for):
    client = client_for(make_user("documents", ["admin"]))
    obs = Observation.objects.get()
    for name in ("observation_detail", "observation_history", "observation_edit"):
        assert client.get(reverse(f"indicators:{name}", args=[obs.pk])).status_code == 200
    r = client.post(
        reverse("indicators:observation_edit", args=[obs.pk]),
        {
            "indicator": doc.pk,
            "period": "108H2",
            "cell": "agency=都發局",
            "value": "1 萬",
            "note": "",
            "source": "",
        },
    )
    assert r.status_code == 302
    obs.refresh_from_db()
    assert obs.value == 10000
    assert client.get(reverse("indicators:observedindicator_list")).status_code == 200
    assert client.get(reverse("indicators:observedindicator_add")).status_code == 200
