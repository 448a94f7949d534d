"""Staff pages, API and exports never show personal data unmasked; revealing it is logged."""

from urllib.parse import quote

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from mishu.petitions.models import PersonalDataAccess

from .factories import agency, file_case

pytestmark = pytest.mark.django_db
NAME, PHONE = "王小明", "0912-345-678"


def _grant(user):
    user.user_permissions.add(Permission.objects.get(codename="view_petitioner"))
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(pk=user.pk)  # drop the permission cache


def test_list_detail_and_exports_mask_the_petitioner(make_user, client_for):
    case = file_case()
    client = client_for(make_user("confidential", ["clerk"]))
    for url in (
        reverse("petitions:petitioncase_list"),
        case.get_absolute_url(),
        reverse("petitions:petitioncase_list") + "?export=csv",
        reverse("petitions:petitioncase_history", args=[case.pk]),
    ):
        r = client.get(url)
        assert r.status_code == 200, url
        body = r.getvalue().decode()  # an export streams
        assert NAME not in body and PHONE not in body, url
    assert "王○○" in client.get(case.get_absolute_url()).content.decode()


def test_revealing_needs_the_permission_and_is_logged(make_user, client_for):
    case = file_case()
    clerk = make_user("confidential", ["clerk"])
    url = reverse("petitions:case_petitioner", args=[case.pk])
    assert client_for(clerk).get(url).status_code == 403
    clerk = _grant(clerk)
    body = client_for(clerk).get(url).content.decode()
    assert NAME not in body and not PersonalDataAccess.objects.exists()  # purpose asked first
    body = client_for(clerk).get(url + "?purpose=回電").content.decode()
    assert NAME in body and PHONE in body
    access = PersonalDataAccess.objects.get()
    assert access.user == clerk and access.case == case and access.purpose == "回電"
    supervisor = make_user("confidential", ["supervisor"])
    log = client_for(supervisor).get(reverse("petitions:access_log")).content.decode()
    assert case.number in log


def test_other_divisions_see_nothing(make_user, client_for):
    case = file_case()
    client = client_for(make_user("media", ["clerk"]))
    assert client.get(case.get_absolute_url()).status_code == 404


def test_staff_files_and_moves_a_case(make_user, client_for):
    client = client_for(make_user("confidential", ["clerk"]))
    division = make_user("confidential").division
    r = client.post(
        reverse("petitions:petitioncase_add"),
        {
            "division": division.pk,
            "channel": "letter",
            "received_on": "108/07/01",
            "subject": "人行道破損",
            "petitioner_name": NAME,
            "time_limit": 6,
        },
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    from mishu.petitions.models import PetitionCase

    case = PetitionCase.objects.get(subject="人行道破損")
    action_url = reverse("petitions:case_action", args=[case.pk])
    client.post(action_url, {"action": "assigned", "agency": agency("工務局").pk})
    case.refresh_from_db()
    assert case.status == "assigned"
    r = client.post(action_url, {"action": "replied"}, follow=True)
    assert "reply" in r.content.decode().lower() or "回覆" in r.content.decode()
    case.refresh_from_db()
    assert case.status == "assigned"


def test_api_masks_and_acts(make_user, api_for):
    case = file_case()
    api = api_for(make_user("confidential", ["clerk"]))
    r = api.get("/api/petitions/cases/")
    assert r.status_code == 200
    text = r.content.decode()
    assert NAME not in text and PHONE not in text and "王○○" in text
    r = api.post(f"/api/petitions/cases/{case.pk}/act/", {"action": "closed"}, format="json")
    assert r.status_code == 400
    r = api.post(
        f"/api/petitions/cases/{case.pk}/act/",
        {"action": "assigned", "agency": agency().pk},
        format="json",
    )
    assert r.status_code == 200 and r.json()["status"] == "assigned"
    assert api.get(f"/api/petitions/cases/{case.pk}/events/").json()[-1]["action"] == "assigned"


def test_statistics_and_export(make_user, client_for):
    from mishu.petitions.services import act

    case = file_case()
    act(case, "assigned", agency=agency())
    act(case, "replied", reply="ok", on=case.received_on)
    client = client_for(make_user("confidential", ["clerk"]))
    r = client.get(reverse("petitions:statistics") + "?period=108H2")
    assert r.status_code == 200 and "都發局" in r.content.decode()
    for fmt in ("csv", "xlsx", "ods"):
        r = client.get(reverse("petitions:statistics") + f"?period=108H2&export={fmt}")
        assert r.status_code == 200 and r["Content-Disposition"].endswith(f'.{fmt}"')
        # named by what and when: 陳情統計_108年下半年_<today>.<fmt>
        assert quote("_108年下半年_") in r["Content-Disposition"]
    r = client.get(reverse("petitions:statistics") + "?period=nonsense")
    assert r.status_code == 200


def test_case_list_query_count_does_not_grow_with_cases(
    make_user, client_for, django_assert_max_num_queries
):
    from mishu.petitions import demo

    demo.load()  # 1,321 cases
    client = client_for(make_user("confidential", ["clerk"]))
    client.get(reverse("petitions:petitioncase_list"))  # warm caches (session, content types)
    with django_assert_max_num_queries(15):
        assert client.get(reverse("petitions:petitioncase_list")).status_code == 200


def test_a_repeat_of_another_divisions_case_reads_as_an_unknown_number(make_user, client_for):
    from mishu.core.models import Division
    from mishu.petitions import services

    own = file_case()
    other, _pw = services.file_case(
        division=Division.objects.get(code="media"),
        user=None,
        channel="mailbox",
        received_on=own.received_on,
        subject="他組案件",
    )
    client = client_for(make_user("confidential", ["clerk"]))
    data = {"division": own.division_id, "channel": own.channel, "subject": own.subject}
    url = reverse("petitions:petitioncase_edit", args=[own.pk])
    refused = client.post(url, {**data, "repeat_of": other.number})
    unknown = client.post(url, {**data, "repeat_of": "A999999999"})
    message = refused.context["form"].errors["repeat_of"][0]
    assert message.replace(other.number, "?") == unknown.context["form"].errors["repeat_of"][
        0
    ].replace("A999999999", "?")
    own.refresh_from_db()
    assert own.repeat_of is None
    assert client.post(url, {**data, "repeat_of": file_case().number.lower()}).status_code == 302
