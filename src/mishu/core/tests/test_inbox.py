"""The home page's inbox: each app's provider through one registry, 待辦 by deadline with days left
(working days) and overdue in red, 待核 for supervisors, 逾期 of the unit with counts, reminders
computed on the request, and only the modules the user may open (their division's first)."""

import datetime
import re

import pytest
from django.utils import timezone

from mishu.core import inbox
from mishu.core.models import Agency, Division
from mishu.core.navigation import MODULES, modules_of
from mishu.core.workdays import WorkCalendar, office_calendar
from mishu.documents import services as documents
from mishu.documents.models import Document, Reminder

pytestmark = pytest.mark.django_db
D = datetime.date


def test_days_left_counts_working_days_and_goes_negative_when_late():
    cal = WorkCalendar()
    friday, monday, wednesday = D(2019, 7, 5), D(2019, 7, 8), D(2019, 7, 10)
    assert inbox.days_left(monday, friday, cal) == 1  # the weekend does not count
    assert inbox.days_left(friday, friday, cal) == 0
    assert inbox.days_left(friday, wednesday, cal) == -3
    assert inbox.days_left(monday, friday) == 3  # calendar days for apps that count them
    assert inbox.days_left(None, friday, cal) is None


def test_each_app_contributes_through_the_registry(make_user):
    user = make_user("media", ["clerk"])
    today = timezone.localdate()

    def mine(u, day):
        assert (u, day) == (user, today)
        items = [
            inbox.Item("測試", "later", "/later/", today + datetime.timedelta(days=30)),
            inbox.Item("測試", "sooner", "/sooner/", today - datetime.timedelta(days=1)),
            inbox.Item("測試", "undated", "/undated/"),
        ]
        return inbox.Part(7, items)

    def review(u, day):
        raise AssertionError("待核 is not asked of a clerk")

    inbox.register(inbox.Provider("test-app", mine=mine, review=review, workdays=False))
    try:
        tabs = inbox.collect(user, today)
    finally:
        del inbox.PROVIDERS["test-app"]
    rows = [r for r in tabs["mine"].rows if r.item.kind == "測試"]
    assert [r.item.title for r in rows] == ["sooner", "later", "undated"]
    assert rows[0].overdue and rows[0].days_overdue == 1
    assert tabs["mine"].count >= 7
    assert {"documents", "petitions", "venues", "reports"} <= set(inbox.PROVIDERS)


def _document(division="documents", handler=None, received=None, **fields):
    received = received or timezone.localdate()
    doc = Document(
        division=Division.objects.get(code=division),
        office="city",
        direction="incoming",
        subject=fields.pop("subject", "函詢市政業務"),
        sender=Agency.objects.first(),
        received_on=received,
        speed="ordinary",
        handler=handler,
        **fields,
    )
    return documents.register(doc)


def _row(page, text):
    """The <tr> of the inbox that names `text`."""
    match = re.search(
        r"<tr class=\"([^\"]*)\">((?:(?!</tr>).)*" + re.escape(text) + ")", page, re.S
    )
    assert match, f"{text} not in the inbox"
    return match.group(1), match.group(2)


def test_a_clerk_sees_their_work_by_deadline_overdue_in_red(make_user, client_for):
    clerk = make_user("documents", ["clerk"])
    colleague = make_user("documents", ["clerk"])
    today = timezone.localdate()
    late = _document(handler=clerk, received=today - datetime.timedelta(days=30), subject="逾期案")
    soon = _document(
        handler=clerk, stated_deadline=today + datetime.timedelta(days=1), subject="將到期案"
    )
    _document(handler=colleague, subject="同事的案")
    page = client_for(clerk).get("/").content.decode()
    mine = page[page.index('id="inbox-mine"') : page.index('id="inbox-overdue"')]
    assert "同事的案" not in mine
    assert mine.index("逾期案") < mine.index("將到期案")  # by deadline
    css, row = _row(mine, "逾期案")
    late_days = office_calendar().workdays_between(late.deadline, today)
    assert css == "overdue" and f"逾 {late_days} 日" in row
    # the reminder is due today, though the nightly job has not run
    assert not Reminder.objects.exists()
    css, row = _row(mine, "將到期案")
    assert css == "due-soon" and "即將到期" in row
    assert soon.get_absolute_url() in row
    assert "1 件已逾期" in page
    # 待辦 has its count; a clerk has no 待核
    assert re.search(r'href="#inbox-mine">待辦[^<]*<span class="count">2</span>', page)
    assert 'id="inbox-review"' not in page


def test_supervisor_sees_what_awaits_a_decision_and_the_units_overdue(make_user, client_for):
    boss = make_user("documents", ["supervisor"])
    clerk = make_user("documents", ["clerk"])
    today = timezone.localdate()
    doc = _document(handler=clerk, subject="待展期案")
    documents.request_extension(doc, doc.deadline + datetime.timedelta(days=10), "會辦", clerk)
    _document(subject="待分文案")
    _document(handler=clerk, received=today - datetime.timedelta(days=30), subject="本組逾期")
    _document("media", received=today - datetime.timedelta(days=30), subject="他組逾期")
    page = client_for(boss).get("/").content.decode()
    review = page[page.index('id="inbox-review"') : page.index('id="inbox-overdue"')]
    assert "待展期案" in review and "展期申請" in review
    assert "待分文案" in review and "待分文" in review
    overdue = page[page.index('id="inbox-overdue"') : page.index('aria-labelledby="modules-h"')]
    assert "本組逾期" in overdue and "他組逾期" not in overdue
    assert re.search(r'href="#inbox-review">待核[^<]*<span class="count">2</span>', page)
    assert re.search(r'href="#inbox-overdue">[^<]*<span class="count">1</span>', page)
    # the clerk does not see the supervisor's queue
    assert inbox.collect(clerk)["review"].count == 0


def test_modules_of_ones_division_first_and_none_that_would_refuse(make_user, client_for):
    clerk = make_user("confidential", ["clerk"])
    own, other = modules_of(clerk)
    urls = {m.url_name for m in own + other}
    assert "petitions:petitioncase_list" in {m.url_name for m in own}
    assert "documents:document_list" not in urls  # 文書組's register: nothing to see
    assert "petitions:access_log" not in urls  # supervisors only: would answer 403
    client = client_for(clerk)
    for module in own + other:
        assert client.get(module.url).status_code == 200, module.url_name
    page = client.get("/").content.decode()
    assert page.index(own[0].url) < page.index(other[0].url)
    evaluator = make_user("general-affairs", ["evaluator"])
    own, other = modules_of(evaluator)
    # 研考 reads every division: every module but the supervisors' access log
    assert len(own) + len(other) == len(MODULES) - 1
    assert "petitions:access_log" not in {m.url_name for m in own + other}


def test_a_units_news_responses_by_working_day_deadline(make_user):
    from mishu.media.models import NewsResponse

    clerk = make_user("media", ["clerk"])
    today = timezone.localdate()
    media = Division.objects.get(code="media")
    agency = Agency.objects.first()

    def response(headline, requested, replied=None):
        return NewsResponse.objects.create(
            division=media,
            headline=headline,
            reported_on=requested,
            agency=agency,
            requested_on=requested,
            allowed_days=1,
            replied_on=replied,
            reply="已說明" if replied else "",
        )

    late = response("捷運延誤", today - datetime.timedelta(days=10))
    response("已回應", today - datetime.timedelta(days=10), replied=today)
    tabs = inbox.collect(clerk, today)
    mine = [r for r in tabs["mine"].rows if r.item.kind == "輿情回應"]
    assert [r.item.title.strip() for r in mine] == ["捷運延誤"]
    assert mine[0].overdue and mine[0].item.deadline == late.due_on
    assert any(r.item.url == late.get_absolute_url() for r in tabs["overdue"].rows)
    assert inbox.collect(make_user("documents", ["clerk"]), today)["mine"].count == 0


def test_bookings_and_report_sections_await_the_supervisor(make_user):
    from mishu.reports.models import DraftSection, ReportDraft
    from mishu.venues.models import Booking, Venue

    boss = make_user("city-hall", ["supervisor"])
    clerk = make_user("city-hall", ["clerk"])
    evaluator = make_user("general-affairs", ["evaluator"])
    hall = Division.objects.get(code="city-hall")
    venue = Venue.objects.create(division=hall, name="1 樓中庭", report_group="1 樓中庭")
    starts = timezone.now() + datetime.timedelta(days=10)
    for status, title in (("applied", "市民講座"), ("approved", "已核准的展覽")):
        Booking.objects.create(
            division=hall,
            venue=venue,
            title=title,
            purpose="culture",
            applicant="示範協會",
            starts=starts,
            ends=starts + datetime.timedelta(hours=3),
            status=status,
        )
    draft = ReportDraft.objects.create(period="108H2")
    for key, division, state in (
        ("壹七", hall, "submitted"),
        ("壹一", Division.objects.get(code="general-affairs"), "submitted"),
        ("貳", None, "submitted"),
        ("壹七之一", hall, "returned"),
    ):
        DraftSection.objects.create(draft=draft, key=key, division=division, state=state)
    review = inbox.collect(boss)["review"]
    titles = [r.item.title for r in review.rows]
    assert review.count == 2
    assert any("市民講座" in t for t in titles) and not any("已核准的展覽" in t for t in titles)
    assert any("壹七" in t and "壹七之一" not in t for t in titles)
    # 研考 approves the sections no division owns; a clerk revises the returned one
    assert [r.item.title for r in inbox.collect(evaluator)["review"].rows] == [f"{draft} 貳"]
    assert any("壹七之一" in r.item.title for r in inbox.collect(clerk)["mine"].rows)


def test_archive_applications_and_trip_reports_are_the_units_work(make_user):
    """An application to read archives waits on 文書組 until decided (never naming the applicant);
    a trip report waits on 國際事務組 until submitted; both are overdue past their date."""
    from mishu.archives.models import ArchiveApplication
    from mishu.core.testing import division
    from mishu.international.tests.factories import trip

    today = timezone.localdate()
    application = ArchiveApplication.objects.create(
        division=division("documents"),
        applicant_name="陳大文",
        purpose="read",
        received_on=today - datetime.timedelta(days=40),  # 30 days to decide: 10 days late
        requested="108-0101-000070",
    )
    late_trip = trip(today - datetime.timedelta(days=200), today - datetime.timedelta(days=195))
    done_trip = trip(
        today - datetime.timedelta(days=300),
        today - datetime.timedelta(days=295),
        report_submitted_on=today - datetime.timedelta(days=250),
    )
    archives = inbox.collect(make_user("documents", ["clerk"]), today)
    rows = [r for r in archives["overdue"].rows if r.item.url == application.get_absolute_url()]
    assert rows and rows[0].days_overdue == 10 and "陳大文" not in rows[0].item.title
    assert any(r.item.url == application.get_absolute_url() for r in archives["mine"].rows)
    international = inbox.collect(make_user("international", ["clerk"]), today)
    urls = {r.item.url for r in international["overdue"].rows}
    assert late_trip.get_absolute_url() in urls and done_trip.get_absolute_url() not in urls
    # another unit's clerk is not asked for either
    media = inbox.collect(make_user("media", ["clerk"]), today)
    assert not {r.item.url for tab in media.values() for r in tab.rows} & {
        application.get_absolute_url(),
        late_trip.get_absolute_url(),
    }
    application.state = "approved"
    application.decided_on = today
    application.save()
    after = inbox.collect(make_user("documents", ["clerk"]), today)
    assert not any(r.item.url == application.get_absolute_url() for r in after["mine"].rows)


def test_building_projects_wait_for_acceptance_on_the_unit(make_user):
    from mishu.building.models import BuildingProject
    from mishu.core.testing import division

    today = timezone.localdate()
    late = BuildingProject.objects.create(
        division=division("city-hall"), title="南區空調更新", due_on=today - datetime.timedelta(5)
    )
    BuildingProject.objects.create(
        division=division("city-hall"),
        title="已驗收工程",
        due_on=today - datetime.timedelta(5),
        accepted_on=today - datetime.timedelta(1),
    )
    tabs = inbox.collect(make_user("city-hall", ["clerk"]), today)
    titles = [r.item.title for r in tabs["overdue"].rows]
    assert "南區空調更新" in titles and "已驗收工程" not in titles
    row = next(r for r in tabs["overdue"].rows if r.item.url == late.get_absolute_url())
    assert row.days_overdue == 5 and not row.workdays  # calendar days, as a contract counts


def test_the_mayors_directives_and_yearbooks_are_the_units_work(make_user):
    """機要組's open directives and unpublished yearbooks are in its members' 待辦 by their due
    date, past it in 逾期; closed or published ones are not, nor are they another unit's."""
    from mishu.council.models import Directive
    from mishu.council.tests.factories import meeting
    from mishu.gazette.models import Yearbook

    today = timezone.localdate()
    confidential = Division.objects.get(code="confidential")
    late = Directive.objects.create(
        division=confidential,
        meeting=meeting(),
        text="研議捷運延誤改善方案",
        agency=Agency.objects.first(),
        due_on=today - datetime.timedelta(days=3),
    )
    done = Directive.objects.create(
        division=confidential,
        meeting=late.meeting,
        text="已解除列管",
        agency=Agency.objects.first(),
        due_on=today - datetime.timedelta(days=3),
    )
    Directive.objects.filter(pk=done.pk).update(closed_on=today, state="closed")
    book = Yearbook.objects.create(
        division=confidential,
        title="臺北市年鑑",
        year=2020,
        due_on=today + datetime.timedelta(days=5),
    )
    Yearbook.objects.create(
        division=confidential, title="已出版", year=2019, due_on=today, published_on=today
    )
    tabs = inbox.collect(make_user("confidential", ["clerk"]), today)
    urls = [r.item.url for r in tabs["mine"].rows]
    assert late.get_absolute_url() in urls and book.get_absolute_url() in urls
    assert done.get_absolute_url() not in urls and len(urls) == 2
    row = next(r for r in tabs["mine"].rows if r.item.url == book.get_absolute_url())
    assert row.item.kind == "年鑑" and row.remind  # due in 5 days: within its 14
    assert [r.item.url for r in tabs["overdue"].rows] == [late.get_absolute_url()]
    assert inbox.collect(make_user("media", ["clerk"]), today)["mine"].count == 0
