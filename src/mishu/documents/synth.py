"""Synthetic register data: documents for 107H2 and 108H2 whose counts reproduce the seed's
figures at scale 1 (and N times its volumes at scale N), written with `bulk_create` in batches.

Each batch of documents is recorded in the change log by one `DocumentBatch` record (created with
an ordinary save, so the audit signals log it with the acting user and source); every document
points to its batch. This is the documented bulk path: writing one log entry per document would
make loading 20 萬 documents take minutes.

The year figures of the e-document tables (本處紙本來文採線上簽核, 本處公文線上簽核) need the
secretariat's own documents of the whole year, so the first half-years (107H1, 108H1) hold the
secretariat's documents only, not the city's.
"""

import datetime
import random
from dataclasses import dataclass

from django.db import transaction

from mishu.core.formats import Period
from mishu.core.models import Agency, Division
from mishu.core.workdays import office_calendar

from . import bulk, tally
from .bulk import INDEX, iso, new_row
from .choices import (
    SPEED_DAYS,
    Direction,
    HandlingMode,
    Medium,
    Office,
    Speed,
    State,
)
from .deadlines import FastCalendar, classify
from .models import Document, DocumentBatch
from .models.document import format_number
from .services import reserve_serials

BATCH = 5000
REPLIED_SHARE = 0.6  # incoming documents answered under the same number (收發文同號)
OPEN_SHARE = 0.01  # unanswered incoming documents still open at the end of the period
INCOMING, OUTGOING = Direction.INCOMING.value, Direction.OUTGOING.value
STATE, CLOSED, DAYS_USED = INDEX["state"], INDEX["closed_on"], INDEX["days_used"]
TIMELINESS, DISPATCHED, SEALS = INDEX["timeliness"], INDEX["dispatched_on"], INDEX["seal_uses"]
YEAR, SERIAL, NUMBER = INDEX["year"], INDEX["serial"], INDEX["number"]
BATCH_ID, CREATED_BY = INDEX["batch_id"], INDEX["created_by_id"]


@dataclass(frozen=True)
class HalfYear:
    """The volumes of one half-year: all documents (received, sent, seal uses) and the
    secretariat's own (all, signed online, paper incoming, paper incoming scanned)."""

    period: str
    received: int
    sent: int
    sealed: int
    own_all: int
    own_online: int
    own_paper_in: int
    own_scanned: int


# 108H2: the seed's 壹二(一) (4 萬 4,651 / 6 萬 9,707 / 9 萬 4,920); the year 108 secretariat
# figures 1,770 of 2,470 paper incoming (71.66%) and 1 萬 2,391 of 13,213 online (93.78%) are
# split over the two halves. 107: 30.72% paper incoming signed online (768 of 2,500); the 107H2
# received/sent/seal volumes are not in the seed and are set a little below 108H2.
PLAN = (
    HalfYear("107H1", 0, 0, 0, 6500, 5500, 1250, 384),
    HalfYear("107H2", 43210, 68950, 93100, 6500, 5500, 1250, 384),
    HalfYear("108H1", 0, 0, 0, 6600, 6190, 1235, 885),
    HalfYear("108H2", 44651, 69707, 94920, 6613, 6201, 1235, 885),
)


def scaled(plan: HalfYear, scale: int) -> HalfYear:
    fields = {k: v * scale for k, v in plan.__dict__.items() if k != "period"}
    return HalfYear(plan.period, **fields)


class _Builder:
    """Builds the documents of one half-year in memory (not yet numbered)."""

    def __init__(self, period: Period, rng, calendar, divisions, agencies):
        self.period, self.rng, self.cal = period, rng, calendar
        self.divisions, self.agencies = divisions, agencies
        self.days = [
            d for d in calendar.dates if period.start <= d <= period.end and calendar.is_workday(d)
        ]
        self.docs: list[list] = []

    def _speed(self):
        r = self.rng.random()
        return Speed.MOST_URGENT if r < 0.1 else Speed.URGENT if r < 0.35 else Speed.ORDINARY

    def add(self, office, incoming, mode, medium, replied, division, open_=False):
        rng = self.rng
        received = rng.choice(self.days)
        speed = self._speed()
        deadline = self.cal.add_workdays(received, SPEED_DAYS[speed])
        row = new_row(
            division_id=division,
            office=office,
            direction=INCOMING if incoming else OUTGOING,
            subject="函詢市政業務辦理情形" if incoming else "函送本府業務資料",
            sender_id=rng.choice(self.agencies) if incoming else None,
            registered_on=iso(received),
            received_on=iso(received) if incoming else None,
            speed=speed,
            medium=medium,
            handling_mode=mode,
            deadline=iso(deadline),
            recipients="" if incoming and not replied else "臺北市政府各機關",
        )
        if open_:
            row[STATE] = State.DRAFTING.value
        else:
            # mostly within the limit; about 3% late
            late = rng.random() < 0.03
            limit = SPEED_DAYS[speed]
            used = limit + rng.randint(1, 3) if late else rng.randint(0, limit)
            closed = min(self.cal.add_workdays(received, used), self.days[-1])
            row[CLOSED] = iso(closed)
            row[DAYS_USED] = (
                "0.5" if closed == received else str(self.cal.workdays_between(received, closed))
            )
            row[TIMELINESS] = classify(deadline, closed).value
            if replied:
                row[STATE], row[DISPATCHED] = State.DISPATCHED.value, iso(closed)
            else:
                row[STATE] = State.FILED.value
        self.docs.append(row)

    def build(self, plan: HalfYear):
        rng, own = self.rng, self.divisions
        registry_unit = own["documents"].pk
        units = [d.pk for d in own.values()]
        # The secretariat's own documents: paper incoming (scanned or paper), then the rest.
        own_in = max(plan.own_paper_in, int(plan.own_all * 0.6))
        own_out = plan.own_all - own_in
        online_left = plan.own_online - plan.own_scanned
        modes = []
        for i in range(plan.own_all):
            if i < plan.own_paper_in:
                scanned = i < plan.own_scanned
                modes.append(
                    (HandlingMode.SCANNED if scanned else HandlingMode.PAPER, Medium.PAPER)
                )
            else:
                mode = HandlingMode.ONLINE if online_left > 0 else HandlingMode.PAPER
                online_left -= mode == HandlingMode.ONLINE
                modes.append((mode, Medium.ELECTRONIC))
        own_replied = int(own_in * REPLIED_SHARE) if plan.sent else 0
        for i, (mode, medium) in enumerate(modes):
            incoming = i < own_in
            replied = (i < own_replied) if incoming else True
            self.add(Office.SECRETARIAT, incoming, mode, medium, replied, rng.choice(units))
        if not plan.received:
            return self.docs
        city_in = plan.received - own_in
        city_replied = int(city_in * REPLIED_SHARE)
        city_out = plan.sent - own_replied - own_out - city_replied
        if city_in < 0 or city_out < 0:
            raise ValueError(f"inconsistent plan {plan}")
        open_count = int((city_in - city_replied) * OPEN_SHARE)
        for i in range(city_in):
            replied = i < city_replied
            open_ = not replied and i >= city_in - open_count
            self.add(
                Office.CITY,
                True,
                HandlingMode.ONLINE,
                Medium.ELECTRONIC,
                replied,
                registry_unit,
                open_,
            )
        for _i in range(city_out):
            self.add(
                Office.CITY, False, HandlingMode.ONLINE, Medium.ELECTRONIC, True, registry_unit
            )
        self._seal(plan.sealed)
        return self.docs

    def _seal(self, sealed):
        dispatched = [row for row in self.docs if row[DISPATCHED]]
        if not dispatched:
            return
        base, extra = divmod(sealed, len(dispatched))
        for i, row in enumerate(dispatched):
            row[SEALS] = base + (i < extra)


def _number(rows):
    """Give the documents their serials in order of registration, per office and year."""
    office, registered = INDEX["office"], INDEX["registered_on"]
    rows.sort(key=lambda r: (r[office], r[registered]))
    groups: dict = {}
    for row in rows:
        row[YEAR] = int(row[registered][:4]) - 1911  # ROC year of the ISO date
        groups.setdefault((row[office], row[YEAR]), []).append(row)
    for (office_code, year), group in groups.items():
        first = reserve_serials(office_code, year, len(group))
        for offset, row in enumerate(group):
            row[SERIAL] = first + offset
            row[NUMBER] = format_number(office_code, year, first + offset)


def write(rows, source: str, label: str, division, user=None) -> int:
    """Bulk-write the rows in batches of 5,000, one audited DocumentBatch per batch."""
    total = 0
    batches = (len(rows) + BATCH - 1) // BATCH
    user_id = user.pk if getattr(user, "pk", None) else None
    for index in range(batches):
        chunk = rows[index * BATCH : (index + 1) * BATCH]
        batch = DocumentBatch(
            division=division,
            source=source,
            label=f"{label} {index + 1}/{batches}",
            count=len(chunk),
            first_number=chunk[0][NUMBER],
            last_number=chunk[-1][NUMBER],
            created_by_id=user_id,
        )
        batch.save()
        for row in chunk:
            row[BATCH_ID] = batch.pk
            row[CREATED_BY] = user_id
        total += bulk.insert(chunk)
    return total


def existing_batches(source: str, period_code: str):
    return DocumentBatch.objects.filter(source=source, label__startswith=f"{period_code} ")


@transaction.atomic
def generate(
    scale: int = 1, *, source: str = "synth", seed: int = 108, user=None, skip_existing=False
) -> dict:
    """Write the plan's half-years at `scale`; returns {period: documents written}.

    With `skip_existing` a half-year already written from this source is left as it is (the
    demo's idempotent load); otherwise earlier demo or synthetic documents of these half-years
    are removed first (one change-log entry per removed batch) so the counts stay exact.
    """
    divisions = {d.code: d for d in Division.objects.all()}
    agencies = list(Agency.objects.values_list("pk", flat=True)) or [None]
    first = Period.parse(PLAN[0].period).start
    last = Period.parse(PLAN[-1].period).end + datetime.timedelta(days=60)
    calendar = FastCalendar(office_calendar(), first, last)
    rng = random.Random(seed)
    written = {}
    for plan in PLAN:
        if skip_existing and existing_batches(source, plan.period).exists():
            continue
        remove(plan.period)
        period = Period.parse(plan.period)
        docs = _Builder(period, rng, calendar, divisions, agencies).build(scaled(plan, scale))
        _number(docs)
        written[plan.period] = write(docs, source, plan.period, divisions["documents"], user)
    return written


def remove(period_code: str) -> None:
    """Remove the generated documents of a half-year, batch by batch."""
    for batch in DocumentBatch.objects.filter(
        source__in=("demo", "synth"), label__startswith=f"{period_code} "
    ):
        # A raw delete: the batch's removal below is the change-log entry for its documents,
        # and the tallies lose what the documents counted.
        documents = Document.objects.filter(batch=batch)
        tally.apply(tally.totals_of(documents), sign=-1)
        documents._raw_delete(Document.objects.db)
        batch.delete()
