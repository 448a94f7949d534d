"""The header and the divisions' navigation every staff page writes (base.html): the addresses
reversed once per process (`navigation.address`) and the navigation written once per URL conf,
prefix, language and divisions (`context_processors.DivisionLinks`) give the HTML the template
gave, and change when any of those change."""

import pytest
from django.http import HttpResponse
from django.template import Context, RequestContext, Template
from django.test import RequestFactory, override_settings
from django.urls import path, resolve, set_script_prefix
from django.utils.translation import override

from mishu.core.context_processors import DivisionLinks, navigation
from mishu.core.models import Division
from mishu.core.navigation import address

pytestmark = pytest.mark.django_db

# base.html's navigation before `nav_links`
OLD_NAV = (
    "{% for d in nav_divisions %}<li><a href=\"{% url 'division' d.code %}\"{% if "
    'request.resolver_match.kwargs.code == d.code %} aria-current="page"{% endif %}>'
    "{{ d.display_name }}</a></li>{% endfor %}"
)


def _request(url, user=None):
    request = RequestFactory().get(url)
    request.resolver_match = resolve(url)
    request.user = user
    return request


def _old_and_new(request):
    ctx = {"nav_divisions": Division.objects.all(), "request": request}
    old = Template(OLD_NAV).render(Context(ctx))
    new = Template("{{ nav_links }}").render(Context({"nav_links": DivisionLinks(request)}))
    return old, new


@pytest.mark.parametrize("language", ["zh-hant", "en"])
@pytest.mark.parametrize("url", ["/", "/divisions/documents/", "/documents/"])
def test_the_navigation_is_what_the_template_loop_wrote(language, url):
    Division.objects.filter(code="media").update(name="媒體 <&> 組", name_en="")
    with override(language):
        old, new = _old_and_new(_request(url))
    assert new == old
    assert ("aria-current" in new) == (url == "/divisions/documents/")


def test_a_renamed_or_added_division_shows_on_the_next_page():
    request = _request("/")
    with override("en"):
        _old_and_new(request)  # the navigation as it was, now remembered
        Division.objects.filter(code="documents").update(name_en="Paper & Records")
        Division.objects.create(code="zz-new", name="新組", short_name="新", order=999)
        old, new = _old_and_new(request)
    assert new == old
    assert "Paper &amp; Records" in new and "新組" in new


def test_the_divisions_are_read_only_when_the_page_writes_them(
    make_user, django_assert_num_queries
):
    request = _request("/", make_user("documents", ["clerk"]))
    with django_assert_num_queries(0):
        ctx = navigation(request)
    with django_assert_num_queries(1):  # the user's division and the links: one read
        assert ctx["nav_links"].user_division
        str(ctx["nav_links"])


@pytest.mark.parametrize("language", ["zh-hant", "en"])
def test_the_header_names_each_user_s_own_division(make_user, client_for, language):
    """The user box shows `{{ user.division }}` as before, read from the navigation's rows
    (no query of its own), each user their own division; none for a user without one."""
    header = Template(
        "{{ user }}{% if user.division %} · {{ user.division }}{% endif %}"
    )  # base.html's user box before
    for division in ("documents", "media", None):
        user = make_user(division, ["clerk"])
        client = client_for(user)
        client.cookies["django_language"] = language
        html = client.get("/documents/").content.decode()
        with override(language):
            old = header.render(Context({"user": user}))
        assert f"<span>{old}</span>" in html
        assert (" · " in old) == (division is not None)


def test_an_anonymous_visitor_gets_no_navigation():
    from django.contrib.auth.models import AnonymousUser

    assert navigation(_request("/", AnonymousUser())) == {}


def _view(request, code=""):
    return HttpResponse()


urlpatterns = [
    path("elsewhere/", _view, name="home"),
    path("units/<slug:code>/", _view, name="division"),
]


def test_addresses_follow_the_url_conf_and_the_script_prefix():
    assert address("home") == "/"
    before = _old_and_new(_request("/"))[1]
    with override_settings(ROOT_URLCONF=__name__):
        assert address("home") == "/elsewhere/"
        assert "/units/documents/" in str(DivisionLinks(RequestFactory().get("/")))
    set_script_prefix("/mishu/")
    try:
        assert address("home") == "/mishu/"
        assert "/mishu/divisions/documents/" in _old_and_new(_request("/"))[1]
    finally:
        set_script_prefix("/")
    assert address("home") == "/" and _old_and_new(_request("/"))[1] == before


def test_the_page_header_links_are_the_reversed_addresses(client, make_user):
    client.force_login(make_user("documents", ["clerk"]))
    html = client.get("/documents/").content.decode()
    for name in ("home", "set_language", "logout", "api-docs"):
        assert f'"{address(name)}"' in html
    header = Template("{% load mishu %}{% site_url 'logout' %}").render(
        RequestContext(RequestFactory().get("/"))
    )
    assert header == address("logout") == "/logout/"
