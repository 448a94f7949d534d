"""Shared pytest fixtures."""

import os

import pytest
from rest_framework.test import APIClient

# Playwright's sync API runs an event loop in the test thread; the live server's ORM calls are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# One set of browser fixtures (one Chromium per run) for every app's browser journeys.
pytest_plugins = ["mishu.core.tests.browser.helpers"]


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the site's language: a request made in English by an earlier test
    leaves its language active in the thread, and a test of Chinese text would read English."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def make_user(db):
    """`make_user("media", ["clerk"])` → a saved user of that division with those roles."""
    from mishu.core.testing import UserFactory

    def make(division="documents", roles=("clerk",), **kwargs):
        return UserFactory(division=division, roles=list(roles), **kwargs)

    return make


@pytest.fixture
def client_for(client):
    """A Django test client logged in as the given user."""

    def login(user):
        client.force_login(user)
        return client

    return login


@pytest.fixture
def api_for():
    """A DRF API client authenticated by token as the given user."""
    from rest_framework.authtoken.models import Token

    def make(user):
        api = APIClient()
        token, _ = Token.objects.get_or_create(user=user)
        api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return api

    return make
