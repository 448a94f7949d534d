"""Template helpers of the lists: the page numbers of a page, with ellipses past a few; the\ntable's rows."""

from django import template
from django.utils.safestring import mark_safe

from ..renderers import text

register = template.Library()


@register.filter
def page_numbers(page):
    """The page numbers to link from `page`: the first and last, two either side of the current
    one, and `Paginator.ELLIPSIS` for the gaps (never thousands of links)."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)


@register.filter
def table_rows(rows):
    """The `<tr>` of a list's rows [(object, [cell text])], written here rather than by a
    template loop (a page of 50 rows × 9 cells spent more time in the loop than in its SQL):
    the first cell links to the object, an empty first cell shows "—"; every cell is escaped
    as `{{ c }}` would be."""
    out = []
    for obj, cells in rows:
        tds = []
        for i, c in enumerate(cells):
            if i == 0:
                tds.append(
                    f'<td><a href="{text(obj.get_absolute_url())}">{text(c or "—")}</a></td>'
                )
            else:
                tds.append(f"<td>{text(c)}</td>")
        out.append(f"<tr>{''.join(tds)}</tr>\n  ")
    return mark_safe("".join(out))
