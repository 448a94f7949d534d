"""The API's request parsers: DRF's own, refusing a body that holds a NUL anywhere.

PostgreSQL cannot store NUL in text or JSON, so a NUL that slips past a field's validators (a JSON
field, a key, a field that is not a model's text field) would end in a 500 at the write. One check
here, on the parsed body, answers every endpoint with a 400 before any field is read."""

from django.http import QueryDict
from rest_framework import parsers
from rest_framework.exceptions import ParseError

from ..validators import MESSAGE


def holds_nul(data) -> bool:
    """Whether any text in `data` (a parsed body: dicts, lists, strings, a QueryDict) holds NUL."""
    if isinstance(data, str):
        return "\x00" in data
    if isinstance(data, QueryDict):
        return any(holds_nul(k) or holds_nul(v) for k, values in data.lists() for v in values)
    if isinstance(data, dict):
        return any(holds_nul(k) or holds_nul(v) for k, v in data.items())
    if isinstance(data, (list, tuple)):
        return any(holds_nul(v) for v in data)
    return False


def nul_errors(data) -> dict:
    """The error answer for a body holding NUL, naming the top-level field that holds it."""
    if isinstance(data, QueryDict):
        data = {k: data.getlist(k) for k in data}
    if isinstance(data, dict):
        for key, value in data.items():
            if holds_nul(value) and not holds_nul(key):
                return {key: [MESSAGE]}
    return {"non_field_errors": [MESSAGE]}


class RefuseNulMixin:
    """Parse as the parent parser does, then refuse the body if it holds a NUL."""

    def parse(self, stream, media_type=None, parser_context=None):
        result = super().parse(stream, media_type, parser_context)
        data = getattr(result, "data", result)  # multipart: DataAndFiles
        files = getattr(result, "files", None)
        if holds_nul(data):
            raise ParseError(nul_errors(data))
        if files is not None and holds_nul([*files, *(f.name for f in files.values())]):
            raise ParseError({"non_field_errors": [MESSAGE]})
        return result


class JSONParser(RefuseNulMixin, parsers.JSONParser):
    pass


class FormParser(RefuseNulMixin, parsers.FormParser):
    pass


class MultiPartParser(RefuseNulMixin, parsers.MultiPartParser):
    pass
