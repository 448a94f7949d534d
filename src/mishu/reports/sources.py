"""List sources: named functions that turn records into report sentences.

An app registers a source (``register("chronicle.events", fn)``) in a module the reports app
autodiscovers (``sentences.py``); a template lists it with ``{{ list chronicle.events
category=trip }}``. A source is ``fn(period, user, **filters) -> list[str]``.
"""

import string
from collections.abc import Callable, Iterable, Mapping

from django.utils.module_loading import autodiscover_modules

from mishu.core import formats

Source = Callable[..., list[str]]

_SOURCES: dict[str, Source] = {}
# names a template may still use for a source that moved (the facilities app split in two)
RENAMED = {
    "facilities.projects": "building.projects",
    "facilities.ems": "building.ems",
    "facilities.stall_calls": "building.stall_calls",
}


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
        return _SOURCES[RENAMED.get(name, name)]
    except KeyError:
        raise UnknownSource(name) from None


def names() -> list[str]:
    """The names of every registered source, sorted."""
    return sorted(_SOURCES)


def autodiscover() -> None:
    """Import every installed app's ``sentences`` module so its sources register."""
    autodiscover_modules("sentences")


# Helpers for the sources' sentences, shared by the apps that write them.

_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|"})


def markdown_safe(text: str) -> str:
    """A sentence with Markdown's special characters escaped (a title may hold them)."""
    return text.translate(_MARKDOWN_SPECIAL)


def pattern_fields(pattern: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None]


def check_pattern(pattern: str, fields: Iterable[str]) -> None:
    """Raise ValueError unless every field the pattern names is one of `fields`."""
    fields = tuple(fields)
    try:
        used = pattern_fields(pattern)
    except ValueError as exc:
        raise ValueError(f"句型「{pattern}」無法解析：{exc}") from None
    unknown = [name for name in used if name not in fields]
    if unknown or "" in used:
        raise ValueError(f"句型欄位不明：{'、'.join(unknown) or '{}'}（可用：{'、'.join(fields)}）")


def first_fitting(values: Mapping, patterns: Iterable[str]) -> str | None:
    """The first pattern whose fields all have a value, filled in; None when none fits."""
    for pattern in patterns:
        if all(values.get(name) not in (None, "") for name in pattern_fields(pattern) if name):
            return pattern.format(**values)
    return None


def compact_date(day) -> str:
    """``108年7月23日``: the date without spaces, as the report's run-on sentences write it."""
    return formats.format_date(day).replace(" ", "")


def compact_range(start, end) -> str:
    """``108年5月1日至10月31日``: a range without spaces."""
    return formats.format_range(start, end).replace(" ", "")


def months_spanned(start, end) -> int:
    """Whole months a range spans, as in 「展期自 5 月 1 日至 10 月 31 日止，共 6 個月」."""
    return (end.year - start.year) * 12 + end.month - start.month + 1
