"""A list's pages, counted up to a bound: a list of the city's register holds millions of rows
(a unit's ten years: 350 萬), and counting them exactly on every page view takes a fifth of a
second of the database's time, for a figure nobody pages through. Past MISHU_LIST_COUNT_LIMIT
rows (10,000 by default: 200 pages of 50) the list says "more than 10,000" and asks for a
narrower filter; below it, the count is exact, as before. The count reads at most the bound's
rows (`COUNT(*)` over a `LIMIT`), whatever the size of the table."""

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.functional import cached_property


class BoundedPaginator(Paginator):
    """A Paginator whose `count` stops at `limit`; `bounded` tells when there are more rows."""

    def __init__(self, object_list, per_page, limit: int | None = None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.limit = limit or settings.MISHU_LIST_COUNT_LIMIT

    @cached_property
    def _counted(self) -> int:
        """The rows, counted up to one past the bound."""
        rows = self.object_list
        if hasattr(rows, "query"):  # a queryset: COUNT(*) of a LIMIT subquery
            return rows.order_by()[: self.limit + 1].count()  # any order counts the same
        return len(rows)

    @cached_property
    def count(self) -> int:
        return min(self._counted, self.limit)

    @cached_property
    def bounded(self) -> bool:
        """Whether the list has more rows than it counted (and pages it shows)."""
        return self._counted > self.limit
