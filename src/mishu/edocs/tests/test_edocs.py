"""The agencies' e-document returns: the city's figures follow them (with the secretariat's
sign-off counted in the register), bad returns are refused, imports are all or nothing, and the
demo gives the seed's 壹二(二) tables."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from mishu.core.formats import Period
from mishu.core.models import Agency
from mishu.documents import services
from mishu.edocs import demo as demo_returns
from mishu.edocs import services as svc
from mishu.edocs.models import EDocumentReturn
from mishu.indicators import registry

YEAR = Period.parse("108")
FIGURES = dict(
    paper_incoming=1000,
    paper_signed_online=400,
    documents_total=5000,
    documents_signed_online=4500,
    meetings_total=50,
    e_meetings=48,
    paper_baseline_boxes=Decimal("300"),
    paper_saved_boxes=Decimal("20.5"),
)


def agency(code):
    return Agency.objects.get(code=code)


def make_return(org, code, period="108", **figures):
    values = {**FIGURES, **figures}
    ret = EDocumentReturn(division=org["documents"], agency=agency(code), period=period, **values)
    ret.full_clean()
    ret.save()
    return ret


@pytest.fixture
def register(incoming):
    """The secretariat's register for 108: 3 paper incoming (2 scanned), 4 documents of which
    3 signed off online."""
    modes = [("paper", "scanned"), ("paper", "scanned"), ("paper", "paper")]
    modes.append(("electronic", "online"))
    for medium, mode in modes:
        services.register(incoming(office="secretariat", medium=medium, handling_mode=mode))
    return {"paper_incoming": 3, "paper_signed_online": 2, "documents_total": 4, "online": 3}


def _ratio(part, whole):
    return (Decimal(part) / Decimal(whole)).quantize(Decimal("0.0001"))


def test_city_figures_follow_the_returns(org, register):
    finance = make_return(org, "finance")
    make_return(org, "police", paper_incoming=3000, paper_signed_online=900)
    make_return(org, "secretariat", meetings_total=137, e_meetings=136)
    records = EDocumentReturn.objects.exclude(agency__code="secretariat")
    paper = sum(r.paper_signed_online for r in records) + register["paper_signed_online"]
    paper_all = sum(r.paper_incoming for r in records) + register["paper_incoming"]
    assert registry.value("edocs.city_paper_signoff_cases", YEAR) == paper
    assert registry.value("edocs.city_paper_signoff_ratio", YEAR) == _ratio(paper, paper_all)
    online = sum(r.documents_signed_online for r in records) + register["online"]
    docs = sum(r.documents_total for r in records) + register["documents_total"]
    assert registry.value("edocs.city_online_signoff_cases", YEAR) == online
    assert registry.value("edocs.city_online_signoff_ratio", YEAR) == _ratio(online, docs)
    meetings = EDocumentReturn.objects.all()
    e_meet = sum(r.e_meetings for r in meetings)
    assert registry.value("edocs.city_e_meetings", YEAR) == e_meet
    assert registry.value("edocs.city_e_meetings_ratio", YEAR) == _ratio(
        e_meet, sum(r.meetings_total for r in meetings)
    )
    assert registry.value("edocs.city_paper_saving_boxes", YEAR) == Decimal("61.5")

    # one agency corrects its return: the city's total and ratio follow
    finance.paper_signed_online = 999
    finance.full_clean()
    finance.save()
    assert registry.value("edocs.city_paper_signoff_cases", YEAR) == paper - 400 + 999
    assert registry.value("edocs.city_paper_signoff_ratio", YEAR) == _ratio(
        paper - 400 + 999, paper_all
    )
    # by agency, the secretariat's sign-off from the register
    bd = registry.breakdown("edocs.city_paper_signoff_cases", YEAR)
    assert bd.get("財政局") == 999 and bd.get("警察局") == 900 and bd.get("秘書處") == 2
    assert bd.total == paper - 400 + 999
    ratios = registry.breakdown("edocs.city_e_meetings_ratio", YEAR)
    assert ratios.get("秘書處") == _ratio(136, 137) and ratios.get("財政局") == _ratio(48, 50)
    assert registry.value("edocs.city_paper_signoff_cases", YEAR, agency="財政局") == 999
    # nobody filed for 107: no figure rather than a misleading zero
    assert registry.value("edocs.city_paper_signoff_cases", Period.parse("107")) is None


def test_secretariat_signoff_comes_from_the_register(org, register):
    ret = make_return(
        org,
        "secretariat",
        paper_incoming=99999,
        paper_signed_online=99999,
        meetings_total=137,
        e_meetings=136,
        paper_baseline_boxes=Decimal("2164"),
        paper_saved_boxes=Decimal("111"),
    )
    ret.refresh_from_db()
    assert ret.paper_incoming is None and ret.paper_signed_online is None  # not asked
    assert registry.value("edocs.city_paper_signoff_cases", YEAR) == 2
    assert registry.value("edocs.city_online_signoff_ratio", YEAR) == Decimal("0.75")
    assert registry.value("edocs.paper_signoff_cases", YEAR) == 2  # the register's own
    assert registry.value("edocs.e_meetings", YEAR) == 136
    assert registry.value("edocs.e_meetings_ratio", YEAR) == _ratio(136, 137)
    assert registry.value("edocs.paper_saving_boxes", YEAR) == 111
    assert registry.value("edocs.paper_saving_ratio", YEAR) == _ratio(111, 2164)
    # another agency's return does not change the secretariat's own figures
    make_return(org, "finance")
    assert registry.value("edocs.e_meetings", YEAR) == 136


@pytest.mark.parametrize(
    "changes, field, words",
    [
        ({"paper_signed_online": 1001}, "paper_signed_online", "紙本來文"),
        ({"e_meetings": 51}, "e_meetings", "電子化會議"),
        ({"paper_saved_boxes": Decimal("-1")}, "paper_saved_boxes", "負"),
        ({"paper_saved_boxes": Decimal("300.5")}, "paper_saved_boxes", "撙節"),
        ({"documents_total": None}, "documents_total", "公文"),
        ({"period": "108Q3"}, "period", "108H2"),
        ({"period": "abc"}, "period", "108H2"),
    ],
)
def test_bad_returns_are_refused_naming_the_field(org, changes, field, words):
    ret = EDocumentReturn(division=org["documents"], agency=agency("finance"), period="108")
    for name, value in {**FIGURES, **changes}.items():
        setattr(ret, name, value)
    with translation.override("zh-hant"), pytest.raises(ValidationError) as exc:
        ret.full_clean()
        assert False, "accepted"
    with translation.override("zh-hant"):
        messages = " ".join(exc.value.message_dict[field])
    assert words in messages


def test_one_return_per_agency_and_period(org):
    make_return(org, "finance", period="108H1")
    for period in ("108H1", "108", "108年上半年"):
        ret = EDocumentReturn(division=org["documents"], agency=agency("finance"), period=period)
        for name, value in FIGURES.items():
            setattr(ret, name, value)
        with translation.override("zh-hant"), pytest.raises(ValidationError) as exc:
            ret.full_clean()
        with translation.override("zh-hant"):
            assert "財政局" in " ".join(exc.value.message_dict["period"])
    make_return(org, "finance", period="108H2")  # the other half is fine
    make_return(org, "police", period="108")
    assert svc.summary(YEAR)[0][2].status == svc.FILED  # finance: both halves
    rows = {r.agency.code: r for r in svc.summary(Period.parse("108H2"))[0]}
    assert rows["finance"].status == svc.FILED and rows["police"].status == svc.MISSING


def test_pages_and_rights(org, make_user, client_for, register):
    make_return(org, "finance")
    clerk = make_user("documents", ["clerk"])
    client = client_for(clerk)
    page = client.get("/edocs/returns/?period=108")
    assert page.status_code == 200
    text = page.content.decode()
    assert "財政局" in text and "1,000" in text and "40.00%" in text
    missing = [a.short_name for a in page.context["missing"]]
    assert "警察局" in missing and "財政局" not in missing
    assert page.context["total"]["figures"][1] == "402"  # 400 + the register's 2
    assert client.get("/edocs/returns/?period=nope").context["error"]
    assert client.get("/edocs/returns/?period=108-07").context["error"]
    export = client.get("/edocs/returns/?period=108&export=csv").getvalue().decode("utf-8-sig")
    assert "財政局" in export and "402" in export
    assert client.get("/edocs/returns/?period=108&export=xlsx").status_code == 200
    data = {"agency": agency("police").pk, "period": "108 年", **FIGURES, "note": ""}
    data = {k: ("" if v is None else str(v)) for k, v in data.items()}
    bad = client.post("/edocs/returns/add/", {**data, "e_meetings": "99"})
    assert bad.status_code == 200 and "e_meetings" in bad.context["form"].errors
    assert client.post("/edocs/returns/add/", data).status_code == 302
    ret = EDocumentReturn.objects.get(agency__code="police")
    assert ret.period == "108" and ret.created_by == clerk and ret.division == org["documents"]
    detail = client.get(f"/edocs/returns/{ret.pk}/").content.decode()
    assert "96.00%" in detail  # 48 / 50 meetings
    assert client.get(f"/edocs/returns/{ret.pk}/history/").status_code == 200
    assert client.get("/edocs/returns/import/").status_code == 200
    own = make_return(org, "secretariat")
    form = client.get(f"/edocs/returns/{own.pk}/edit/").context["form"]
    assert "paper_incoming" not in form.fields and "e_meetings" in form.fields

    indicators = client.get("/indicators/?period=108")  # every indicator, computed ones too
    assert (
        indicators.status_code == 200
        and "全府紙本來文採線上簽核件數" in indicators.content.decode()
    )

    evaluator = client_for(make_user("general-affairs", ["evaluator"]))
    assert "財政局" in evaluator.get("/edocs/returns/?period=108").content.decode()
    assert evaluator.get("/edocs/returns/add/").status_code == 403
    assert evaluator.get(f"/edocs/returns/{ret.pk}/edit/").status_code == 404
    assert evaluator.get("/edocs/returns/import/").status_code == 403
    other = client_for(make_user("media", ["clerk"]))
    assert other.get("/edocs/returns/add/").status_code == 403
    assert other.get(f"/edocs/returns/{ret.pk}/").status_code == 404


HEADER = (
    "agency,period,paper_incoming,paper_signed_online,documents_total,documents_signed_online,"
    "meetings_total,e_meetings,paper_baseline_boxes,paper_saved_boxes,note\n"
)


def _upload(client, text):
    f = SimpleUploadedFile("returns.csv", text.encode("utf-8"), content_type="text/csv")
    return client.post("/edocs/returns/import/", {"file": f})


def test_import_is_all_or_nothing(org, make_user, client_for):
    client = client_for(make_user("documents", ["clerk"]))
    bad = HEADER + (
        "財政局,108,1000,400,5000,4500,50,48,300,20.5,\n"
        "火星局,108,1,1,1,1,1,1,1,1,\n"
        "警察局,108,100,200,5000,4500,50,48,300,20.5,\n"
        "finance,108H2,1000,400,5000,4500,50,48,300,20.5,\n"
        "民政局,108,1000,400,5000,4500,50,48,300,-1,\n"
        "教育局,108,,,5000,4500,50,48,300,1,\n"
    )
    result = _upload(client, bad).context["result"]
    assert not result.ok and EDocumentReturn.objects.count() == 0
    assert [(e.row, e.column) for e in result.errors] == [
        (3, "agency"),
        (4, "paper_signed_online"),
        (5, "period"),
        (6, "paper_saved_boxes"),
        (7, "paper_incoming"),
    ]
    good = HEADER + (
        "財政局,108,1000,400,5000,4500,50,48,300,20.5,\n"
        "秘書處,108,,,,,137,136,2164,111,\n"
        '臺北市政府警察局,108,"1 萬 2,000",100,20000,15000,50,48,300,0.5,\n'
    )
    assert _upload(client, good).context["result"].written == 3
    assert EDocumentReturn.objects.get(agency__code="police").paper_incoming == 12000
    assert registry.value("edocs.city_paper_saving_boxes", YEAR) == Decimal("132")
    # a corrected file replaces the figures of the same agency and period
    again = HEADER + "財政局,108,1000,500,5000,4500,50,48,300,20.5,\n"
    assert _upload(client, again).context["result"].written == 1
    assert EDocumentReturn.objects.get(agency__code="finance").paper_signed_online == 500
    assert EDocumentReturn.objects.count() == 3
    template = client.get("/edocs/returns/import/?template=csv").content.decode("utf-8-sig")
    assert template.startswith("agency,period")


def test_api(org, make_user, api_for, register):
    clerk = api_for(make_user("documents", ["clerk"]))
    body = {"agency": "finance", "period": "108", **{k: str(v) for k, v in FIGURES.items()}}
    created = clerk.post("/api/edocs/returns/", body, format="json")
    assert created.status_code == 201, created.json()
    dup = clerk.post("/api/edocs/returns/", body, format="json")
    assert dup.status_code == 400 and "period" in dup.json()
    bad = clerk.post(
        "/api/edocs/returns/",
        {**body, "agency": "police", "paper_signed_online": "2000"},
        format="json",
    )
    assert bad.status_code == 400 and "paper_signed_online" in bad.json()
    listed = clerk.get("/api/edocs/returns/?period=108&agency=財政局").json()
    assert [r["agency_name"] for r in listed["results"]] == ["財政局"]
    assert clerk.get("/api/edocs/returns/?period=109").json()["count"] == 0
    summary = clerk.get("/api/edocs/returns/summary/?period=108").json()
    assert summary["total"]["paper_signed_online"] == 402
    assert "police" in summary["not_filed"]
    assert clerk.get("/api/edocs/returns/summary/?period=x").status_code == 400

    evaluator = api_for(make_user("general-affairs", ["evaluator"]))
    assert evaluator.get("/api/edocs/returns/").status_code == 200
    refused = evaluator.post("/api/edocs/returns/", body, format="json")
    assert refused.status_code == 403
    media = api_for(make_user("media", ["clerk"]))
    assert media.post("/api/edocs/returns/", body, format="json").status_code == 403


SEED_CITY = {
    "edocs.city_paper_signoff_cases": Decimal(717879),
    "edocs.city_paper_signoff_ratio": Decimal("0.3533"),
    "edocs.city_online_signoff_cases": Decimal(3175808),
    "edocs.city_online_signoff_ratio": Decimal("0.9231"),
    "edocs.city_e_meetings": Decimal(69314),
    "edocs.city_e_meetings_ratio": Decimal("0.98"),
    "edocs.city_paper_saving_boxes": Decimal("27228.5"),
    "edocs.city_paper_saving_ratio": Decimal("0.0716"),
    "edocs.e_meetings": Decimal(136),
    "edocs.e_meetings_ratio": Decimal("0.9927"),
    "edocs.paper_saving_boxes": Decimal(111),
    "edocs.paper_saving_ratio": Decimal("0.0513"),
}


def _template_section() -> str:
    path = Path(__file__).resolve().parents[2] / "reports" / "demo_data" / "default_template.md"
    text = path.read_text(encoding="utf-8")
    start = text.index("| 項次 | 業務內容 | 全府績效")
    return text[start : text.index("(三)", start)]


def test_demo_gives_the_seed_tables(org, register):
    from mishu.indicators import demo as indicators_demo
    from mishu.reports.rendering.placeholders import render_body

    demo_returns.load()
    demo_returns.load()  # idempotent
    assert EDocumentReturn.objects.count() == Agency.objects.filter(active=True).count()
    for code, expected in SEED_CITY.items():
        assert registry.value(code, YEAR) == expected, code
    indicators_demo.load()  # the targets stay observed
    markdown = render_body(_template_section(), Period.parse("108H2")).markdown
    for line in [
        "| 71 萬 7,879 件 | 35.33% | 25% | ＋10.33% |",
        "| 317 萬 5,808 件 | 92.31% | 89% | ＋3.31% |",
        "| 6 萬 9,314 場 | 98.00% | 95% | ＋3% |",
        "| 2 萬 7,228.5 箱 | 7.16% | 5% | ＋2.16% |",
        "| 136 場 | 99.27% | 95% | ＋4.27% |",
        "| 111 箱 | 5.13% | 5% | ＋0.13% |",
    ]:
        assert line in markdown, (line, markdown)
