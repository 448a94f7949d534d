"""Benchmarks of the archives on PostgreSQL, at the city's scale of the catalogue.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mishu_bench_archives \\
        .venv/bin/python -m bench.archives --size 1000000 [--skip-load]

1. load: `--size` archive items in case files of 20 items over ten ROC years (100–109) and the
   classes of 文書組's scheme (retentions 1–30 years and permanent), written server-side with
   INSERT … SELECT generate_series, the app's indexes dropped during the load and re-created after;
   case files get their latest date and due date as filing would; then VACUUM ANALYZE;
2. the catalogue page (/archives/catalogue/) searched by 檔號 prefix, by subject and by document
   date period: the paginator's count and the first 50 rows, as the page runs them, each against
   the very SQL it sends (captured, then run on a bare cursor with fetchall);
3. the retention-due list of 文書組 (`services.filing.retention_due`), count and first 100 rows;
4. `archives.catalogued` for a half-year through the indicator registry.

Medians of 51 runs after 5 warm-up runs, wall clock in the client.
"""

import argparse
import datetime
import time

from ._setup import setup, timed

YEARS = 10
PER_CASE = 20


def load(size: int) -> float:
    from django.db import connection

    from mishu.archives.models import ArchiveClass, ArchiveItem, CaseFile
    from mishu.core.data.organisation import sync_organisation
    from mishu.core.models import Agency, Division, Role

    sync_organisation(Division, Agency, Role)
    division = Division.objects.get(code="documents")
    retentions = ["1", "3", "5", "10", "15", "30", "permanent"]
    started = time.perf_counter()
    with connection.cursor() as c:
        c.execute(f"TRUNCATE {ArchiveItem._meta.db_table}, {CaseFile._meta.db_table} CASCADE")
        classes = []
        for i, retention in enumerate(retentions, start=1):
            k, _ = ArchiveClass.objects.get_or_create(
                division=division,
                code=f"0{i}01",
                defaults={"name": f"類目{i}", "retention": retention},
            )
            classes.append(k.pk)
        cases = (size + PER_CASE - 1) // PER_CASE
        per_year = (cases + YEARS - 1) // YEARS
        with connection.schema_editor() as editor:
            for model in (ArchiveItem, CaseFile):
                for index in model._meta.indexes:
                    editor.remove_index(model, index)
        c.execute(
            f"""
            INSERT INTO {CaseFile._meta.db_table} (id, division_id, created, last_updated, year,
              archive_class_id, case_no, subject, medium, volumes, boxes, location, classified,
              state, latest_on, due_on)
            SELECT g, %(division)s, now(), now(), 100 + (g - 1) / %(per_year)s,
              (%(classes)s::int[])[1 + g %% %(ncls)s], g, '案名' || g, 'electronic', 1, '', '',
              false, 'kept', NULL, NULL
            FROM generate_series(1, %(cases)s) AS g
            """,
            {
                "division": division.pk,
                "per_year": per_year,
                "classes": classes,
                "ncls": len(classes),
                "cases": cases,
            },
        )
        c.execute(
            f"""
            INSERT INTO {ArchiveItem._meta.db_table} (division_id, created, last_updated,
              case_file_id, volume_no, item_no, file_code, subject, doc_date, filed_on, medium,
              pages, classified)
            SELECT %(division)s, now(), now(), cf.id, 1, i.n,
              lpad(cf.year::text, 3, '0') || '-' || k.code || '-' || lpad(cf.case_no::text, 6, '0')
                || '-001-' || lpad(i.n::text, 6, '0'),
              '函詢市政業務辦理情形第 ' || (cf.id * 20 + i.n) || ' 號',
              make_date(cf.year + 1911, 1 + (cf.id %% 12)::int, 1 + i.n),
              make_date(cf.year + 1911, 1 + (cf.id %% 12)::int, 1 + i.n),
              'electronic', 1, false
            FROM {CaseFile._meta.db_table} cf
            JOIN {ArchiveClass._meta.db_table} k ON k.id = cf.archive_class_id
            CROSS JOIN generate_series(1, %(per_case)s) AS i(n)
            """,
            {"division": division.pk, "per_case": PER_CASE},
        )
        c.execute(
            f"""
            UPDATE {CaseFile._meta.db_table} cf SET latest_on = make_date(cf.year + 1911,
              1 + (cf.id %% 12)::int, 1 + %(per_case)s),
              due_on = CASE WHEN k.retention = 'permanent' THEN NULL
                ELSE make_date(cf.year + 1912 + k.retention::int, 1, 1) END
            FROM {ArchiveClass._meta.db_table} k WHERE k.id = cf.archive_class_id
            """,
            {"per_case": PER_CASE},
        )
        c.execute(
            f"SELECT setval(pg_get_serial_sequence('{CaseFile._meta.db_table}', 'id'), %s)",
            [cases],
        )
        with connection.schema_editor() as editor:
            for model in (ArchiveItem, CaseFile):
                for index in model._meta.indexes:
                    editor.add_index(model, index)
        for model in (ArchiveItem, CaseFile):
            c.execute(f"VACUUM ANALYZE {model._meta.db_table}")
    return time.perf_counter() - started


def captured(fn):
    """Run `fn` once, capture the SQL statements it sends; return a bare runner of them."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        fn()
    statements = [q["sql"] for q in ctx.captured_queries]

    def run():
        with connection.cursor() as c:
            for sql in statements:
                c.execute(sql)
                c.fetchall()

    return run


def catalogue(user, query: dict):
    """The catalogue page's queryset for `query`: its count and first 50 rows rendered."""
    from django.core.paginator import Paginator
    from django.test import RequestFactory

    from mishu.archives import views
    from mishu.archives.models import ArchiveItem

    columns = ["file_code", "subject", "doc_date", "medium", "filed_on", "division"]
    request = RequestFactory().get("/archives/catalogue/", query)
    request.user = user
    view = views.CatalogueView(model=ArchiveItem, columns=columns)
    view.setup(request)

    def run():
        _fs, qs = view.filtered()
        page = Paginator(qs, 50).get_page(1)
        return page.paginator.count, view.page_rows(page.object_list)

    return run


def due_list(user, on):
    from mishu.archives.services import filing

    def run():
        qs = filing.retention_due(user, on=on)
        return qs.count(), list(qs[:100])

    return run


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--skip-load", action="store_true")
    args = parser.parse_args()
    setup()
    from mishu.archives.models import ArchiveItem
    from mishu.core.testing import UserFactory
    from mishu.indicators import registry

    if not args.skip_load:
        print(f"load {args.size:,} items: {load(args.size):.0f} s")
    print(f"items: {ArchiveItem.objects.count():,}")
    user = UserFactory(division="documents", roles=["clerk"], username=f"bench{time.time_ns()}")
    measures = [
        ("catalogue, 檔號 prefix 105-0301", catalogue(user, {"code": "105-0301"})),
        ("catalogue, 檔號 of one case", catalogue(user, {"code": "105-0301-012345"})),
        ("catalogue, subject contains", catalogue(user, {"q": "第 123456 號"})),
        ("catalogue, period 108H2", catalogue(user, {"period": "108H2"})),
        ("retention due, 文書組", due_list(user, datetime.date(2021, 1, 4))),
        ("archives.catalogued 108H2", lambda: registry.value("archives.catalogued", "108H2", user)),
    ]
    print("| measure | Mishu ms | bare SQL ms | ratio |")
    print("|---|---|---|---|")
    for name, fn in measures:
        mine = timed(fn)
        floor = timed(captured(fn))
        print(f"| {name} | {mine:.2f} | {floor:.2f} | {mine / floor:.2f} |")


if __name__ == "__main__":
    main()
