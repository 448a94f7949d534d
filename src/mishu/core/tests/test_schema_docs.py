"""The OpenAPI schema describes what the API answers: error codes on every operation, and the
history actions as pages of change-log entries (not as the record)."""

import pytest


@pytest.fixture
def schema(make_user, client_for):
    client = client_for(make_user("documents", ["clerk"]))
    return client.get("/api/schema/?format=json").json()


def test_every_operation_documents_its_error_answers(schema):
    operations = [
        op for methods in schema["paths"].values() for op in methods.values() if "responses" in op
    ]
    assert len(operations) > 100
    for op in operations:
        assert {"400", "401", "403", "404"} <= set(op["responses"]), op["operationId"]


def test_history_actions_are_documented_as_change_log_pages(schema):
    histories = {p: m["get"] for p, m in schema["paths"].items() if p.endswith("/history/")}
    assert len(histories) > 20
    for path, op in histories.items():
        ref = op["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
        page = schema["components"]["schemas"][ref.rsplit("/", 1)[1]]
        assert set(page["properties"]) == {"count", "next", "previous", "results"}, path
        item = page["properties"]["results"]["items"]["$ref"]
        assert item.endswith("/ObjectChange"), path
