"""Importing monthly figures: every row checked, nothing written when one is bad."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mishu.consultations.models import ProfessionalConsultation

pytestmark = pytest.mark.django_db


def _upload(client, text):
    f = SimpleUploadedFile("in.csv", text.encode("utf-8"), content_type="text/csv")
    return client.post(reverse("consultations:professionalconsultation_import"), {"file": f})


def test_import_all_or_nothing(make_user, client_for):
    client = client_for(make_user("citizen-services", ["clerk"]))
    assert client.get(reverse("consultations:professionalconsultation_import")).status_code == 200
    bad = (
        "division,date,field,count,adviser\n"
        "citizen-services,108/7/1,法律諮詢,32,律師公會\n"
        "citizen-services,108/7/2,算命諮詢,3,\n"
        "citizen-services,108/7/3,legal,x,\n"
    )
    r = _upload(client, bad)
    assert r.status_code == 200 and not ProfessionalConsultation.objects.exists()
    errors = [(e.row, e.column) for e in r.context["result"].errors]
    assert errors == [(3, "field"), (4, "count")]
    assert "算命諮詢" in r.content.decode()
    good = 'division,date,field,count,adviser\ncitizen-services,108/7/1,法律諮詢,"1,032",公會\n'
    _upload(client, good)
    row = ProfessionalConsultation.objects.get()
    assert row.field == "legal" and row.count == 1032
