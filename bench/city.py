"""Every app at ten years of city volume (issue 17), on PostgreSQL.

    createdb -h 127.0.0.1 -U postgres mishu_bench_city
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mishu_bench_city \\
        .venv/bin/python -m bench.city [--scale 1.0] [--demo]

`--demo` first loads the demo (`mishu loaddemo`) when the database has no users: its rows are
the templates. Then, at `--scale` × the volumes of VOLUMES (1.0 = the city's ten years):

1. the document register through `bench.documents.load` (3,500 萬 at scale 1), the archives'
   catalogue through `bench.archives.load` (100 萬 items);
2. every other high-volume record of VOLUMES cloned server-side from the demo's rows
   (`INSERT … SELECT … CROSS JOIN generate_series`, nothing crosses the wire): each copy's dates
   shifted by whole months so that the copies cover the ten years (ROC 100–109) and keep the
   order of a record's own dates; unique numbers suffixed with the copy's number; children
   (events of a petition or booking) copied with their parent; a copy that would break a
   unique or exclusion constraint (a booking overlapping another) is skipped
   (`ON CONFLICT DO NOTHING`), so the loaded count is printed, never assumed;
3. the document tallies counted again, VACUUM ANALYZE.

The loader expects the demo alone in the database (bench/city.sh makes it so): the rows it finds
are the half-year it multiplies. Records of low volume (organisation, tender cases, dormitory rooms, KPIs, council terms…) stay
at the demo's volume: at the city's they are hundreds of rows, which is what the demo has.
"""

import argparse
import math
import time

from ._setup import setup

HALF_YEARS = 20  # ROC 100–109
# (model, rows in ten years at scale 1 — None: 20 × the demo's, children copied with it, why).
# The demo is one half-year, 108H2, at the figures of that half-year's work report
# (/work/shared/seed): 1,321 petitions, 94 bookings, 7,652 press releases, the consultations'
# monthly lines (36 lines of counter enquiries summing to 2,703)… Ten years are 20 of them.
VOLUMES = [
    ("documents.Document", 35_000_000, (), "the city's register, 344 萬 a year (issue 4)"),
    ("archives.ArchiveItem", 1_000_000, (), "the catalogue (issue 14): 100 萬 items"),
    (
        "petitions.PetitionCase",
        None,
        (("petitions.PetitionEvent", "case"),),
        "1,321 mayor's-office petitions a half-year",
    ),
    ("petitions.CollectivePetition", None, (), "collective petitions"),
    ("consultations.CounterContact", None, (), "monthly lines: 2,703 enquiries a half-year"),
    ("consultations.CoordinatedPetition", None, (), "monthly lines: 110 a half-year"),
    ("consultations.ProfessionalConsultation", None, (), "monthly lines: 7,047 a half-year"),
    ("consultations.VolunteerService", None, (), "monthly lines: 11 萬 1,930 served"),
    ("consultations.NursingRoomUse", None, (), "monthly lines: 3,588 uses a half-year"),
    ("venues.Booking", None, (("venues.BookingEvent", "booking"),), "93 venue bookings + stages"),
    ("building.MeterReading", 360, (), "the demo's 3 main meters read monthly, 120 months"),
    ("properties.FuelLog", None, (), "12 cars and a motorcycle, 9,858 litres a half-year"),
    ("chronicle.Event", None, (), "the chronicle's events"),
    ("media.PressRelease", None, (), "7,652 press releases and responses a half-year"),
    ("research.PhoneTest", None, (), "24 courtesy phone tests a half-year"),
    ("gazette.Item", None, (), "the gazette's items"),
]
MONTHS = 120  # ROC 100–109


BIG = ("documents.Document", "archives.ArchiveItem")


def volumes(scale: float, documents_scale: float | None = None) -> list[tuple]:
    """VOLUMES at `scale`; the register at `documents_scale` when given (the only table that is
    too large for a small machine: every other app's ten years fit in a few minutes)."""
    big = scale if documents_scale is None else documents_scale
    return [
        (m, None if n is None else max(1, round(n * (big if m == BIG[0] else scale))), ch, why)
        for m, n, ch, why in VOLUMES
    ]


def _unique_columns(model) -> set[str]:
    """Columns of `model` that a unique constraint (alone or with others) covers."""
    names = {f.name for f in model._meta.local_concrete_fields if f.unique and not f.primary_key}
    for together in model._meta.unique_together:
        names.update(together)
    for constraint in model._meta.constraints:
        names.update(getattr(constraint, "fields", ()) or ())
    return {model._meta.get_field(n).column for n in names}


def _expressions(model, parent=None):
    """SELECT expressions copying a row of `model` (aliased src) as copy number g."""
    from django.db import models

    uniques = _unique_columns(model)
    out = {}
    for field in model._meta.local_concrete_fields:
        col = f'src."{field.column}"'
        if field.primary_key:
            out[field.column] = f"{col} + g * %(stride)s"
        elif parent and field.column == parent[0]:
            out[field.column] = f"{col} + g * %(parent_stride)s"
        elif isinstance(field, models.DateTimeField):
            out[field.column] = f"{col} - make_interval(months => (g * %(span)s)::int)"
        elif isinstance(field, models.DateField):
            out[field.column] = f"({col} - make_interval(months => (g * %(span)s)::int))::date"
        elif field.column in uniques and isinstance(field, models.CharField):
            keep = max(1, (field.max_length or 20) - 7)
            out[field.column] = f"left({col}, {keep}) || '~' || g"
        else:
            out[field.column] = col
    return out


def clone(model, target: int | None, children=(), scale: float = 1.0) -> dict[str, int]:
    """Copy the rows of `model` (and their `children`) until it has about `target` rows (None:
    `scale` × 20 times the rows it has: the demo's half-year)."""
    from django.apps import apps
    from django.db import connection

    table = model._meta.db_table
    with connection.cursor() as c:
        c.execute(f"SELECT COUNT(*), COALESCE(MAX(id), 0) FROM {table}")
        have, top = c.fetchone()
        if target is None:
            target = round(have * HALF_YEARS * scale)
        if not have or have >= target:
            return {model._meta.label: have}
        copies = math.ceil((target - have) / have)
        # copy g of a row is dated g × span months earlier: the copies spread over ten years
        params = {"stride": top, "span": MONTHS / (copies + 1), "copies": copies}
        exprs = _expressions(model)
        cols = ", ".join(f'"{c}"' for c in exprs)
        c.execute(
            f"""INSERT INTO {table} ({cols})
            SELECT {", ".join(exprs.values())}
            FROM {table} src CROSS JOIN generate_series(1, %(copies)s) AS g
            WHERE src.id <= %(stride)s
            ORDER BY g, src.id LIMIT %(limit)s
            ON CONFLICT DO NOTHING""",
            {**params, "limit": target - have},
        )
        counts = {model._meta.label: have + c.rowcount}
        c.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), MAX(id)) FROM {table}")
        for label, fk in children:
            child = apps.get_model(label)
            ctable = child._meta.db_table
            column = child._meta.get_field(fk).column
            c.execute(f"SELECT COALESCE(MAX(id), 0) FROM {ctable}")
            (ctop,) = c.fetchone()
            exprs = _expressions(child, parent=(column,))
            ccols = ", ".join(f'"{c}"' for c in exprs)
            c.execute(
                f"""INSERT INTO {ctable} ({ccols})
                SELECT {", ".join(exprs.values())}
                FROM {ctable} src CROSS JOIN generate_series(1, %(copies)s) AS g
                JOIN {table} p ON p.id = src."{column}" + g * %(parent_stride)s
                WHERE src.id <= %(stride)s AND src."{column}" <= %(parent_stride)s
                ON CONFLICT DO NOTHING""",
                {**params, "stride": ctop, "parent_stride": top},
            )
            counts[label] = c.rowcount
            c.execute(
                f"SELECT setval(pg_get_serial_sequence('{ctable}', 'id'), MAX(id)) FROM {ctable}"
            )
    return counts


def load(scale: float, documents_scale: float | None = None) -> dict[str, int]:
    from django.apps import apps
    from django.db import connection, transaction

    from . import archives, documents

    counts = {}
    for label, target, children, _why in volumes(scale, documents_scale):
        started = time.perf_counter()
        if label == "documents.Document":
            documents.load(target)
            counts[label] = target
        elif label == "archives.ArchiveItem":
            archives.load(target)
            counts[label] = target
        else:
            with transaction.atomic():
                counts.update(clone(apps.get_model(label), target, children, scale))
        print(f"{label}: {counts[label]:,} rows, {time.perf_counter() - started:.0f} s", flush=True)
    with connection.cursor() as c:
        for label, *_ in VOLUMES:
            c.execute(f"VACUUM ANALYZE {apps.get_model(label)._meta.db_table}")
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--scale", type=float, default=1.0, help="fraction of the city's ten years (1.0)"
    )
    parser.add_argument(
        "--documents-scale", type=float, help="the register's own scale (default: --scale)"
    )
    parser.add_argument("--demo", action="store_true", help="load the demo first if empty")
    args = parser.parse_args()
    setup()
    from django.core.management import call_command

    from mishu.core.models import User

    call_command("migrate", verbosity=0)
    if args.demo and not User.objects.exists():
        call_command("loaddemo")
    started = time.perf_counter()
    counts = load(args.scale, args.documents_scale)
    from mishu.core import versions

    versions.changed()  # written server-side, past the signals: what was kept is stale
    print(
        f"scale {args.scale}, register at {args.documents_scale or args.scale}: "
        f"loaded in {time.perf_counter() - started:.0f} s"
    )
    print("| records | rows | at scale 1 | why |\n|---|---|---|---|")
    for label, target, children, why in VOLUMES:
        shown = "20 × the demo" if target is None else f"{target:,}"
        print(f"| {label} | {counts.get(label, 0):,} | {shown} | {why} |")
        for child, _fk in children:
            print(f"| {child} (copied with it) | {counts.get(child, 0):,} | | |")


if __name__ == "__main__":
    main()
