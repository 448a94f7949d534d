"""OpenAPI schema corrections applied to every operation (drf-spectacular post-processing).

The generated schema documents only the success answer; the API also answers with errors that
every client must expect. Each operation gets them here, once, in DRF's error shape."""

ERROR = {
    "type": "object",
    "description": "DRF error: `detail`, or a list of messages per field",
    "additionalProperties": True,
}
ERRORS = {
    "400": "The request is invalid (the messages name the fields).",
    "401": "Not signed in.",
    "403": "Signed in, but not allowed.",
    "404": "No such record, or not one you may see.",
    "405": "The method is not allowed here.",
    "429": "Too many requests.",
}


def document_errors(result, generator, request, public):
    """Add the error answers DRF may give to every operation that does not document them."""
    content = {"application/json": {"schema": ERROR}}
    for methods in result.get("paths", {}).values():
        for operation in methods.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            for code, description in ERRORS.items():
                operation["responses"].setdefault(
                    code, {"description": description, "content": content}
                )
    return result
