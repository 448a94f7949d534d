"""Navigation: the modules each app offers, and which division runs them."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Module:
    """A page of the staff UI: label, URL name, and the divisions whose home page lists it
    (empty: every division)."""

    label: str
    url_name: str
    divisions: tuple[str, ...] = ()

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
