"""The council records' staff pages and API endpoints. Every related-object choice (a session's
term, a question's member, a directive's meeting) is restricted to what the user may read."""

from mishu.core.crud import Crud

from .models import CityMeeting, Directive, Member, Question, Session, Term, Visit
from .views import DirectiveDetailView, QuestionDetailView, SessionDetailView


def crud(model, columns, *, filters=(), date_field="", search="", read_only=(), **kw):
    fields = [*model.ENTERED_FIELDS, *read_only]
    return Crud(
        model,
        fields,
        columns,
        filters=["division", *filters],
        date_field=date_field,
        search=search,
        read_only=list(read_only),
        **kw,
    )


CRUDS = [
    crud(Term, ["number", "starts_on", "ends_on"]),
    crud(
        Session,
        ["term", "kind", "number", "starts_on", "ends_on"],
        filters=["term", "kind"],
        date_field="starts_on",
        detail_view=SessionDetailView,
    ),
    crud(Member, ["term", "name", "party", "district"], filters=["term"], search="name"),
    crud(
        Question,
        ["subject", "asked_on", "agency", "due_on", "replied_on"],
        filters=["session", "agency", "kind"],
        date_field="asked_on",
        search="subject",
        detail_view=QuestionDetailView,
    ),
    crud(
        Visit,
        ["visited_on", "agency", "member", "session"],
        filters=["session", "agency"],
        date_field="visited_on",
    ),
    crud(CityMeeting, ["number", "held_on", "paperless"], date_field="held_on"),
    crud(
        Directive,
        ["meeting", "text", "agency", "due_on", "state"],
        filters=["agency", "state"],
        date_field="due_on",
        search="text",
        read_only=("state", "closed_on"),
        detail_view=DirectiveDetailView,
    ),
]
