"""The document import against its peer, django-import-export (issue 17), on PostgreSQL.

    pip install django-import-export      # or: pip install -e '.[bench]'; never a dependency
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mishu_bench_city \\
        nice -n 19 .venv/bin/python -m bench.imports [--rows 5000]

One CSV file of `--rows` dispatched incoming documents, each with its number (as an export
carries them), read and imported all or nothing by:

* Mishu: `core.imports.read_table` then `documents.jobs.import_rows`, exactly as the import job
  runs it (every row validated: office, unit, sender, dates, speed, numbers unique in the file
  and the register, deadlines on the working-day calendar; then the bulk write with its batches,
  change log and tallies);
* django-import-export: `tablib` reads the same bytes, a `ModelResource` of Document
  (`DocumentResource` below: unit and sender looked up by code and short name, year and serial
  from the number, state and closing as the register keeps them) imports with
  `clean_model_instances=True` (every row's `full_clean`: choices, lengths, the unique number)
  and `use_transactions=True` — its documented way of a validated, all-or-nothing import.

Each run is inside a transaction that is rolled back; the median of `--repeat` runs.
"""

import argparse
import csv
import datetime
import io
import time

from ._setup import rolled_back, setup

HEADER = [
    "number", "office", "direction", "division", "sender", "received_on", "subject", "speed",
    "dispatched_on", "seal_uses",
]  # fmt: skip


def the_file(rows: int) -> bytes:
    from mishu.core.models import Agency
    from mishu.documents.models.document import format_number

    agency = Agency.objects.order_by("pk").first().short_name
    base = datetime.date(2030, 1, 2)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for i in range(rows):
        day = base + datetime.timedelta(days=i % 300)
        writer.writerow(
            [
                format_number("secretariat", 119, i + 1),
                "secretariat",
                "incoming",
                "documents",
                agency,
                day.isoformat(),
                "函詢市政業務辦理情形",
                "ordinary",
                (day + datetime.timedelta(days=2)).isoformat(),
                "1",
            ]
        )
    return out.getvalue().encode("utf-8")


def peer_resource(bulk=False):
    from import_export import fields, resources, widgets

    from mishu.core.models import Agency, Division
    from mishu.documents import importing
    from mishu.documents.choices import State, Timeliness
    from mishu.documents.models import Document

    class DocumentResource(resources.ModelResource):
        division = fields.Field(
            attribute="division", column_name="division",
            widget=widgets.ForeignKeyWidget(Division, "code"),
        )  # fmt: skip
        sender = fields.Field(
            attribute="sender", column_name="sender",
            widget=widgets.ForeignKeyWidget(Agency, "short_name"),
        )  # fmt: skip

        class Meta:
            model = Document
            fields = HEADER
            import_id_fields = []  # every row a new document
            clean_model_instances = True
            skip_diff = True
            use_bulk = bulk  # bulk_create in batches: no save(), no signals
            batch_size = 1000

        def import_instance(self, instance, row, **kwargs):
            super().import_instance(instance, row, **kwargs)  # then full_clean
            match = importing.NUMBER.fullmatch(instance.number)
            instance.year, instance.serial = int(match["year"]), int(match["serial"])
            instance.registered_on = instance.received_on
            instance.state = State.DISPATCHED
            instance.closed_on = instance.dispatched_on
            instance.days_used = (instance.dispatched_on - instance.received_on).days
            instance.timeliness = Timeliness.ON_TIME

    return DocumentResource


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    setup()
    import tablib

    from mishu.core.imports import read_table
    from mishu.core.testing import UserFactory
    from mishu.documents import jobs

    data = the_file(args.rows)
    user = UserFactory(division="documents", roles=["admin"], username=f"bench{time.time_ns()}")

    def mishu():
        written, errors = jobs.import_rows(read_table(data, "bench.csv"), user, "bench")
        assert written == args.rows and not errors, errors[:3]

    resource = peer_resource()()

    def peer():
        dataset = tablib.Dataset().load(data.decode("utf-8"), format="csv")
        result = resource.import_data(dataset, dry_run=False, use_transactions=True)
        assert not result.has_errors() and not result.has_validation_errors(), (
            result.invalid_rows[:3] or [r.errors for r in result.rows if r.errors][:3]
        )
        assert result.totals["new"] == args.rows, result.totals

    mine = rolled_back(mishu, args.repeat)
    theirs = rolled_back(peer, args.repeat)
    resource = peer_resource(bulk=True)()
    theirs_bulk = rolled_back(peer, args.repeat)
    user.delete()
    print(f"| import of {args.rows:,} rows | s | rows/s |\n|---|---|---|")
    print(f"| Mishu (read_table + jobs.import_rows) | {mine:.2f} | {args.rows / mine:,.0f} |")
    print(f"| django-import-export (validated) | {theirs:.2f} | {args.rows / theirs:,.0f} |")
    print(
        f"| django-import-export, use_bulk (validated, bulk_create: no signals) "
        f"| {theirs_bulk:.2f} | {args.rows / theirs_bulk:,.0f} |"
    )
    print(f"ratio Mishu / django-import-export: {theirs / mine:.1f}×")
    print(f"ratio Mishu / django-import-export use_bulk: {theirs_bulk / mine:.1f}×")


if __name__ == "__main__":
    main()
