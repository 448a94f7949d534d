"""Template context shared by every page: the divisions' navigation (and the user's own).

Every staff page writes the same list of divisions. Reversing each one's address and looping
over them in the template on every request is work that gives the same HTML each time: here
the navigation's HTML is written once for each (URL conf, script prefix, language, divisions as
read now). The divisions are read once for each version of the data (core.versions.held): a
renamed or added division shows at once in every process."""

from functools import lru_cache

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from . import versions
from .models import Division
from .navigation import where


@lru_cache(maxsize=64)
def _division_items(urlconf, prefix, language: str, rows: tuple) -> dict:
    """{id: (label, the <li> of the division, the same marked as the current page)}."""
    english = language.startswith("en")
    items = {}
    for pk, code, name, name_en in rows:
        url = reverse("division", args=[code], urlconf=urlconf)
        label = name_en if english and name_en else name
        items[pk] = (
            label,
            format_html('<li><a href="{}">{}</a></li>', url, label),
            format_html('<li><a href="{}" aria-current="page">{}</a></li>', url, label),
        )
    return items


def _division_rows() -> tuple:
    return tuple(Division.objects.values_list("pk", "code", "name", "name_en"))


class DivisionLinks:
    """The `<li>` of every division, as base.html's loop wrote them (the current division's
    page marked with aria-current), and `user_division`, the name of the user's own division
    for the header (`{{ user.division }}` was a query of its own on every page). The divisions
    are read once, when the page first writes one of them: a response that shows neither runs
    no query."""

    def __init__(self, request):
        self.request = request

    @cached_property
    def _read(self) -> tuple[tuple, dict]:
        rows = versions.held("divisions", _division_rows)
        return rows, _division_items(*where(), rows)

    @property
    def user_division(self) -> str:
        """The user's division as `str(user.division)` shows it, or "" for none."""
        division_id = getattr(self.request.user, "division_id", None)
        if division_id is None:
            return ""
        return self._read[1][division_id][0]

    def __html__(self) -> str:
        rows, items = self._read
        match = getattr(self.request, "resolver_match", None)
        current = (getattr(match, "kwargs", None) or {}).get("code")
        return mark_safe("".join(items[pk][1 + (code == current)] for pk, code, *_n in rows))

    __str__ = __html__


def navigation(request):
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    return {"nav_links": DivisionLinks(request)}
