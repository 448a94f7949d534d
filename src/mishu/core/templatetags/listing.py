"""Template helpers of the lists: the page numbers of a page, with ellipses past a few."""

from django import template

register = template.Library()


@register.filter
def page_numbers(page):
    """The page numbers to link from `page`: the first and last, two either side of the current
    one, and `Paginator.ELLIPSIS` for the gaps (never thousands of links)."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
