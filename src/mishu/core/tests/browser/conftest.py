"""Browser tests: the fixtures and helpers live in `helpers`, so other apps' conftests can import
them (from here or from there)."""

import os

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

from .helpers import (  # noqa: F401
    assert_accessible,
    browser,
    force_login,
    live_organisation,
    login,
    logout,
    page,
    switch_language,
)
