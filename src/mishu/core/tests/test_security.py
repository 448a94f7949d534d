"""Security defaults: deploy checks clean in production, throttled logins, CSRF everywhere."""

import os
import subprocess
import sys

import pytest
from django.test import Client

from mishu.core.testing import PASSWORD


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    env = {
        **os.environ,
        "MISHU_ENV": "production",
        "MISHU_SECRET_KEY": "k" * 30 + "-x9!Q" * 10,
        "MISHU_ALLOWED_HOSTS": "mishu.example.gov.tw",
        "MISHU_VAR_DIR": str(tmp_path),
        "REDIS_URL": "redis://127.0.0.1:6379/1",  # the shared cache the rate limits need
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "-m", "mishu", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {**os.environ, "MISHU_ENV": "production", "MISHU_VAR_DIR": str(tmp_path)}
    env.pop("MISHU_SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "-m", "mishu", "check"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "MISHU_SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_login_attempts_are_throttled(make_user, client, settings):
    user = make_user("documents", ["clerk"])
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post("/login/", {"username": user.username, "password": "wrong"})
        assert response.status_code == 200  # the form again, with an error
    assert (
        client.post("/login/", {"username": user.username, "password": "wrong"}).status_code == 429
    )
    # now even the right password is refused for a while
    response = client.post("/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_login_works_and_csrf_is_enforced(make_user):
    user = make_user("documents", ["clerk"])
    strict = Client(enforce_csrf_checks=True)
    assert (
        strict.post("/login/", {"username": user.username, "password": PASSWORD}).status_code == 403
    )
    page = strict.get("/login/")
    token = page.cookies["csrftoken"].value
    response = strict.post(
        "/login/", {"username": user.username, "password": PASSWORD, "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    strict.force_login(user)
    assert strict.post("/chronicle/events/add/", {"title": "x"}).status_code == 403


@pytest.mark.django_db
def test_api_schema_and_docs(make_user, client_for):
    client = client_for(make_user("documents", ["clerk"]))
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    body = schema.json()
    assert body["openapi"].startswith("3.")
    assert "/api/chronicle/events/" in body["paths"]
    docs = client.get("/api/docs/").content.decode()
    assert "swagger-ui" in docs and "cdn" not in docs.lower()


@pytest.mark.django_db
def test_token_endpoint(make_user):
    from rest_framework.test import APIClient

    user = make_user("documents", ["clerk"])
    api = APIClient()
    response = api.post("/api/token/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 200
    api.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    assert api.get("/api/chronicle/events/").status_code == 200


def test_beat_schedule_names_real_tasks():
    from django.conf import settings

    from mishu.celery import app

    app.loader.import_default_modules()
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert entry["task"] in app.tasks, entry["task"]
