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


@register.simple_tag
def import_limits():
    """The sentence every import page shows: the file size and row limits in force."""
    from django.utils.translation import gettext

    from ..tabular import limits

    lim = limits()
    return gettext(
        "Limits: a file of at most %(mb)s MB, %(rows)s rows under the header and %(cols)s columns."
    ) % {"mb": lim.megabytes, "rows": f"{lim.rows:,}", "cols": lim.columns}
