"""What every signed-in request reads (core.sessions, core.backends.HeldUserBackend): the
session by one plain statement, and the user with their roles once for each version of the
data. A change to the account — deactivated, password changed, a role withdrawn — shows on the
next request; an expired or unknown session is nobody."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mishu.core.testing import commit_data_version

pytestmark = pytest.mark.django_db
PAGE = "/reports/"  # a page that asks for a role: evaluators may add a template


def _reads(client, url=PAGE):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, " ".join(q["sql"] for q in queries.captured_queries)


@pytest.fixture
def evaluator(make_user, client_for):
    user = make_user("general-affairs", ["evaluator"])
    client = client_for(user)
    commit_data_version()  # the log-in written
    return user, client


def test_a_second_request_reads_neither_the_user_nor_the_roles(evaluator):
    _user, client = evaluator
    first, _read = _reads(client)
    second, read = _reads(client)
    assert first.status_code == second.status_code == 200
    assert 'FROM "core_user" WHERE' not in read  # the user's row
    assert "core_role" not in read  # their roles
    assert "django_session" in read


def test_a_deactivated_user_is_signed_out_on_the_next_request(evaluator):
    user, client = evaluator
    _reads(client)
    user.is_active = False
    user.save()
    commit_data_version()
    response, _read = _reads(client)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_changed_password_signs_out_every_session(evaluator):
    user, client = evaluator
    _reads(client)
    user.set_password("a new long passphrase 2026")
    user.save()
    commit_data_version()
    response, _read = _reads(client)
    assert response.status_code == 302


def test_a_withdrawn_role_shows_on_the_next_request(evaluator):
    from mishu.core.models import Role

    user, client = evaluator
    assert "/reports/templates/add/" in _reads(client)[0].content.decode()
    user.roles.remove(Role.objects.get(code="evaluator"))
    commit_data_version()
    response, read = _reads(client)
    assert "core_role" in read  # read anew
    assert "/reports/templates/add/" not in response.content.decode()


def test_an_expired_or_unknown_session_is_nobody(evaluator):
    from django.conf import settings
    from django.contrib.sessions.models import Session

    _user, client = evaluator
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert _reads(client)[0].status_code == 302
    client.cookies[settings.SESSION_COOKIE_NAME] = "x" * 32  # no such session
    assert _reads(client)[0].status_code == 302
