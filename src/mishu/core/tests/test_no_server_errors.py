"""No request produces a server error: every page without URL arguments, asked with malformed
filters, and posted empty or garbage forms, answers with a page or a clear refusal."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

MALFORMED = [
    "",
    "?period=zzz",
    "?page=abc",
    "?division=abc",
    "?export=csv&period=1x",
    "?q=%00",
    "?month=13-99",
    "?year=abc",
    "?template=xls",
]
GARBAGE = {"file": "x", "kind": "zz", "period": "abc", "agency": "??", "starts": "nope", "on": "x"}


def _paths(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _paths(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern)


def _plain_paths():
    """Every route without arguments, except the admin and the logout (POST only)."""
    return sorted(
        {
            "/" + path
            for path in _paths(get_resolver().url_patterns)
            if "<" not in path and "^" not in path and "(?P" not in path
            if not path.startswith(("admin/", "logout/"))
        }
    )


@pytest.mark.parametrize("roles, division", [(["admin"], "documents"), (["clerk"], "media")])
def test_pages_answer_malformed_input_without_a_server_error(
    make_user, client_for, roles, division
):
    client = client_for(make_user(division, roles))
    paths = _plain_paths()
    assert len(paths) > 50
    for path in paths:
        for query in MALFORMED:
            response = client.get(path + query)
            assert response.status_code < 500, path + query
        for data in ({}, GARBAGE):
            response = client.post(path, data)
            assert response.status_code < 500, (path, data)
