"""Navigation: the modules each app offers, and which division runs them."""

from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Module:
    """A page of the staff UI: label, URL name, and the divisions whose home page lists it
    (empty: every division)."""

    label: str
    url_name: str
    divisions: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()  # only these roles may open it (empty: anyone signed in)

    @property
    def url(self) -> str:
        return reverse(self.url_name)


MODULES: list[Module] = [
    Module(_("Chronicle of events"), "chronicle:event_list"),
    Module(_("Chronicle of the year"), "chronicle:year"),
]


def register(module: Module) -> None:
    """Add a module to the navigation (each app calls this from its AppConfig.ready)."""
    if module not in MODULES:
        MODULES.append(module)


def modules_for(division) -> list[Module]:
    """The modules a division's home page lists."""
    return [m for m in MODULES if not m.divisions or division.code in m.divisions]


def may_open(user, module: Module) -> bool:
    """Whether `user` may open `module` and see records in it: a module of another division
    (which would show nothing) or of a role the user lacks (which would answer 403) is not
    offered. Those who read every division (研考, administrators) may open them all."""
    from . import permissions as rights

    if module.roles and not user.has_role(*module.roles):
        return False
    if not module.divisions or rights.division_scope(user, rights.VIEW) is rights.ALL:
        return True
    division = getattr(user, "division", None)
    return division is not None and division.code in module.divisions


def modules_of(user) -> tuple[list[Module], list[Module]]:
    """The modules `user` may open: those of their own division first, then the rest."""
    division = getattr(user, "division", None)
    own, rest = [], []
    for module in MODULES:
        if not may_open(user, module):
            continue
        mine = division is not None and division.code in module.divisions
        (own if mine else rest).append(module)
    return own, rest


def where() -> tuple[str, str, str]:
    """What a reversed address depends on: this request's URL conf, its script prefix and
    the language (were the addresses ever prefixed by it)."""
    return get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(), get_language() or ""


@lru_cache(maxsize=128)
def _reverse(urlconf, prefix, language, name) -> str:
    return reverse(name, urlconf=urlconf)


def address(name: str) -> str:
    """`reverse(name)` of a URL without arguments (the header's links), reversed once per
    process for each URL conf, script prefix and language."""
    return _reverse(*where(), name)
