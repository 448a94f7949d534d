"""Benchmarks of the document register on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mishu_bench \\
        .venv/bin/python -m bench.documents --size 35000000 [--skip-load] [--import-rows 200000]

1. load: `--size` documents spread over ten ROC years (100–109), written server-side with
   INSERT … SELECT generate_series with the indexes dropped, then re-created (the register's own
   index definitions), then ANALYZE. 1% of documents are open; units are the secretariat's.
2. the overdue list of one unit (what /documents/timeliness/?division=X shows: the page's count
   and its first 50 rows with their unit, handler and sender) against the bare SQL Django sends;
3. the report's period counts (documents.received / sent / sealed for 108H2 through the
   indicator registry) against their bare SQL;
4. import throughput: the bulk write path (`mishu.documents.bulk.insert`, which uses COPY) and
   the whole import (validation of every row + write) against a bare COPY of the same rows.
"""

import argparse
import datetime
import io
import time

from ._setup import rolled_back, setup, timed

YEARS = 10  # ROC 100–109


def load(size: int) -> float:
    from django.db import connection

    from mishu.core.data.organisation import sync_organisation
    from mishu.core.models import Agency, Division, Role
    from mishu.documents.models import Document

    sync_organisation(Division, Agency, Role)
    divisions = list(Division.objects.values_list("pk", flat=True))
    agencies = list(Agency.objects.values_list("pk", flat=True))
    table = Document._meta.db_table
    per_year = (size + YEARS - 1) // YEARS
    started = time.perf_counter()
    with connection.cursor() as c:
        c.execute(f"TRUNCATE {table} CASCADE")
        indexes = [i for i in Document._meta.indexes]
        with connection.schema_editor() as editor:
            for index in indexes:
                editor.remove_index(Document, index)
        c.execute(
            f"""
            INSERT INTO {table} (division_id, created, last_updated, office, year, serial, number,
              direction, subject, sender_id, registered_on, received_on, speed, classification,
              declassification, project_control, medium, handling_mode, recipients, dispatched_on,
              seal_uses, state, deadline, closed_on, days_used, timeliness)
            SELECT d.division, now(), now(), 'city', d.year, d.serial,
              '府秘文字第' || lpad(d.year::text, 3, '0') || lpad(d.serial::text, 7, '0') || '號',
              CASE WHEN d.g %% 3 = 0 THEN 'outgoing' ELSE 'incoming' END,
              '函詢市政業務辦理情形',
              CASE WHEN d.g %% 3 = 0 THEN NULL ELSE d.agency END,
              d.day, CASE WHEN d.g %% 3 = 0 THEN NULL ELSE d.day END,
              'ordinary', '', '', false, 'electronic', 'online', '',
              CASE WHEN d.open OR d.g %% 3 = 1 THEN NULL ELSE d.day + 5 END,
              CASE WHEN d.open OR d.g %% 3 = 1 THEN 0 ELSE 1 + d.g %% 2 END,
              CASE WHEN d.open THEN 'drafting' WHEN d.g %% 3 = 1 THEN 'filed' ELSE 'dispatched' END,
              d.day + 8,
              CASE WHEN d.open THEN NULL ELSE d.day + 5 END,
              CASE WHEN d.open THEN NULL ELSE 3 END,
              CASE WHEN d.open THEN '' ELSE 'on_time' END
            FROM (
              SELECT g,
                100 + (g - 1) / %(per_year)s AS year,
                (g - 1) %% %(per_year)s + 1 AS serial,
                (date '2011-01-01' + make_interval(years => ((g - 1) / %(per_year)s)::int)
                  + (((g - 1) %% %(per_year)s) * 360 / %(per_year)s) * interval '1 day')::date
                  AS day,
                (%(divisions)s::int[])[1 + g %% %(ndiv)s] AS division,
                (%(agencies)s::int[])[1 + g %% %(nag)s] AS agency,
                (g / %(ndiv)s) %% 100 = 0 AS open
              FROM generate_series(1, %(size)s) AS g
            ) AS d
            """.replace("%(per_year)s", str(per_year)),
            {
                "divisions": divisions,
                "agencies": agencies,
                "size": size,
                "ndiv": len(divisions),
                "nag": len(agencies),
            },
        )
        with connection.schema_editor() as editor:
            for index in indexes:
                editor.add_index(Document, index)
    # The server-side load bypasses the register: count its monthly tallies once.
    from mishu.documents import tally

    tally.rebuild()
    # After a bulk load the visibility map is empty: VACUUM sets it so that counts are
    # index-only scans (in production autovacuum does this after large writes).
    with connection.cursor() as c:
        c.execute(f"VACUUM ANALYZE {table}")
    return time.perf_counter() - started


def _copy_text(value) -> str:
    """A value in COPY's text format."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    text = str(value)
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        text = (
            text.replace("\\", "\\\\")
            .replace("\t", "\\t")
            .replace("\n", "\\n")
            .replace("\r", "\\r")
        )
    return text


def bare(sql, params):
    from django.db import connection

    def run():
        with connection.cursor() as c:
            c.execute(sql, params)
            return c.fetchall()

    return run


def overdue_list():
    """What /documents/timeliness/?division=<文書組> runs: the paginator's count and the first
    page's 50 rows (`page_rows`: one values query, rendered as the page shows them), each against
    the very SQL it sends, run on a bare cursor."""
    from mishu.core.models import Division
    from mishu.documents.filtersets import control_list
    from mishu.documents.models import Document
    from mishu.documents.views.register import page_rows

    unit = Division.objects.get(code="documents")
    today = datetime.date(2021, 1, 4)  # the day after the last year's documents

    def listed():
        return control_list(Document.objects.filter(division=unit), "overdue", today)

    def first_page():
        return page_rows(listed()[:50])

    def count():
        return listed().count()

    results = {"rows in the list": count()}
    results["overdue list, first 50 (ORM)"] = timed(first_page)
    results["overdue list, first 50 (SQL)"] = timed(bare(*executed(first_page)))
    results["overdue list, count (ORM)"] = timed(count)
    results["overdue list, count (SQL)"] = timed(bare(*executed(count)))
    return results


def executed(fn):
    """(sql, params) of the one query `fn` runs, exactly as sent to the database."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        fn()
    assert len(captured.captured_queries) == 1, captured.captured_queries
    return captured.captured_queries[0]["sql"], None


def period_counts():
    """The registry's counts (read from the monthly tallies) against the bare SQL they run, and,
    for scale, the direct COUNT over the documents that the tallies replace."""
    from mishu.core.formats import Period
    from mishu.documents.models import Document, DocumentTally
    from mishu.indicators import registry

    period = Period.parse("108H2")
    table = Document._meta.db_table
    tallies = DocumentTally._meta.db_table
    span = (period.start, period.end)
    results = {}
    for code, measure, direct in (
        ("documents.received", "received", "COUNT(*) FROM {t} WHERE received_on"),
        ("documents.sent", "sent", "COUNT(*) FROM {t} WHERE dispatched_on"),
        ("documents.sealed", "sealed", "SUM(seal_uses) FROM {t} WHERE dispatched_on"),
    ):
        tally_sql = (
            f"SELECT SUM(value) FROM {tallies} WHERE measure = %s AND month BETWEEN %s AND %s"
        )
        results[f"{code} = {registry.value(code, period)} (registry)"] = timed(
            lambda c=code: registry.value(c, period)
        )
        results[f"{code} (SQL)"] = timed(bare(tally_sql, (measure, *span)))
        direct_sql = "SELECT " + direct.format(t=table) + " BETWEEN %s AND %s"
        results[f"{code}, direct count over the documents (SQL)"] = timed(bare(direct_sql, span))
    return results


def import_throughput(rows_count: int):
    from django.db import connection
    from django.utils import timezone

    from mishu.core.models import Agency
    from mishu.core.testing import UserFactory
    from mishu.documents import importing, jobs
    from mishu.documents.bulk import COLUMNS
    from mishu.documents.models import Document, DocumentSequence
    from mishu.documents.models.document import format_number

    user = UserFactory(division="documents", roles=["admin"])
    agency = Agency.objects.first().short_name
    base = datetime.date(2030, 1, 2)
    table_rows = [
        {
            "_row": i + 2,
            "number": format_number("secretariat", 119, i + 1),  # an export carries numbers
            "office": "secretariat",
            "direction": "incoming",
            "division": "documents",
            "sender": agency,
            "received_on": (base + datetime.timedelta(days=i % 300)).isoformat(),
            "subject": "函詢市政業務辦理情形",
            "speed": "普通件",
            "dispatched_on": (base + datetime.timedelta(days=i % 300 + 2)).isoformat(),
            "seal_uses": "1",
        }
        for i in range(rows_count)
    ]
    results = {}

    def clean():
        with connection.cursor() as c:
            c.execute(
                f"DELETE FROM {Document._meta.db_table} WHERE office = 'secretariat' AND year >= 119"
            )
        DocumentSequence.objects.filter(office="secretariat", year__gte=119).delete()

    clean()

    # (a) the write path alone, on rows validated beforehand
    prepared, errors = importing.validate(table_rows, user)
    assert not errors, errors[:3]
    write_s = rolled_back(lambda: jobs.write_rows([list(r) for r in prepared], user, "bench"))
    # (b) the whole import as the import job runs it: every row validated, then written
    whole_s = rolled_back(lambda: jobs.import_rows(table_rows, user, "bench"))
    # (c) a bare COPY of exactly the rows the import writes (the file gives their numbers;
    # stamped as the write path stamps them; no batch)
    stamp = timezone.now().isoformat(" ")
    buf = io.StringIO()
    for row in prepared:
        row = list(row)
        row[COLUMNS.index("created")] = row[COLUMNS.index("last_updated")] = stamp
        buf.write("\t".join(map(_copy_text, row)) + "\n")
    data = buf.getvalue()
    cols = ", ".join(COLUMNS)

    def copy_rows():
        with connection.cursor() as c:
            with c.cursor.copy(f"COPY {Document._meta.db_table} ({cols}) FROM STDIN") as copy:
                copy.write(data)

    copy_s = rolled_back(copy_rows)
    n = rows_count
    results["import rows"] = n
    results["COPY rows/s"] = round(n / copy_s)
    results["bulk write path rows/s"] = round(n / write_s)
    results["whole import (validate + write) rows/s"] = round(n / whole_s)
    results["bulk write / COPY"] = round((n / write_s) / (n / copy_s), 2)
    results["whole import / COPY"] = round(copy_s / whole_s, 2)
    user.delete()
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument("--import-rows", type=int, default=100_000)
    args = parser.parse_args()
    setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    if not args.skip_load:
        seconds = load(args.size)
        print(f"loaded {args.size:,} documents in {seconds:.0f} s")
    with connection.cursor() as c:
        c.execute("SELECT COUNT(*) FROM documents_document")
        print(f"documents in the table: {c.fetchone()[0]:,}")
    report = {}
    report.update(overdue_list())
    report.update(period_counts())
    if args.import_rows:
        report.update(import_throughput(args.import_rows))
    width = max(len(k) for k in report)
    for key, value in report.items():
        is_ms = isinstance(value, float) and "/" not in key
        shown = f"{value:.2f} ms" if is_ms else str(value)
        print(f"{key.ljust(width)}  {shown}")
    pairs = [k[: -len(" (ORM)")] for k in report if k.endswith("(ORM)")]
    for name in pairs:
        print(f"ratio {name}: {report[name + ' (ORM)'] / report[name + ' (SQL)']:.2f}")
    for key in [k for k in report if k.endswith("(registry)")]:
        code = key.split(" = ")[0]
        print(f"ratio {code}: {report[key] / report[code + ' (SQL)']:.2f}")


if __name__ == "__main__":
    main()
