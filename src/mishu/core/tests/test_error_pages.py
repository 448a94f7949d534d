"""The error pages a person may meet are Mishu's, in Chinese, not Django's English pages."""

import pytest
from django.template.loader import render_to_string
from django.test import Client

pytestmark = pytest.mark.django_db


def test_not_found_is_in_chinese(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "找不到這個頁面" in page and "回首頁" in page
    assert "Not Found" not in page


def test_forbidden_is_in_chinese(make_user, client_for):
    client = client_for(make_user("general-affairs", ["evaluator"]))
    response = client.get("/edocs/returns/add/")
    assert response.status_code == 403
    assert "無此權限" in response.content.decode()


def test_expired_form_is_explained_in_chinese():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "表單已逾時" in response.content.decode()


def test_server_error_page_needs_no_context():
    page = render_to_string("500.html")
    assert "系統暫時無法處理" in page and "Server Error" not in page


def test_an_unknown_api_path_answers_in_json(make_user, api_for):
    """An API client gets the API's shape for a path no endpoint serves, in Chinese."""
    for path in ("/api/no-such-thing/", "/api/documents/documents/1/nope/"):
        response = api_for(make_user("documents", ["clerk"])).get(path)
        assert response.status_code == 404, path
        assert response["Content-Type"].startswith("application/json")
        assert response.json() == {"detail": "找不到資源。"}
    assert "找不到這個頁面" in Client().get("/no-such-page/").content.decode()


def test_a_server_error_under_the_api_answers_in_json(rf):
    from mishu.core.views import errors

    response = errors.server_error(rf.get("/api/documents/documents/"))
    assert response.status_code == 500 and response["Content-Type"] == "application/json"
    assert "detail" in response.content.decode()
    assert errors.server_error(rf.get("/documents/")).status_code == 500
