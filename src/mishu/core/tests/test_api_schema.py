"""The API keeps the promises of its OpenAPI schema: schemathesis generates requests for every
operation of /api/schema/ (as an administrator, by token) and fails on any server error, any
response that contradicts the schema (body, status code, content type) and any invalid request
that is accepted.

Part of every `make test` run, bounded for CI: one generated request per operation and mode
(valid and invalid data), no shrinking, no coverage phase; about ten minutes over the ~600
operations on a busy two-core machine. A deeper run (README, "Tests and CI"):
`MISHU_SCHEMATHESIS_EXAMPLES=N` requests per operation, `MISHU_SCHEMATHESIS_COVERAGE=1` adds
schemathesis's coverage phase (boundary and invalid values of every parameter)."""

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

EXAMPLES = int(os.environ.get("MISHU_SCHEMATHESIS_EXAMPLES", "1"))


def _load_schema():
    from django.core.wsgi import get_wsgi_application

    return schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())


@pytest.fixture
def admin_token(make_user):
    # the requests go through the WSGI handler, whose end-of-request signal would close the
    # test's database connection (PostgreSQL); Django's test client disconnects it the same way
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield _token(make_user)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _token(make_user):
    from rest_framework.authtoken.models import Token

    admin = make_user(None, ["admin"], is_staff=True, is_superuser=True)
    return Token.objects.create(user=admin).key


schema = _load_schema()  # the schema is public: no database needed to read it
# the coverage phase sends dozens of boundary cases per operation: a deep run only
schema.config.phases.coverage.enabled = bool(os.environ.get("MISHU_SCHEMATHESIS_COVERAGE"))


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],
    report_multiple_bugs=False,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_honours_its_schema(case, admin_token):
    case.call_and_validate(
        headers={"Authorization": f"Token {admin_token}"},
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
            negative_data_rejection,
        ],
    )
