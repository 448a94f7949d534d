"""Importing council visits (府會拜訪) from a table (CSV, XLSX, ODS), all or nothing: the visits
the agencies report each session. One row per visit: the regular session as `13-2` (term and
session number), the agency (short name, full name or code), the member's name (in that term),
the date (ROC or ISO) and optionally who visited. An unknown session, agency or member, a date
outside the session, or a record of another division is rejected, and then nothing is written.
A valid file is written in bulk, one change-log entry per visit."""

from django.utils.translation import gettext as _

from mishu.core import audit
from mishu.core import permissions as rights
from mishu.core.imports import RowInvalid, cell_date, checked, find_agency, require

from .choices import SessionKind
from .models import Member, Session, Visit

COLUMNS = ("session", "agency", "member", "visited_on", "visitor")
REQUIRED = ("session", "agency", "member", "visited_on")
EXAMPLE = ("13-2", "財政局", "示範議員01", "108/9/10", "局長")


class VisitImporter:
    """`prepare(row, user)` → an unsaved, checked Visit; `write(visits)` saves them."""

    COLUMNS, REQUIRED, EXAMPLE = COLUMNS, REQUIRED, EXAMPLE

    def __init__(self):
        self.sessions, self.members, self.agencies = {}, {}, {}

    def _session(self, text, user):
        if text not in self.sessions:
            term, _sep, number = text.partition("-")
            session = None
            if term.strip().isdigit() and number.strip().isdigit():
                session = (
                    Session.objects.restrict(user, rights.VIEW)
                    .filter(
                        kind=SessionKind.REGULAR,
                        term__number=int(term),
                        number=int(number),
                    )
                    .select_related("term")
                    .first()
                )
            if session is None:
                raise RowInvalid(_("Unknown session “%(v)s”.") % {"v": text}, "session")
            self.sessions[text] = session
        return self.sessions[text]

    def _member(self, session, name, user):
        key = (session.term_id, name)
        if key not in self.members:
            member = (
                Member.objects.restrict(user, rights.VIEW)
                .filter(term=session.term_id, name=name)
                .first()
            )
            if member is None:
                raise RowInvalid(_("No member “%(v)s” in this term.") % {"v": name}, "member")
            self.members[key] = member
        return self.members[key]

    def prepare(self, row: dict, user) -> Visit:
        require(row, REQUIRED)
        division = getattr(user, "division", None)
        if division is None or not rights.can_add_to(user, division.pk):
            raise RowInvalid(_("You may not add records for %(d)s.") % {"d": division}, "division")
        session = self._session(row["session"].strip(), user)
        member = self._member(session, row["member"].strip(), user)
        name = row["agency"].strip()
        if name not in self.agencies:
            self.agencies[name] = find_agency(name)
        visited_on = cell_date(row, "visited_on")
        if not session.starts_on <= visited_on <= session.ends_on:
            raise RowInvalid(_("The visit is not within the session."), "visited_on")
        return checked(
            Visit(
                division=division,
                session=session,
                agency=self.agencies[name],
                member=member,
                visited_on=visited_on,
                visitor=(row.get("visitor") or "").strip(),
                created_by=user,
            )
        )

    def write(self, visits: list[Visit]) -> int:
        created = Visit.objects.bulk_create(visits, batch_size=2000)
        audit.record_created(created)
        return len(created)
