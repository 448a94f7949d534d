"""The yearbook as the report writes it (壹四(三)2): each edition not yet published at the
period's end, with its due date — ``《臺北市年鑑 2019》依計畫期程辦理中，預計於 109 年 6 月底前發行。``
— and each edition published in the period. Registers the ``gazette.yearbooks`` list source."""

import calendar

from django.db.models import Q

from mishu.core import formats
from mishu.reports import sources

from .models import Yearbook


def _due(day) -> str:
    """``109 年 6 月底`` for the last day of a month, else the full ROC date."""
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        return f"{formats.format_roc_year(day.year)} 年 {day.month} 月底"
    return formats.format_date(day)


def sentence(book: Yearbook, period) -> str:
    title = sources.markdown_safe(book.title)
    if book.published_on and book.published_on <= period.end:
        return f"《{title}》已於 {formats.format_date(book.published_on)}發行。"
    return f"《{title}》依計畫期程辦理中，預計於 {_due(book.due_on)}前發行。"


@sources.register("gazette.yearbooks")
def yearbooks(period, user=None):
    """Editions published in the period, or due and not yet published at its end."""
    qs = Yearbook.objects.all() if user is None else Yearbook.objects.restrict(user, "view")
    qs = qs.filter(
        Q(published_on__range=(period.start, period.end))
        | (Q(published_on__isnull=True) | Q(published_on__gt=period.end))
        & Q(due_on__gt=period.start)
    ).order_by("year")
    return [sentence(book, period) for book in qs]
