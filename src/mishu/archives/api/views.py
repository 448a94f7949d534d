"""The archives' API: the record types of `registry.CRUDS`, plus filing a closed document into a
case file and taking a destruction list's review steps (through the same services as the pages)."""

from django.core.exceptions import PermissionDenied, ValidationError
from rest_framework import exceptions, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from mishu.core import permissions as rights
from mishu.core.api.viewsets import RestrictedModelViewSet

from .. import workflow
from ..services import destruction, filing


def _raise(exc: ValidationError):
    raise exceptions.ValidationError(
        exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
    )


class FileSerializer(serializers.Serializer):
    document = serializers.IntegerField()
    volume_no = serializers.IntegerField(min_value=1, default=1)


class StepSerializer(serializers.Serializer):
    step = serializers.ChoiceField(choices=list(workflow.TRANSITIONS))
    on = serializers.DateField(required=False)
    approval_no = serializers.CharField(required=False, allow_blank=True, max_length=60)
    method = serializers.CharField(required=False, allow_blank=True, max_length=100)
    witness = serializers.CharField(required=False, allow_blank=True, max_length=100)
    note = serializers.CharField(required=False, allow_blank=True, max_length=500)


def file(self, request, pk=None):
    """File a closed document of the case file's division as its next item."""
    from mishu.documents.models import Document

    case = self.get_object()
    data = FileSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    doc = (
        Document.objects.restrict(request.user, rights.VIEW)
        .filter(pk=data.validated_data["document"])
        .first()
    )
    if doc is None:
        raise exceptions.ValidationError({"document": ["查無此公文。"]})
    try:
        item = filing.file_document(
            request.user, doc, case, volume_no=data.validated_data["volume_no"]
        )
    except ValidationError as exc:
        _raise(exc)
    except PermissionDenied as exc:
        raise exceptions.PermissionDenied() from exc
    return Response({"id": item.pk, "file_code": item.file_code}, status=201)


def step(self, request, pk=None):
    """Take a review step of the destruction list (see workflow.TRANSITIONS)."""
    dlist = self.get_object()
    data = StepSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    v = dict(data.validated_data)
    name = v.pop("step")
    try:
        obj = destruction.step(
            request.user, dlist, name, on=v.pop("on", None), note=v.pop("note", ""), **v
        )
    except ValidationError as exc:
        _raise(exc)
    except PermissionDenied as exc:
        raise exceptions.PermissionDenied() from exc
    return Response(self.get_serializer(obj).data)


def _receive(self, serializer):
    """A list posted to the API is an agency's list received; its steps come afterwards."""
    from ..choices import ListSource, ListState

    serializer.validated_data.update(source=ListSource.AGENCY, state=ListState.RECEIVED)
    return RestrictedModelViewSet.perform_create(self, serializer)


DESCRIBE_ONLY = ["get", "put", "patch", "delete", "head", "options"]

EXTRA_ACTIONS = {
    # items are made by filing (POST case-files/<id>/file/); here they are read and described
    "ArchiveItem": {"http_method_names": DESCRIBE_ONLY},
    "Transfer": {"http_method_names": DESCRIBE_ONLY},
    "CaseFile": {
        "file": action(detail=True, methods=["post"], url_path="file")(file),
    },
    "DestructionList": {
        "perform_create": _receive,
        "step": action(detail=True, methods=["post"], url_path="step")(step),
    },
}


def register_all(router):
    from ..registry import CRUDS

    for crud in CRUDS:
        viewset = crud.viewset()
        extra = EXTRA_ACTIONS.get(crud.model.__name__)
        if extra:
            viewset = type(viewset.__name__, (viewset,), extra)
        router.register(
            f"archives/{crud.api_prefix or crud.name + 's'}",
            viewset,
            basename=f"archives-{crud.name}",
        )
