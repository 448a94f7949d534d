"""Every import page, found in the URL configuration (a new app's import page is covered as soon
as its route is named `<model>_import`), refuses every file of the hostile corpus: a message in
Chinese, zero rows written, no 500, and the process still standing."""

import csv
import io
import re
import resource

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import translation

from mishu.core.testing import UserFactory

from . import hostile

pytestmark = pytest.mark.django_db

# What a page needs besides the file, and where its template is when not at `?template=csv`.
EXTRA = {
    "indicators:observation_import": (
        {"period": "108H2"},
        "/indicators/import/template/?period=108H2&format=csv",
    )
}
NOT_RECORDS = {"core.objectchange", "documents.importjob", "core.accesslog"}
CJK = re.compile(r"[\u3400-\u9fff]")
ROWS_CAP, COLS_CAP = 40, 40


def import_pages() -> list[tuple[str, str]]:
    """(route, name) of every page whose URL name ends in `_import` and takes no argument."""

    def walk(patterns, prefix="", ns=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, prefix + str(p.pattern), p.namespace or ns)
            elif isinstance(p, URLPattern) and (p.name or "").endswith("_import"):
                if "<" not in str(p.pattern):
                    yield "/" + prefix + str(p.pattern), f"{ns}:{p.name}"

    return sorted(set(walk(get_resolver().url_patterns)))


PAGES = import_pages()


def test_the_import_pages_are_found():
    names = {name for _route, name in PAGES}
    assert len(PAGES) >= 12
    assert {"documents:document_import", "chronicle:event_import"} <= names


def record_counts() -> dict:
    return {
        m._meta.label_lower: m.objects.count()
        for m in apps.get_models()
        if m.__module__.startswith("mishu.")
        and m._meta.label_lower not in NOT_RECORDS
        and not m._meta.proxy
    }


def messages(page: str) -> list[str]:
    """The refusals a page shows: form errors and the reason of every rejected row."""
    found = [
        re.sub(r"<[^>]+>", " ", m)
        for m in re.findall(r'<div class="errors"[^>]*>(.*?)</div>', page, re.S)
    ]
    found += re.findall(r"<tr><td>[^<]*</td><td>[^<]*</td><td>(.*?)</td></tr>", page, re.S)
    return [m.strip() for m in found if m.strip()]


def template(client, route, name) -> tuple[list[str], list[str]]:
    url = EXTRA.get(name, ({}, f"{route}?template=csv"))[1]
    response = client.get(url)
    assert response.status_code == 200, url
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    return rows[0], (rows[1] if len(rows) > 1 else [""] * len(rows[0]))


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(division="documents", roles=["admin"], is_superuser=True))
    return client


@pytest.mark.parametrize("route,name", PAGES, ids=[n for _r, n in PAGES])
def test_every_hostile_file_is_refused(admin_client, settings, route, name):
    settings.MISHU_IMPORT_MAX_ROWS = ROWS_CAP
    settings.MISHU_IMPORT_MAX_COLUMNS = COLS_CAP
    header, example = template(admin_client, route, name)
    cases = hostile.corpus(header, example, rows_cap=ROWS_CAP, cols_cap=COLS_CAP)
    assert len(cases) >= 30
    before_counts = record_counts()
    before_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    failures = []
    for case, (file_name, data) in cases.items():
        upload = io.BytesIO(data)
        upload.name = file_name
        with translation.override("zh-hant"):
            response = admin_client.post(
                route, {**EXTRA.get(name, ({}, ""))[0], "file": upload}, follow=True
            )
        page = response.content.decode()
        shown = messages(page)
        if response.status_code >= 500 or not shown:
            failures.append(f"{case}: {response.status_code}, no message")
        elif not all(CJK.search(m) for m in shown):
            failures.append(f"{case}: not in Chinese: {shown[:3]}")
        if record_counts() != before_counts:
            failures.append(f"{case}: rows were written")
            before_counts = record_counts()
    assert not failures, "\n".join(failures)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before_rss) / 1024
    assert grown_mb < 300, f"the process grew by {grown_mb:.0f} MB"
    assert admin_client.get(route).status_code == 200  # and it still serves
