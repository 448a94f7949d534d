"""Every archives page answers malformed input and garbage forms without a server error (the
core crawl covers the whole site; this one runs quickly on the archives' own pages), and the
demo's pages show what the clerk relies on."""

import pytest

from mishu.core.tests.test_no_server_errors import GARBAGE, MALFORMED, _plain_paths


@pytest.mark.parametrize("roles, division", [(["admin"], "documents"), (["clerk"], "media")])
def test_archives_pages_never_answer_a_server_error(make_user, client_for, org, roles, division):
    client = client_for(make_user(division, roles))
    paths = [p for p in _plain_paths() if "archives/" in p]
    assert len(paths) >= 20
    for path in paths:
        for query in MALFORMED:
            assert client.get(path + query).status_code < 500, path + query
        for data in ({}, GARBAGE):
            assert client.post(path, data).status_code < 500, (path, data)


ENDPOINTS = [
    "classes",
    "case-files",
    "items",
    "destruction-lists",
    "catalogue-submissions",
    "appraisal-reports",
    "cleanup-cases",
    "inspections",
]


def test_api_endpoints_refuse_garbage_without_a_server_error(make_user, api_for, org):
    api = api_for(make_user("documents", ["admin"]))
    for name in ENDPOINTS:
        url = f"/api/archives/{name}/"
        assert api.get(url).status_code == 200, url
        for data in ({}, GARBAGE):
            assert api.post(url, data, format="json").status_code in (400, 405), (url, data)


def test_an_agency_list_posted_to_the_api_is_received(make_user, api_for, org):
    clerk = make_user("documents", ["clerk"])
    r = api_for(clerk).post(
        "/api/archives/destruction-lists/",
        {
            "division": org["documents"].pk,
            "agency": org["finance"].pk,
            "title": "財政局銷毀目錄",
            "received_on": "2019-08-01",
            "items": 10,
            "cases": 1,
            "volumes": 2,
            "state": "destroyed",
        },
        format="json",
    )
    assert r.status_code == 201, r.content
    assert r.json()["state"] == "received" and r.json()["source"] == "agency"
    pk = r.json()["id"]
    r = api_for(clerk).post(f"/api/archives/destruction-lists/{pk}/step/", {"step": "destroy"})
    assert r.status_code == 400
    r = api_for(clerk).post(
        f"/api/archives/destruction-lists/{pk}/step/", {"step": "first_review", "on": "2019-08-05"}
    )
    assert r.status_code == 200 and r.json()["first_reviewed_on"] == "2019-08-05"
