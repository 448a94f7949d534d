"""List sources: named functions that turn records into report sentences.

An app registers a source (``register("chronicle.events", fn)``) in a module the reports app
autodiscovers (``sentences.py``); a template lists it with ``{{ list chronicle.events
category=trip }}``. A source is ``fn(period, user, **filters) -> list[str]``.
"""

from collections.abc import Callable

from django.utils.module_loading import autodiscover_modules

Source = Callable[..., list[str]]

_SOURCES: dict[str, Source] = {}


class UnknownSource(KeyError):
    """No list source of that name is registered."""


def register(name: str, fn: Source | None = None):
    """Register ``fn`` as the list source ``name``; usable as a decorator."""

    def decorate(func: Source) -> Source:
        _SOURCES[name] = func
        return func

    return decorate(fn) if fn is not None else decorate


def get(name: str) -> Source:
    """The source registered as ``name``; raises UnknownSource listing the known ones."""
    try:
        return _SOURCES[name]
    except KeyError:
        raise UnknownSource(name) from None


def names() -> list[str]:
    """The names of every registered source, sorted."""
    return sorted(_SOURCES)


def autodiscover() -> None:
    """Import every installed app's ``sentences`` module so its sources register."""
    autodiscover_modules("sentences")
