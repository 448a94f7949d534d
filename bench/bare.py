"""The floor of a page: a plain Django view that runs the very SQL statements the page sent
(captured by bench/pages.py into the JSON file named by BENCH_BARE_SQL) on a bare cursor and
renders every row they return with a minimal template. No login, forms, filters, paginator or
table code: what is left is Django's request cycle, the database and a template loop."""

import json
import os
from functools import cache

from django.db import connection
from django.http import Http404
from django.shortcuts import render


@cache
def statements() -> dict[str, list[str]]:
    with open(os.environ["BENCH_BARE_SQL"], encoding="utf-8") as f:
        return json.load(f)


def bare_page(request, name):
    try:
        sqls = statements()[name]
    except KeyError:
        raise Http404(name) from None
    rows = []
    with connection.cursor() as c:
        for sql in sqls:
            c.execute(sql)
            if c.description:
                rows.extend(c.fetchall())
    return render(request, "bench/bare.html", {"rows": rows})
