"""Template tags shared by every page."""

import datetime

from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

from .. import formats, renderers
from ..history import changes_for, field_changes
from ..navigation import address

register = template.Library()


@register.simple_tag
def site_url(name):
    """`{% url name %}` of a link without arguments that every page writes (`navigation.address`:
    reversed once per process, URL conf and prefix)."""
    return address(name)


@register.filter
def field_html(field):
    """A form field with its label, help and errors (see `renderers.field_html`)."""
    return mark_safe(renderers.field_html(field))


@register.filter
def fields_html(form):
    """Every field of a form, as `field_html` writes them."""
    return mark_safe(renderers.fields_html(form))


@register.simple_tag
def object_changes(obj, limit=200):
    """The change log of `obj` (newest first), for history pages: each change with `rows`,
    its (label, before, after) as a person reads them."""
    changes = list(changes_for(obj)[:limit])
    for change in changes:
        change.rows = field_changes(type(obj), change)
    return changes


def _local_date(value):
    """The calendar day of a date, or of a datetime in local time."""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


@register.filter
def roc_date(value):
    """A date (or the day of a datetime) in the long form: `115 年 12 月 8 日`."""
    return formats.format_date(_local_date(value)) if value else ""


@register.filter
def roc_datetime(value):
    """A moment in the long form with its time: `115 年 12 月 8 日 08:38`; a date without one."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        return formats.format_datetime(value)
    return formats.format_date(value)


@register.filter
def roc_short(value):
    """The compact form for dense tables: `115/12/08` (with `08:38` for a datetime)."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        return formats.format_datetime(value, short=True)
    return formats.format_date_short(value)


@register.filter
def roc_month(value):
    """The month of a date: `115 年 12 月`."""
    if not value:
        return ""
    day = _local_date(value)
    return formats.format_month(day.year, day.month)


@register.simple_tag
def import_limits():
    """The sentence every import page shows: the file size and row limits in force."""
    from django.utils.translation import gettext

    from ..tabular import limits

    lim = limits()
    return gettext(
        "Limits: a file of at most %(mb)s MB, %(rows)s rows under the header and %(cols)s columns."
    ) % {"mb": lim.megabytes, "rows": f"{lim.rows:,}", "cols": lim.columns}
