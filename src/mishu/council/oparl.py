"""A read-only public view of the council data shaped after OParl 1.1 (https://oparl.org), the
open standard for council information systems: System → Body (臺北市議會) → Person (members),
Meeting (sessions), Paper (questions with their written replies) and AgendaItem (a session's
questions in order). Lists are paginated as OParl asks (`data`, `pagination`, `links`).

Only what the council itself publishes is shown: no directive, visit or city-meeting record.
"""

from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.urls import path, reverse

from .models import Member, Question, Session

SCHEMA = "https://schema.oparl.org/1.1/"
PAGE = 100


def _url(request, name, *args):
    return request.build_absolute_uri(reverse(f"council:oparl_{name}", args=args))


def _date(d):
    return d.isoformat() if d else None


def _body_id(request):
    return _url(request, "body")


def person(request, m: Member) -> dict:
    return {
        "id": _url(request, "person", m.pk),
        "type": SCHEMA + "Person",
        "body": _body_id(request),
        "name": m.name,
        "affix": m.party,
        "location": m.district or None,
        "created": m.created.isoformat(),
        "modified": m.last_updated.isoformat(),
    }


def meeting(request, s: Session) -> dict:
    return {
        "id": _url(request, "meeting", s.pk),
        "type": SCHEMA + "Meeting",
        "name": str(s),
        "start": _date(s.starts_on),
        "end": _date(s.ends_on),
        "agendaItem": [
            agenda_item(request, q, n) for n, q in enumerate(_questions().filter(session=s), 1)
        ],
        "created": s.created.isoformat(),
        "modified": s.last_updated.isoformat(),
    }


def paper(request, q: Question) -> dict:
    return {
        "id": _url(request, "paper", q.pk),
        "type": SCHEMA + "Paper",
        "body": _body_id(request),
        "name": q.subject,
        "paperType": q.get_kind_display(),
        "date": _date(q.asked_on),
        "originatorPerson": [_url(request, "person", q.member_id)] if q.member_id else [],
        "underDirectionOf": [str(q.agency)],
        "consultation": [{"meeting": _url(request, "meeting", q.session_id)}],
        "mishu:replyDue": _date(q.due_on),
        "mishu:repliedOn": _date(q.replied_on),
        "mishu:reply": q.reply or None,
        "created": q.created.isoformat(),
        "modified": q.last_updated.isoformat(),
    }


def agenda_item(request, q: Question, number: int) -> dict:
    return {
        "id": _url(request, "agendaitem", q.pk),
        "type": SCHEMA + "AgendaItem",
        "meeting": _url(request, "meeting", q.session_id),
        "number": str(number),
        "name": q.subject,
        "public": True,
        "consultation": _url(request, "paper", q.pk),
    }


def _questions():
    return Question.objects.select_related("agency").order_by("session", "asked_on", "pk")


def _list(request, qs, render, name):
    page = Paginator(qs, PAGE).get_page(request.GET.get("page"))
    links = {}
    if page.has_next():
        links["next"] = f"{_url(request, name)}?page={page.next_page_number()}"
    return JsonResponse(
        {
            "data": [render(request, obj) for obj in page.object_list],
            "pagination": {
                "totalElements": page.paginator.count,
                "elementsPerPage": PAGE,
                "currentPage": page.number,
                "totalPages": page.paginator.num_pages,
            },
            "links": links,
        },
        json_dumps_params={"ensure_ascii": False},
    )


def _one(qs, pk, render, request):
    obj = qs.filter(pk=pk).first()
    if obj is None:
        raise Http404
    return JsonResponse(render(request, obj), json_dumps_params={"ensure_ascii": False})


def system(request):
    return JsonResponse(
        {
            "id": _url(request, "system"),
            "type": SCHEMA + "System",
            "oparlVersion": SCHEMA,
            "name": "臺北市政府秘書處 議事資料",
            "body": _url(request, "bodies"),
        },
        json_dumps_params={"ensure_ascii": False},
    )


def json_body(request) -> dict:
    return {
        "id": _body_id(request),
        "type": SCHEMA + "Body",
        "system": _url(request, "system"),
        "name": "臺北市議會",
        "shortName": "市議會",
        "person": _url(request, "persons"),
        "meeting": _url(request, "meetings"),
        "paper": _url(request, "papers"),
        "agendaItem": _url(request, "agendaitems"),
    }


def body(request):
    return JsonResponse(json_body(request), json_dumps_params={"ensure_ascii": False})


def bodies(request):
    """The list of bodies: the one council."""
    return JsonResponse(
        {
            "data": [json_body(request)],
            "pagination": {
                "totalElements": 1,
                "elementsPerPage": 1,
                "currentPage": 1,
                "totalPages": 1,
            },
            "links": {},
        },
        json_dumps_params={"ensure_ascii": False},
    )


def _number(q: Question) -> int:
    """The question's place in its session's agenda (by date, then entry)."""
    earlier = Question.objects.filter(session=q.session_id)
    return (
        earlier.filter(asked_on__lt=q.asked_on).count()
        + earlier.filter(asked_on=q.asked_on, pk__lte=q.pk).count()
    )


def numbered_item(request, q: Question) -> dict:
    return agenda_item(request, q, _number(q))


def _sessions():
    return Session.objects.select_related("term").order_by("starts_on", "pk")


def _members():
    return Member.objects.order_by("pk")


def persons(request):
    return _list(request, _members(), person, "persons")


def one_person(request, pk):
    return _one(_members(), pk, person, request)


def meetings(request):
    return _list(request, _sessions(), meeting, "meetings")


def one_meeting(request, pk):
    return _one(_sessions(), pk, meeting, request)


def papers(request):
    return _list(request, _questions(), paper, "papers")


def one_paper(request, pk):
    return _one(_questions(), pk, paper, request)


def agendaitems(request):
    return _list(request, _questions(), numbered_item, "agendaitems")


def one_agendaitem(request, pk):
    return _one(_questions(), pk, numbered_item, request)


urlpatterns = [
    path("", system, name="oparl_system"),
    path("bodies/", bodies, name="oparl_bodies"),
    path("body/", body, name="oparl_body"),
    path("persons/", persons, name="oparl_persons"),
    path("persons/<int:pk>/", one_person, name="oparl_person"),
    path("meetings/", meetings, name="oparl_meetings"),
    path("meetings/<int:pk>/", one_meeting, name="oparl_meeting"),
    path("papers/", papers, name="oparl_papers"),
    path("papers/<int:pk>/", one_paper, name="oparl_paper"),
    path("agendaitems/", agendaitems, name="oparl_agendaitems"),
    path("agendaitems/<int:pk>/", one_agendaitem, name="oparl_agendaitem"),
]
