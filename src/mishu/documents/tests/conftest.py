import datetime

import pytest

from mishu.core.data.organisation import sync_organisation
from mishu.core.models import Agency, Division, Role


@pytest.fixture
def org(db):
    sync_organisation(Division, Agency, Role)
    return {"documents": Division.objects.get(code="documents"), "agency": Agency.objects.first()}


@pytest.fixture
def incoming(org):
    """An unsaved incoming ordinary document received on 108/7/1."""
    from mishu.documents.models import Document

    def make(**kwargs):
        values = dict(
            division=org["documents"],
            office="city",
            direction="incoming",
            subject="函詢市政業務",
            sender=org["agency"],
            received_on=datetime.date(2019, 7, 1),
            speed="ordinary",
        )
        values.update(kwargs)
        return Document(**values)

    return make
