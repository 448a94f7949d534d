"""Shared pytest fixtures."""

import pytest
from rest_framework.test import APIClient


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
