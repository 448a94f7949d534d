"""Applications to read or copy archives: the 30-day deadline, a refusal only on a legal ground,
visits under an approval, and the applicant's details masked, logged when seen, never exported."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError

from mishu.archives.models import ApplicantDataAccess, ArchiveApplication
from mishu.archives.services import applications
from mishu.core.models import ObjectChange

D = datetime.date


@pytest.fixture
def clerk(make_user, org):
    return make_user("documents", ["clerk"])


@pytest.fixture
def application(org):
    return ArchiveApplication.objects.create(
        division=org["documents"],
        applicant_name="陳大文",
        applicant_id_no="A123456789",
        purpose="read",
        received_on=D(2019, 9, 2),
        requested="108-0101-000070",
    )


def test_deadline_is_thirty_days_and_a_refusal_needs_its_legal_ground(clerk, application):
    assert application.deadline == D(2019, 10, 2)
    with pytest.raises(ValidationError) as exc:
        applications.decide(clerk, application, False, on=D(2019, 9, 20))
    assert "refusal_reason" in exc.value.message_dict
    app = applications.decide(clerk, application, False, on=D(2019, 9, 20), refusal_reason="18-5")
    assert app.state == "refused" and app.in_time() is True
    with pytest.raises(ValidationError):  # decided once
        applications.decide(clerk, app, True, on=D(2019, 9, 21))


def test_a_late_decision_is_shown_late_and_visits_need_an_approval(clerk, application):
    with pytest.raises(ValidationError):
        applications.record_visit(clerk, application, D(2019, 9, 5))
    app = applications.decide(clerk, application, True, on=D(2019, 10, 3))
    assert app.in_time() is False
    visit = applications.record_visit(clerk, app, D(2019, 10, 7), copies=12)
    assert visit.copies == 12


def test_another_division_cannot_decide(make_user, application):
    with pytest.raises(PermissionDenied):
        applications.decide(make_user("media", ["clerk"]), application, True)


def test_applicant_masked_in_pages_exports_api_and_log(clerk, client_for, api_for, application):
    client = client_for(clerk)
    detail = client.get(application.get_absolute_url()).content.decode()
    assert "陳○○" in detail and "陳大文" not in detail and "A123456789" not in detail
    listing = client.get("/archives/archiveapplications/?export=csv").getvalue().decode("utf-8-sig")
    assert "陳大文" not in listing and "A123456789" not in listing
    edit = client.get(f"/archives/archiveapplications/{application.pk}/edit/").content.decode()
    assert "陳大文" not in edit
    data = api_for(clerk).get(f"/api/archives/applications/{application.pk}/").json()
    assert data["masked_name"] == "陳○○" and "applicant_name" not in data
    change = ObjectChange.objects.get(
        content_type=ContentType.objects.get_for_model(ArchiveApplication),
        object_id=str(application.pk),
        action="create",
    )
    assert change.changes["applicant_name"] == [None, "●●●"]
    assert "A123456789" not in str(change.changes)
    # the reveal needs its own permission, and each view is logged
    assert client.get(f"/archives/applicant/{application.pk}/").status_code == 403
    clerk.user_permissions.add(Permission.objects.get(codename="view_applicant"))
    clerk = clerk.__class__.objects.get(pk=clerk.pk)
    page = client_for(clerk).get(f"/archives/applicant/{application.pk}/").content.decode()
    assert "陳大文" in page and "A123456789" in page
    assert ApplicantDataAccess.objects.filter(application=application, user=clerk).count() == 1


def test_decision_page_in_chinese(clerk, client_for, application):
    client = client_for(clerk)
    r = client.post(
        application.get_absolute_url(),
        {"decision": "refuse", "decided_on": "108/9/20"},
        follow=True,
    )
    assert "檔案法第 18 條" in r.content.decode()
    application.refresh_from_db()
    assert application.state == "pending"
    client.post(
        application.get_absolute_url(),
        {"decision": "refuse", "decided_on": "108/9/20", "refusal_reason": "18-5"},
    )
    application.refresh_from_db()
    assert application.state == "refused" and application.refusal_reason == "18-5"
