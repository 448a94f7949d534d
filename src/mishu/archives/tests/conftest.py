import datetime

import pytest

from mishu.core.data.organisation import sync_organisation
from mishu.core.models import Agency, Division, Role
from mishu.documents.testing import advance


@pytest.fixture
def org(db):
    sync_organisation(Division, Agency, Role)
    return {
        "documents": Division.objects.get(code="documents"),
        "media": Division.objects.get(code="media"),
        "secretariat": Agency.objects.get(code="secretariat"),
        "finance": Agency.objects.get(code="finance"),
    }


@pytest.fixture
def closed_doc(org):
    """`closed_doc(division=..., closed_on=...)` → a registered document, closed (存查) on the day."""
    from mishu.documents import services
    from mishu.documents.models import Document

    def make(division=None, closed_on=datetime.date(2019, 7, 10), close=True, **kwargs):
        doc = Document(
            division=division or org["documents"],
            office="secretariat",
            direction="incoming",
            subject=kwargs.pop("subject", "函詢檔案應用事宜"),
            sender=org["finance"],
            received_on=datetime.date(2019, 7, 1),
            speed="ordinary",
            **kwargs,
        )
        services.register(doc)
        if close:
            advance(doc, "assign", "file", on=closed_on)
        doc.refresh_from_db()
        return doc

    return make


@pytest.fixture
def klass(org):
    from mishu.archives.models import ArchiveClass

    def make(division=None, code="0101", retention="10"):
        return ArchiveClass.objects.create(
            division=division or org["documents"], code=code, name="收發文", retention=retention
        )

    return make
