"""The register's pages are read in its order from an index, not by sorting every document of
the unit (at 3,500 萬 documents a sort of one unit's 350 萬 takes seconds; bench/README.md)."""

import pytest
from django.db import connection

from mishu.documents.models import Document


def index_columns(model) -> list[list[str]]:
    """The column lists of the indexes the database has on `model`'s table."""
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, model._meta.db_table)
    return [c["columns"] for c in found.values() if c["index"] and not c["primary_key"]]


def order_columns(model) -> list[str]:
    fields = [name.lstrip("-") for name in model._meta.ordering]
    return [model._meta.pk.column if f == "pk" else model._meta.get_field(f).column for f in fields]


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", [[], ["division_id"]], ids=["whole register", "one unit"])
def test_register_order_has_an_index(prefix):
    assert order_columns(Document) == ["registered_on", "id"]
    assert [*prefix, *order_columns(Document)] in index_columns(Document)


@pytest.mark.django_db
def test_the_reports_month_question_on_closing_has_an_index():
    """The report asks, month by month, whether any document was closed in it
    (`timeliness.months_with_statistics`): at 3,500 萬 documents without an index on the closing
    date that read the register (15 s)."""
    assert ["closed_on"] in index_columns(Document)


@pytest.mark.django_db
def test_the_closing_date_index_holds_closed_documents_only():
    """An index of every document's closing date is one PostgreSQL prefers for the overdue
    list's `closed_on IS NULL` over the open documents' own index (0.4 s instead of 3 ms at
    3,500 萬): the closing-date index leaves the open documents out."""
    index = next(i for i in Document._meta.indexes if i.name == "documents_closed_on")
    assert index.condition is not None and ("closed_on__isnull", False) in index.condition.children
