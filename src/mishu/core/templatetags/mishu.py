"""Template tags shared by every page."""

from django import template

from .. import formats
from ..history import changes_for

register = template.Library()


@register.simple_tag
def object_changes(obj, limit=200):
    """The change log of `obj` (newest first), for history pages."""
    return list(changes_for(obj)[:limit])


@register.filter
def roc_date(value):
    """A date as `108 年 7 月 1 日`."""
    return formats.format_date(value) if value else ""
