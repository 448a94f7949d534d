"""Open311 GeoReport v2 (JSON): services, requests and one request, from the petition cases.
Read-only; citizens file through the public form.

Only what is meant to be public is published: the service (the competent agency, whose code is
a request's `service_code`), the status, the dates and a summary a clerk wrote and approved
(`public_summary`; empty until then). Never the citizen's own subject or text, which may hold
names and phone numbers. Every route is rate-limited per client address like the public forms.
"""

import datetime

from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from mishu.core import formats, ratelimit
from mishu.core.models import Agency

from ..choices import Status
from ..models import PetitionCase

MAX_REQUESTS = 1000
DEFAULT_DAYS = 90
CLOSED = (Status.CLOSED, Status.DECLINED, Status.REPLIED)


def _error(code: int, description: str):
    return JsonResponse([{"code": code, "description": description}], safe=False, status=code)


def throttled(view):
    """Answer 429 (in Open311's error format) once the client has used its allowance."""

    def wrapper(request, *args, **kwargs):
        if not ratelimit.hit(request, "open311"):
            response = _error(429, "Too many requests; please slow down.")
            response["Retry-After"] = str(ratelimit.window("open311"))
            return response
        return view(request, *args, **kwargs)

    wrapper.__name__, wrapper.__doc__ = view.__name__, view.__doc__
    return wrapper


@require_GET
@throttled
def services_list(request, fmt="json"):
    if fmt != "json":
        return _error(400, "Only the json format is served.")
    data = [
        {
            "service_code": a.code,
            "service_name": a.short_name,
            "description": a.name,
            "metadata": False,
            "type": "realtime",
            "keywords": "",
            "group": "陳情",
        }
        for a in Agency.objects.filter(active=True).order_by("order", "code")
    ]
    return JsonResponse(data, safe=False)


def _at(day: datetime.date | None):
    if day is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9))).isoformat()


def _request(case: PetitionCase) -> dict:
    return {
        "service_request_id": case.number,
        "status": "closed" if case.status in CLOSED else "open",
        "status_notes": case.get_status_display(),
        "service_name": case.agency.short_name if case.agency else "",
        "service_code": case.agency.code if case.agency else "",
        "description": case.public_summary if case.public_summary_approved_at else "",
        "agency_responsible": case.agency.name if case.agency else "",
        "service_notice": "",
        "requested_datetime": _at(case.received_on),
        "updated_datetime": case.last_updated.isoformat(),
        "expected_datetime": _at(case.deadline),
        "address": "",
        "zipcode": "",
    }


def _date(text):
    try:
        day = datetime.datetime.fromisoformat(text).date()
    except ValueError:
        return None
    return day if formats.in_range(day) else None


@require_GET
@throttled
def requests_list(request, fmt="json"):
    if fmt != "json":
        return _error(400, "Only the json format is served.")
    q = request.GET
    qs = PetitionCase.objects.select_related("agency")
    if q.get("service_request_id"):
        qs = qs.filter(number__in=[n.strip() for n in q["service_request_id"].split(",")])
    else:
        end = _date(q["end_date"]) if q.get("end_date") else timezone.localdate()
        start = (
            _date(q["start_date"])
            if q.get("start_date")
            else (end and end - datetime.timedelta(days=DEFAULT_DAYS))
        )
        if start is None or end is None:
            return _error(400, "start_date and end_date must be w3c dates.")
        qs = qs.filter(received_on__range=(start, end))
    if q.get("service_code"):
        qs = qs.filter(agency__code__in=q["service_code"].split(","))
    if q.get("status") in ("open", "closed"):
        qs = (
            qs.filter(status__in=CLOSED)
            if q["status"] == "closed"
            else qs.exclude(status__in=CLOSED)
        )
    return JsonResponse([_request(c) for c in qs[:MAX_REQUESTS]], safe=False)


@require_GET
@throttled
def request_detail(request, number, fmt="json"):
    if fmt != "json":
        return _error(400, "Only the json format is served.")
    case = PetitionCase.objects.select_related("agency").filter(number=number).first()
    if case is None:
        return _error(404, "No such service request.")
    return JsonResponse([_request(case)], safe=False)
