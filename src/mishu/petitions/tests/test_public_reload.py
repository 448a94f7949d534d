"""The public petition form is safe to reload: post/redirect/get, one filing per form sent
however often, a limit that counts filings and not typing mistakes, the personal-data notice,
contact fields a phone fills in."""

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from mishu.core.testing import post_public_form
from mishu.petitions.models import PetitionCase

from .test_public import FORM

pytestmark = pytest.mark.django_db
URL = "/petitions/public/"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def test_a_filing_redirects_to_its_confirmation_and_a_reload_files_nothing(client):
    token = client.get(URL).context["form_token"]
    response = client.post(URL, {**FORM, "form_token": token})
    assert response.status_code == 302
    assert response["Location"] == reverse("petitions:public_received")
    case = PetitionCase.objects.get()
    for _reload in range(2):
        page = client.get(response["Location"])
        assert page.status_code == 200
        assert case.number in page.content.decode()
        assert page.context["password"]
    assert PetitionCase.objects.count() == 1


def test_the_same_form_sent_twice_files_one_petition(client):
    token = client.get(URL).context["form_token"]
    first = client.post(URL, {**FORM, "form_token": token})
    again = client.post(URL, {**FORM, "form_token": token})  # double click, or back and resend
    assert first.status_code == again.status_code == 302
    assert again["Location"] == first["Location"]
    assert PetitionCase.objects.count() == 1
    # a new form (a new token) is a new petition
    assert post_public_form(client, URL, FORM).status_code == 200
    assert PetitionCase.objects.count() == 2


def test_a_made_up_or_missing_token_files_nothing_and_keeps_what_was_typed(client):
    for token in ("", "forged:token"):
        response = client.post(URL, {**FORM, "form_token": token})
        assert response.status_code == 400
        assert "路燈不亮" in response.content.decode()
        assert response.context["form_token"] not in ("", "forged:token")
    assert not PetitionCase.objects.exists()


@override_settings(MISHU={"PUBLIC_RATE_LIMITS": {"file": (2, 60), "file_invalid": (5, 60)}})
def test_typing_mistakes_do_not_use_up_the_filings(client):
    for _mistake in range(4):  # a citizen getting the form wrong a few times
        assert post_public_form(client, URL, {**FORM, "subject": ""}).status_code == 400
    assert post_public_form(client, URL, FORM).status_code == 200
    assert post_public_form(client, URL, FORM).status_code == 200
    assert PetitionCase.objects.count() == 2
    assert post_public_form(client, URL, FORM).status_code == 429  # the filings are used up
    assert PetitionCase.objects.count() == 2


@override_settings(MISHU={"PUBLIC_RATE_LIMITS": {"file": (5, 60), "file_invalid": (3, 60)}})
def test_a_robot_probing_the_form_is_stopped_by_the_higher_limit(client):
    answers = [post_public_form(client, URL, {"subject": "x"}).status_code for _ in range(4)]
    assert answers == [400, 400, 400, 429]
    # another address is not affected
    other = post_public_form(client, URL, FORM, REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 200


def test_the_form_gives_the_personal_data_notice_and_contact_fields_a_phone_fills_in(client):
    page = client.get(URL)
    html = page.content.decode()
    assert 'id="privacy-notice"' in html
    for words in ("個人資料", "臺北市政府秘書處", "個人資料保護法第 3 條", "陳情"):
        assert words in html, words
    form = page.context["form"]
    assert form.fields["phone"].widget.input_type == "tel"
    assert form.fields["phone"].widget.attrs["autocomplete"] == "tel"
    assert form.fields["email"].widget.input_type == "email"
    assert form.fields["email"].widget.attrs["autocomplete"] == "email"
    assert form.fields["name"].widget.attrs["autocomplete"] == "name"
    assert 'type="tel"' in html and 'type="email"' in html


def test_a_telephone_or_an_e_mail_is_enough_but_one_is_needed(client):
    neither = post_public_form(client, URL, {**FORM, "phone": "", "email": ""})
    assert neither.status_code == 400 and "phone" in neither.context["form"].errors
    by_mail = post_public_form(client, URL, {**FORM, "phone": "", "email": "wang@example.tw"})
    assert by_mail.status_code == 200
    case = PetitionCase.objects.get()
    assert case.petitioner_contact == "wang@example.tw"
