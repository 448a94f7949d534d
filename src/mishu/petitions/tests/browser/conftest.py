import os

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

from mishu.core.tests.browser.helpers import browser, live_organisation, page  # noqa: F401
