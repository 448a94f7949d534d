"""The petition list's first page is read in its order from an index (bench/README.md)."""

import pytest

from mishu.documents.tests.test_list_indexes import index_columns, order_columns
from mishu.petitions.models import PetitionCase


@pytest.mark.django_db
def test_petition_list_order_has_an_index():
    assert order_columns(PetitionCase) == ["received_on", "id"]
    assert order_columns(PetitionCase) in index_columns(PetitionCase)
