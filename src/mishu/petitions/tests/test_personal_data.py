"""Every route that can show a petitioner's details unmasked logs who, when and why.

The routes are not listed by hand: every URL of the URL conf (staff pages, exports, the API, the
Django admin) is asked for, as an administrator and as a clerk holding the permission, with and
without a purpose; any answer that holds the petitioner's name, contact or address must have
written an access record with that user and the purpose asked for."""

import io
import re
import zipfile

import pytest
from django.contrib.auth.models import Permission
from django.urls import URLPattern, URLResolver, get_resolver

from mishu.petitions.models import PersonalDataAccess

from .factories import file_case

pytestmark = pytest.mark.django_db

NAME, PHONE, ADDRESS = "王小明", "0912-345-678", "臺北市信義區市府路1號"
PURPOSE = "回電說明答復內容"
VARIANTS = ("", f"?purpose={PURPOSE}", "?export=csv", "?export=xlsx", "?export=ods")
# the log-out (POST only) and the API's own description, which holds no record
SKIPPED = ("logout", "api/schema", "api/docs")
ARGUMENT = re.compile(r"<(?:(int|path|str|slug):)?(\w+)>")


def _routes(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _routes(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern)


def _paths(pk):
    """(path, has an argument) of every route, its arguments filled with the case's id."""
    paths = set()
    for route in _routes(get_resolver().url_patterns):
        if "^" in route or "(?P" in route or route.startswith(SKIPPED):
            continue
        paths.add(("/" + ARGUMENT.sub(str(pk), route), bool(ARGUMENT.search(route))))
    return sorted(paths)


def _text(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else bytes(response.content)
    if body[:2] == b"PK":  # XLSX / ODS: the text is in the archive's XML
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            return "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    return body.decode("utf-8", "replace")


def _shows_petitioner(text: str) -> bool:
    return NAME in text or PHONE in text or ADDRESS in text


@pytest.fixture
def readers(make_user):
    perm = Permission.objects.get(codename="view_petitioner")
    clerk = make_user("confidential", ["clerk"])
    clerk.user_permissions.add(perm)
    admin = make_user(None, ["admin"], is_staff=True, is_superuser=True)
    return [admin, clerk]


def _reveals(client, user, case, path, variant) -> bool:
    """Whether the page shows the petitioner; if so, it must have logged `user` and the purpose."""
    before = PersonalDataAccess.objects.count()
    response = client.get(path + variant)
    if response.status_code != 200 or not _shows_petitioner(_text(response)):
        return False
    assert PersonalDataAccess.objects.count() == before + 1, (
        f"{path + variant} shows the petitioner and logs nothing"
    )
    new = PersonalDataAccess.objects.order_by("-pk").first()
    assert new.user == user and new.case == case, path + variant
    assert new.purpose == PURPOSE, f"{path + variant} did not ask the purpose"
    return True


def test_every_route_that_shows_a_petitioner_logs_who_and_why(readers, client):
    case = file_case(petitioner_name=NAME, petitioner_contact=PHONE, petitioner_address=ADDRESS)
    paths = _paths(case.pk)
    assert len(paths) > 100
    admin, _clerk = readers  # a superuser reaches every route and holds every permission
    client.force_login(admin)
    revealing = set()
    for path, has_argument in paths:
        if client.get(path).status_code != 200:
            continue  # a route it cannot open cannot show anything
        if has_argument:  # one record's pages: plain, and with a purpose given
            variants = VARIANTS[:2]
        elif path.startswith(("/admin/", "/api/")):
            variants = VARIANTS[:1]
        else:  # lists: plain, and each export format
            variants = VARIANTS[:1] + VARIANTS[2:]
        for variant in variants:
            if _reveals(client, admin, case, path, variant):
                revealing.add(path)
    # the test found the routes it is about: the details page and the edit page
    assert f"/petitions/cases/{case.pk}/petitioner/" in revealing
    assert f"/petitions/cases/{case.pk}/edit/" in revealing


def test_a_clerk_with_the_permission_is_logged_on_each_revealing_page(readers, client):
    case = file_case(petitioner_name=NAME, petitioner_contact=PHONE, petitioner_address=ADDRESS)
    _admin, clerk = readers
    client.force_login(clerk)
    for path in (f"/petitions/cases/{case.pk}/petitioner/", f"/petitions/cases/{case.pk}/edit/"):
        assert not _reveals(client, clerk, case, path, "")
        assert _reveals(client, clerk, case, path, VARIANTS[1])


def test_the_edit_page_hides_the_details_until_a_purpose_is_given(readers, client):
    case = file_case(petitioner_name=NAME, petitioner_contact=PHONE, petitioner_address=ADDRESS)
    _admin, clerk = readers
    client.force_login(clerk)
    url = f"/petitions/cases/{case.pk}/edit/"
    page = client.get(url).content.decode()
    assert NAME not in page and "purpose" in page
    assert not PersonalDataAccess.objects.exists()
    # a save without a purpose leaves the details as they were
    data = {
        "division": case.division_id,
        "channel": case.channel,
        "subject": "路燈不亮（更正）",
        "body": "",
        "category": case.category,
    }
    assert client.post(url, {**data, "petitioner_contact": "0900-000-000"}).status_code == 302
    case.refresh_from_db()
    assert case.petitioner_contact == PHONE and case.subject == "路燈不亮（更正）"
    # with a purpose, the correction is made and logged
    response = client.post(
        f"{url}?purpose={PURPOSE}",
        {
            **data,
            "petitioner_name": NAME,
            "petitioner_contact": "0900-000-000",
            "petitioner_address": ADDRESS,
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.petitioner_contact == "0900-000-000"
    assert PersonalDataAccess.objects.get().purpose == PURPOSE
