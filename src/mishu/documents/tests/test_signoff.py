"""DI and SI files of an online sign-off: checked, kept verbatim, read, shown, downloadable."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from mishu.documents import services, signoff
from mishu.documents.models import Document, SignoffFile

DI = """<?xml version="1.0" encoding="{enc}"?>
<!DOCTYPE 函 SYSTEM "104_2_utf8.dtd" [
<!ENTITY 表單 SYSTEM "函.sw" NDATA DI>
<!ENTITY ATTCH1 SYSTEM "附件1.pdf" NDATA _X>
]>
<函>
<發文機關><全銜>臺北市政府秘書處</全銜></發文機關>
<發文字號><字>府秘文</字><文號><年度>{year}</年度><流水號>{serial}</流水號></文號></發文字號>
<主旨><文字>檢送本府 108 年下半年工作報告乙份，請查照。</文字></主旨>
</函>
"""
SI = """<?xml version="1.0" encoding="UTF-8"?>
<簽核資訊><簽核流程>
<簽核點 序號="1"><簽核人員>王承辦</簽核人員><動作>陳核</動作><時間>2019-07-02T09:10</時間></簽核點>
<簽核點 序號="2"><簽核人員>李科長</簽核人員><動作>核稿</動作><時間>2019-07-02T14:00</時間></簽核點>
<簽核點 序號="3" 簽核人員="陳處長" 動作="決行" 時間="2019-07-03T10:00"/>
</簽核流程></簽核資訊>
"""


@pytest.fixture
def outgoing(org):
    return services.register(
        Document(
            division=org["documents"],
            office="city",
            direction="outgoing",
            subject="檢送工作報告",
            registered_on=datetime.date(2019, 7, 2),
            handling_mode="online",
        )
    )


def _di(doc, enc="UTF-8", serial=None):
    text = DI.format(enc=enc, year=doc.year, serial=f"{serial or doc.serial:07d}")
    return text.encode("cp950" if enc.lower() == "big5" else "utf-8")


def test_a_di_file_of_our_document_is_kept_and_read(outgoing, make_user, client_for):
    clerk = make_user("documents", ["clerk"])
    kept = signoff.attach(outgoing, "di", "函.di", _di(outgoing), clerk)
    assert kept.summary["number"] == outgoing.number == "府秘文字第1080000001號"
    assert kept.summary["subject"].startswith("檢送本府 108 年下半年工作報告")
    assert outgoing.events.filter(name="signoff_file", user=clerk).exists()
    client = client_for(clerk)
    page = client.get(outgoing.get_absolute_url()).content.decode()
    assert "函.di" in page and "檢送本府 108 年下半年工作報告" in page
    download = client.get(kept.get_absolute_url())
    assert download.status_code == 200
    assert download.content.decode() == _di(outgoing).decode()


def test_a_big5_di_file_is_read(outgoing):
    kept = signoff.attach(outgoing, "di", "big5.di", _di(outgoing, enc="Big5"))
    assert kept.summary["subject"].startswith("檢送本府")
    assert "臺北市政府秘書處" in kept.content


@pytest.mark.parametrize(
    "data, message",
    [
        (None, "不是本公文"),  # another number
        (b"<html><body>x</body></html>", "根元素"),
        (b"<\xe5\x87\xbd><unclosed>", "XML"),
        (b"", "沒有內容"),
        (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            b"<\xe5\x87\xbd>&xxe;</\xe5\x87\xbd>",
            "XML",
        ),
    ],
)
def test_bad_di_files_are_refused_and_nothing_is_kept(outgoing, data, message):
    data = data if data is not None else _di(outgoing, serial=99)
    with pytest.raises(ValidationError) as exc:
        signoff.attach(outgoing, "di", "x.di", data)
    text = " ".join(exc.value.message_dict["file"])
    assert message in text
    assert "root:" not in text  # nothing of /etc/passwd was read
    assert not SignoffFile.objects.exists()


def test_an_incoming_di_carries_the_sender_number(incoming):
    doc = services.register(incoming(handling_mode="online"))
    text = DI.format(enc="UTF-8", year=108, serial="0012345").replace("府秘文", "北市都企")
    kept = signoff.attach(doc, "di", "in.di", text.encode())
    assert kept.summary["number"] == "北市都企字第1080012345號"
    assert kept.summary["sender_number"] is True


def test_si_steps_are_read_and_paper_documents_have_none(outgoing, incoming):
    kept = signoff.attach(outgoing, "si", "簽核.si", SI.encode())
    assert [s["signer"] for s in kept.summary["steps"]] == ["王承辦", "李科長", "陳處長"]
    assert kept.summary["steps"][2]["action"] == "決行"
    with pytest.raises(ValidationError, match="已附加"):
        signoff.attach(outgoing, "si", "again.si", SI.encode())
    paper = services.register(incoming(handling_mode="paper"))
    with pytest.raises(ValidationError) as exc:
        signoff.attach(paper, "si", "p.si", SI.encode())
    assert "紙本" in exc.value.message_dict["file"][0]


def test_api_upload_and_scoping(outgoing, make_user, client_for):
    clerk = make_user("documents", ["clerk"])
    client = client_for(clerk)
    url = f"/api/documents/documents/{outgoing.pk}/signoff-files/"
    upload = SimpleUploadedFile("簽核.si", SI.encode(), content_type="application/xml")
    response = client.post(url, {"kind": "si", "file": upload})
    assert response.status_code == 201, response.content
    assert len(response.json()["summary"]["steps"]) == 3
    bad = SimpleUploadedFile("x.si", b"<a>", content_type="application/xml")
    response = client.post(url, {"kind": "si", "file": bad})
    assert response.status_code == 400 and "file" in response.json()
    assert [f["kind"] for f in client.get(url).json()] == ["si"]
    outsider = client_for(make_user("media", ["clerk"]))
    assert outsider.get(url).status_code == 404
    kept = SignoffFile.objects.get()
    assert outsider.get(kept.get_absolute_url()).status_code == 404


def test_upload_page_reports_a_refusal(outgoing, make_user, client_for):
    client = client_for(make_user("documents", ["clerk"]))
    upload = SimpleUploadedFile("x.di", b"<html/>", content_type="application/xml")
    response = client.post(
        f"/documents/{outgoing.pk}/signoff/", {"kind": "di", "file": upload}, follow=True
    )
    assert response.status_code == 200
    assert "根元素" in response.content.decode()
    assert not SignoffFile.objects.exists()
