"""No clerk writes into another division through a related field: every form, serializer and
import field that refers to another record offers and accepts only records the clerk may change
(or shared reference data). Forms, API endpoints and import pages are discovered from the URL
conf and the API router, so a new app is covered as soon as it is registered."""

import datetime
import itertools
from decimal import Decimal

import pytest
from django import forms
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from rest_framework import serializers
from rest_framework.request import Request

from mishu.core import permissions as rights
from mishu.core.imports import RowInvalid, check_references, run_import
from mishu.core.models import Division
from mishu.core.views.generic import ObjectEditView
from mishu.core.views.imports import ObjectImportView

CLERK_DIVISION = "media"  # the clerk who tries
OTHER_DIVISION = "general-affairs"  # owns the records the clerk must not reach

_serial = itertools.count(1)


def _value(field):
    """A plausible value for a required field of a record made for this test."""
    n = next(_serial)
    if field.choices:
        return field.choices[0][0]
    if isinstance(field, models.DateTimeField):
        return timezone.now()
    if isinstance(field, models.DateField):
        return datetime.date(2019, 7, 1)
    if isinstance(field, models.TimeField):
        return datetime.time(9, 0)
    if isinstance(field, models.DecimalField):
        return Decimal(1)
    if isinstance(field, (models.IntegerField, models.FloatField)):
        return 1
    if isinstance(field, models.BooleanField):
        return False
    if isinstance(field, models.EmailField):
        return f"x{n}@example.gov.tw"
    if isinstance(field, models.JSONField):
        return {}
    if isinstance(field, (models.CharField, models.TextField)):
        return f"T{n}"[: field.max_length or 20]
    return None


def _owned_record(model, division, made):
    """A saved record of `model` owned by `division`, its own parents made the same way."""
    if model in made:
        return made[model]
    values = {}
    for field in model._meta.concrete_fields:
        if field.primary_key or field.name in ("created", "last_updated"):
            continue
        if field.is_relation:
            if field.related_model is Division:
                values[field.name] = division
            elif field.null:
                continue
            elif hasattr(field.related_model, "division_path"):
                values[field.name] = _owned_record(field.related_model, division, made)
            else:  # shared reference data (an agency ...): any will do
                values[field.name] = field.related_model._default_manager.first()
            continue
        if field.has_default() or field.null or (field.blank and not field.choices):
            continue
        values[field.name] = _value(field)
    made[model] = model.objects.create(**values)
    return made[model]


def _guarded_targets():
    """Models a related field may point at only when the user may change the record."""
    return [
        m
        for m in apps.get_models()
        if getattr(m, "division_path", None) not in (None, "pk")
        and not getattr(m, "is_reference_data", False)
    ]


@pytest.fixture
def foreign(db):
    """One record of every guarded model, all owned by another division."""
    other = Division.objects.get(code=OTHER_DIVISION)
    made = {}
    for model in _guarded_targets():
        if any(
            f.is_relation and f.related_model is model
            for m in apps.get_models()
            for f in m._meta.concrete_fields
        ):
            _owned_record(model, other, made)
    return made


def _patterns(patterns):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _patterns(p.url_patterns)
        elif isinstance(p, URLPattern):
            yield p


def _view_classes(base):
    seen = []
    for p in _patterns(get_resolver().url_patterns):
        cls = getattr(p.callback, "view_class", None)
        if cls is not None and issubclass(cls, base) and cls not in seen:
            seen.append((cls, p.callback.view_initkwargs))
    return seen


def _edit_views():
    """Every add/edit page of the URL conf, with the model it edits."""
    found = {}
    for p in _patterns(get_resolver().url_patterns):
        cls = getattr(p.callback, "view_class", None)
        if cls is None or not issubclass(cls, ObjectEditView) or "pk" in str(p.pattern):
            continue
        model = p.callback.view_initkwargs.get("model") or cls.model
        found[(cls, model)] = p
    return found


@pytest.fixture
def strangers(db, make_user):
    """People a clerk may not name as handler or assignee: another division's active user and
    an inactive user of the clerk's own division."""
    other = make_user(OTHER_DIVISION, ["clerk"])
    gone = make_user(CLERK_DIVISION, ["clerk"], is_active=False)
    return [other, gone]


def _is_foreign(obj, clerk):
    """Whether a choice is a record the clerk may not point at."""
    model = type(obj)
    if model is Division:
        return False  # the owner field is checked separately
    if rights.is_person(model):
        return not (obj.is_active and obj.division_id == clerk.division_id)
    return model in _guarded_targets() and not rights.can(clerk, rights.CHANGE, obj)


def test_every_add_form_offers_only_records_the_clerk_may_change(foreign, strangers, make_user):
    clerk = make_user(CLERK_DIVISION, ["clerk"])
    views = _edit_views()
    assert len(views) > 30
    checked = people = 0
    for cls, model in views:
        view = cls(model=model) if cls.model is None else cls()
        view.request = RequestFactory().get("/")
        view.request.user = clerk
        view.kwargs = {}
        view.action = rights.ADD
        try:
            instance = view.get_instance()
        except (PermissionDenied, Http404):  # a page the clerk may not open offers nothing
            continue  # (Http404: records made only by their own step, e.g. archive items by filing)
        form = view.get_form(instance)
        for name, field in form.fields.items():
            if not isinstance(field, forms.ModelChoiceField):
                continue
            checked += 1
            people += rights.is_person(field.queryset.model)
            choices = list(field.queryset)
            offered = [o for o in choices if _is_foreign(o, clerk)]
            assert not offered, f"{model.__name__}.{name} offers {offered}"
            if name == "division":
                assert [d.code for d in choices] == [CLERK_DIVISION], model.__name__
    assert checked > 40 and people > 0


def test_a_forbidden_record_posted_to_a_form_is_refused_like_a_missing_one(
    foreign, make_user, client_for
):
    from mishu.venues.models import Venue

    clerk = make_user(CLERK_DIVISION, ["clerk"])
    client = client_for(clerk)
    venue = foreign[Venue]
    response = client.post("/venues/venuerates/add/", {"venue": venue.pk})
    missing = client.post("/venues/venuerates/add/", {"venue": 999999})
    assert response.status_code == 200
    assert response.context["form"].errors["venue"] == missing.context["form"].errors["venue"]


def _api_endpoints():
    from mishu.api import router

    return [(prefix, viewset) for prefix, viewset, _basename in router.registry]


def _related_fields(serializer):
    serializer = getattr(serializer, "child", serializer)
    for name, field in getattr(serializer, "fields", {}).items():
        if isinstance(field, serializers.BaseSerializer):
            yield from _related_fields(field)
            continue
        relation = getattr(field, "child_relation", field)
        if isinstance(relation, serializers.RelatedField) and not field.read_only:
            yield name, relation


def test_every_serializer_accepts_only_records_the_clerk_may_change(foreign, strangers, make_user):
    clerk = make_user(CLERK_DIVISION, ["clerk"])
    endpoints = _api_endpoints()
    assert len(endpoints) > 40
    checked = people = 0
    for prefix, viewset in endpoints:
        for action in ("create", "partial_update"):
            if not hasattr(viewset, action):
                continue
            view = viewset(action=action, format_kwarg=None)
            request = Request(RequestFactory().post("/"))
            request.user = clerk
            view.request = request
            view.args, view.kwargs = (), {}
            try:
                serializer = view.get_serializer()
            except (AssertionError, KeyError):  # endpoints that need a URL argument
                continue
            for name, relation in _related_fields(serializer):
                checked += 1
                people += rights.is_person(relation.get_queryset().model)
                choices = list(relation.get_queryset())
                offered = [o for o in choices if _is_foreign(o, clerk)]
                assert not offered, f"{prefix} {action} {name} accepts {offered}"
                if name == "division":
                    assert [d.code for d in choices] == [CLERK_DIVISION], prefix
    assert checked > 40 and people > 0


def test_the_api_refuses_a_rate_on_another_divisions_venue_as_if_it_did_not_exist(
    foreign, make_user, api_for
):
    from mishu.venues.models import Venue, VenueRate

    clerk = make_user(CLERK_DIVISION, ["clerk"])
    api = api_for(clerk)
    venue = foreign[Venue]
    before = VenueRate.objects.count()
    forbidden = api.post("/api/venues/venuerates/", {"venue": venue.pk}, format="json")
    missing = api.post("/api/venues/venuerates/", {"venue": 999999}, format="json")
    assert forbidden.status_code == missing.status_code == 400
    assert "無權" in forbidden.json()["venue"][0]
    assert forbidden.json()["venue"][0].replace(str(venue.pk), "?") == missing.json()["venue"][
        0
    ].replace("999999", "?")
    assert VenueRate.objects.count() == before


def test_every_import_page_checks_the_records_its_rows_refer_to(foreign, make_user):
    """Every import page runs through `run_import` with the user, whose net refuses any prepared
    record that points outside the user's rights."""
    views = _view_classes(ObjectImportView)
    assert len(views) >= 8
    for cls, _initkwargs in views:
        assert cls.post is ObjectImportView.post or "run_import" in cls.post.__code__.co_names, cls
    from mishu.properties.models import FuelLog, Vehicle

    clerk = make_user(CLERK_DIVISION, ["clerk"])
    vehicle = foreign[Vehicle]
    log = FuelLog(
        division=clerk.division, vehicle=vehicle, date=datetime.date(2019, 7, 1), litres=10
    )
    with pytest.raises(RowInvalid):
        check_references(log, clerk)
    result = run_import([{"_row": 2}], lambda row: log, lambda items: len(items), user=clerk)
    assert not result.ok and result.written == 0
    assert result.errors[0].column == "vehicle"


@pytest.mark.parametrize(
    "path, row, column",
    [
        (
            "properties:fuellog_import",
            {"vehicle": "{plate}", "date": "108/7/1", "litres": "10"},
            "vehicle",
        ),
        (
            "building:meterreading_import",
            {"meter": "{meter}", "month": "108-07", "reading": "10"},
            "meter",
        ),
    ],
)
def test_an_import_row_naming_another_divisions_record_reads_as_unknown(
    foreign, make_user, client_for, path, row, column
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from mishu.building.models import Meter
    from mishu.properties.models import Vehicle

    clerk = make_user(CLERK_DIVISION, ["clerk"])
    client = client_for(clerk)
    names = {"plate": foreign[Vehicle].plate, "meter": foreign[Meter].name}

    def upload(values):
        text = ",".join(values) + "\n" + ",".join(v.format(**values_map) for v in values.values())
        return SimpleUploadedFile("rows.csv", text.encode(), content_type="text/csv")

    values_map = names
    forbidden = client.post(reverse(path), {"file": upload(row)}).context["result"]
    values_map = {"plate": "NO-SUCH", "meter": "NO-SUCH"}
    missing = client.post(reverse(path), {"file": upload(row)}).context["result"]
    assert forbidden.written == 0
    [error] = forbidden.errors
    assert error.column == column
    assert error.message.replace(names["plate"], "?").replace(names["meter"], "?") == (
        missing.errors[0].message.replace("NO-SUCH", "?")
    )


def test_an_import_names_only_people_the_clerk_may_choose(strangers, make_user):
    """A handler in an imported row must be an active user of the clerk's own division: another
    division's user and a departed colleague read as unknown, a colleague is accepted."""
    from mishu.documents.importing import validate

    clerk = make_user(CLERK_DIVISION, ["clerk"])
    colleague = make_user(CLERK_DIVISION, ["clerk"])
    row = {"office": "本處", "direction": "收文", "division": CLERK_DIVISION, "subject": "函"}
    row.update(received_on="108/7/1", project_control="否")
    rows = [
        {**row, "_row": n, "handler": person.username}
        for n, person in enumerate([colleague, *strangers], 2)
    ]
    _prepared, errors = validate(rows, clerk)
    assert [e.row for e in errors if e.column == "handler"] == [3, 4]
