"""機要組, 國際事務組, 媒體事務組: the council and the city meetings, the gazette, delegations and
grants, press releases and the media's work, entered through the forms and import pages.

Every figure is computed here from the rows of `public_rows`; rows of 108H2 or 109H2, of another status,
kind or platform are entered too, and must not count.
"""

import re
from decimal import Decimal

from django.urls import reverse

from mishu.core import formats
from mishu.core.formats import Period, parse_date
from mishu.core.models import Agency
from mishu.core.testing import division
from mishu.gazette.models import Subscription
from mishu.international.models import Delegation, Trip
from mishu.media.models import PressRelease

from . import PERIOD, page_text, total
from .public_rows import (
    DELEGATION_COLUMNS,
    DELEGATIONS,
    ENGAGEMENTS,
    GRANT_TITLE,
    GRANTS,
    ISSUES,
    MEETINGS,
    POSTS,
    PRODUCTIONS,
    RELEASES,
    RESPONSES,
    REVIEWS,
    SESSIONS,
    STATUS,
    SUBSCRIPTIONS,
    TERM,
    TRIP_COLUMNS,
    TRIPS,
    YEARBOOKS,
)


def _in(day: str) -> bool:
    return PERIOD.start <= parse_date(day) <= PERIOD.end


def _pk(response) -> int:
    return int(re.search(r"/(\d+)/$", response["Location"])[1])


# -- 機要組: the council, the city meetings, the gazette -------------------------------------
def _council(ctx) -> dict:
    conf = division("confidential").pk
    number, starts, ends = TERM
    term = _pk(
        ctx.post(
            "confidential",
            "council:term_add",
            {"division": conf, "number": number, "starts_on": starts, "ends_on": ends},
        )
    )
    for kind, n, start, end in SESSIONS:
        ctx.post(
            "confidential",
            "council:session_add",
            {
                "division": conf,
                "term": term,
                "kind": kind,
                "number": n,
                "starts_on": start,
                "ends_on": end,
            },
        )
    for n, held, paperless, sheets, cost in MEETINGS:
        data = {"division": conf, "number": n, "held_on": held, "agenda": "一、報告事項"}
        data.update(sheets_saved=sheets, cost_saved=cost)
        if paperless:
            data["paperless"] = "on"
        ctx.post("confidential", "council:citymeeting_add", data)

    regular = [(parse_date(s), n) for k, n, s, _e in SESSIONS if k == "regular"]
    reporting = min(n for s, n in regular if s > PERIOD.end)
    replied = max((s, n) for s, n in regular if s <= PERIOD.end)[1]
    online = [m for m in MEETINGS if m[2] and parse_date(m[1]) <= PERIOD.end]
    return {
        ("council.term", ()): Decimal(number),
        ("council.session", ()): Decimal(reporting),
        ("council.replied_session", ()): Decimal(replied),
        ("council.paperless_records", ()): Decimal(len(online)),
        ("council.paper_sheets_saved", ()): total(m[3] for m in online),
        ("council.paper_cost_saved", ()): total(m[4] for m in online),
    }


def _gazette(ctx) -> dict:
    conf = division("confidential").pk
    for number, day in ISSUES:
        ctx.post(
            "confidential",
            "gazette:issue_add",
            {"division": conf, "number": number, "published_on": day},
        )
    for title, year, due, published in YEARBOOKS:
        ctx.post(
            "confidential",
            "gazette:yearbook_add",
            {
                "division": conf,
                "title": title,
                "year": year,
                "edition": "中、英文版電子書",
                "due_on": due,
                "published_on": published,
            },
        )
    ctx.upload(
        "confidential",
        "gazette:subscription_import",
        ("email", "subscribed_on", "unsubscribed_on"),
        SUBSCRIPTIONS,
        Subscription,
    )
    end = PERIOD.end
    running = [
        s for s in SUBSCRIPTIONS if parse_date(s[1]) <= end and (not s[2] or parse_date(s[2]) > end)
    ]
    return {
        ("gazette.issues", ()): Decimal(sum(1 for _n, day in ISSUES if _in(day))),
        ("gazette.subscribers", ()): Decimal(len(running)),
    }


# -- 國際事務組: delegations received, grants to civil groups --------------------------------
def _step(ctx, pk, action, day, amount, meetings):
    data = {"action": action, "note": ""}
    if action in ("approve", "special", "reject"):
        data["decided_on"] = day
    if action == "approve":
        data.update(review_meeting=meetings[parse_date(day).year], approved_amount=amount)
    if action == "special":
        data.update(memo_number=f"府授秘國字第{pk:04d}號", approved_amount=amount)
    if action == "pay":
        data.update(paid_on=day, paid_amount=amount)
    url = reverse("international:grantapplication_transition", args=[pk])
    response = ctx.client("international", "supervisor").post(url, data, follow=True)
    page = response.content.decode()  # the step's outcome is a message on the detail page
    assert "msg-success" in page and "msg-error" not in page, (action, page_text(response))


def _international(ctx) -> dict:
    intl = division("international").pk
    ctx.upload(
        "international",
        "international:delegation_import",
        DELEGATION_COLUMNS,
        DELEGATIONS,
        Delegation,
    )
    ctx.upload("international", "international:trip_import", TRIP_COLUMNS, TRIPS, Trip)
    meetings = {}
    for day, year, n in REVIEWS:
        response = ctx.post(
            "international",
            "international:meeting_add",
            {
                "division": intl,
                "kind": "review",
                "title": GRANT_TITLE.format(year, n),
                "start_date": day,
                "place": "市政大樓北區 1 樓會議室",
            },
        )
        meetings[parse_date(day).year] = _pk(response)
    for applicant, event, applied, steps in GRANTS:
        pk = _pk(
            ctx.post(
                "international",
                "international:grantapplication_add",
                {
                    "division": intl,
                    "applicant": applicant,
                    "event_title": event,
                    "applied_on": applied,
                    "requested_amount": "250000",
                },
            )
        )
        for action, day, amount in steps:
            _step(ctx, pk, action, day, amount, meetings)

    received = [d for d in DELEGATIONS if _in(d[0])]
    year = Period("year", PERIOD.year).code  # the report's 「109 年度」

    def this_year(day):
        return parse_date(day).year == PERIOD.year

    def decided(action, standing):  # decided this year, and where the workflow left it
        return [
            g
            for g in GRANTS
            if g[3]
            and g[3][0][0] == action
            and this_year(g[3][0][1])
            and STATUS[g[3][-1][0]] in standing
        ]

    paid = [s[2] for g in GRANTS for s in g[3] if s[0] == "pay" and this_year(s[1])]
    return {
        ("international.delegations", ()): Decimal(len(received)),
        ("international.delegation_persons", ()): total(d[7] for d in received),
        ("international.grant_applications", (), year): Decimal(
            sum(1 for g in GRANTS if this_year(g[2]))
        ),
        ("international.grants_approved", (), year): Decimal(
            len(decided("approve", ("approved", "paid")))
        ),
        ("international.grants_special", (), year): Decimal(
            len(decided("special", ("special", "paid")))
        ),
        ("international.grants_paid", (), year): total(paid),
    }


# -- 媒體事務組: releases, responses, the mayor and the media, social posts, productions -------
def _media(ctx) -> dict:
    media = division("media").pk
    ctx.upload(
        "media",
        "media:pressrelease_import",
        ("agency", "title", "published_on"),
        RELEASES,
        PressRelease,
    )
    agencies = dict(Agency.objects.values_list("code", "pk"))
    for headline, reported, agency, requested, replied in RESPONSES:
        data = {
            "division": media,
            "headline": headline,
            "outlet": "聯合新聞網",
            "reported_on": reported,
            "agency": agencies[agency],
            "requested_on": requested,
            "allowed_days": 1,
        }
        if replied:
            data.update(replied_on=replied, reply="已發布新聞稿說明。")
        ctx.post("media", "media:newsresponse_add", data)
    for kind, day, outlet in ENGAGEMENTS:
        ctx.post(
            "media",
            "media:engagement_add",
            {"division": media, "kind": kind, "held_on": day, "outlet": outlet},
        )
    for i, (platform, day) in enumerate(POSTS):
        ctx.post(
            "media",
            "media:socialpost_add",
            {
                "division": media,
                "platform": platform,
                "posted_on": day,
                "summary": f"市政宣導貼文 {i + 1}",
            },
        )
    for kind, title, day in PRODUCTIONS:
        ctx.post(
            "media",
            "media:production_add",
            {"division": media, "kind": kind, "title": title, "produced_on": day},
        )

    def count(rows, date_at, first=None):
        return Decimal(sum(1 for r in rows if _in(r[date_at]) and first in (None, r[0])))

    out = {
        ("media.press_releases", ()): Decimal(
            sum(1 for a, _t, day in RELEASES if a == "秘書處" and _in(day))
        ),
        ("media.city_press_releases", ()): count(RELEASES, 2),
        ("media.responses", ()): count(RESPONSES, 3),
        ("media.mayor_dinners", ()): count(ENGAGEMENTS, 1, "dinner"),
        ("media.mayor_interviews", ()): count(ENGAGEMENTS, 1, "interview"),
        ("media.images", ()): count(PRODUCTIONS, 2, "image"),
        ("media.videos", ()): count(PRODUCTIONS, 2, "video"),
    }
    for platform in ("臉書", "Instagram", "Twitter"):
        out[("media.social_posts", (("platform", platform),))] = count(POSTS, 1, platform)
    return out


def enter(ctx) -> dict:
    return {**_council(ctx), **_gazette(ctx), **_international(ctx), **_media(ctx)}


def _section(text: str, start: str, end: str) -> str:
    i = text.index(start)
    return text[i : text.index(end, i)]


def check_report(text: str, expected: dict) -> None:
    """The sentences print the figures entered here, and nothing of 108H2."""

    def fig(code, cell=(), fmt=formats.format_wan, year=False):
        key = (code, cell, Period("year", PERIOD.year).code) if year else (code, cell)
        return fmt(expected[key])

    def posts(platform):
        return fig("media.social_posts", (("platform", platform),))

    end = PERIOD.end_label
    opening = _section(text, "召集人", "本處秉持")
    council = _section(text, "(二)辦理議事工作", "五、市民諮詢")
    intl = _section(text, "三、推動國際事務", "四、機要業務")
    media = _section(text, "六、媒體聯繫", "七、市政大樓")
    i, w = formats.format_int, formats.format_wan_approx
    assert (
        f"第 {fig('council.term', fmt=i)} 屆第 {fig('council.session', fmt=i)} 次定期大會開議"
        in opening
    )
    assert f"彙編第 13 屆第 {fig('council.replied_session', fmt=i)} 次定期大會" in council
    assert (
        f"截至 {end}止，已建置 {fig('council.paperless_records', fmt=i)} 筆線上會議資料，"
        f"計節約 A4 用紙 {fig('council.paper_sheets_saved', fmt=w)}張，"
        f"節省 {fig('council.paper_cost_saved', fmt=w)}元"
    ) in council
    assert (
        f"本期發行公報 {fig('gazette.issues', fmt=i)} 期；公報電子報訂閱戶截至 {end}"
        f"計有 {fig('gazette.subscribers')} 戶"
    ) in council
    assert (
        "改電子書套組；《臺北市年鑑 2019》已於 109 年 6 月 22 日發行；《臺北市年鑑 2020》"
        in council
    )
    assert "臺北市年鑑 2018" not in council
    for start, end_, leader, _led, where, purpose, *_rest in TRIPS:
        when = formats.format_range(parse_date(start), parse_date(end_)).replace(" ", "")
        listed = f"{when}{leader}率團赴{where}{purpose}。" in intl
        assert listed == _in(start), (start, intl)
    assert (
        "如日本東京都議會訪問團、美國洛杉磯市議員Paul Krekorian、斯洛伐克布拉提斯拉瓦市長" in intl
    )
    assert (
        f"本期計接待國際及大陸貴賓 {fig('international.delegations', fmt=i)} 團、"
        f"{fig('international.delegation_persons', fmt=i)} 人"
    ) in intl
    assert (
        f"於 109年3月20日辦理{GRANT_TITLE.format(109, 1)}，109 年度合計共接受申請 "
        f"{fig('international.grant_applications', fmt=i, year=True)} 案，核定 "
        f"{fig('international.grants_approved', fmt=i, year=True)} 案，另專案簽准辦理 "
        f"{fig('international.grants_special', fmt=i, year=True)} 案，109 年度實際協助及核銷金額計 "
        f"{fig('international.grants_paid', fmt=w, year=True)}元"
    ) in intl
    assert "第 1、2 期" not in intl
    assert (
        f"本期本處發布新聞稿 {fig('media.press_releases')} 則，"
        f"全府發布新聞稿計 {fig('media.city_press_releases')} 則"
    ) in media
    assert f"主動回應之輿情計 {fig('media.responses')} 則" in media
    assert (
        f"本期共辦理市長與媒體餐敘活動 {fig('media.mayor_dinners')} 次，"
        f"並安排媒體專訪市長 {fig('media.mayor_interviews')} 次"
    ) in media
    assert f"本期共計發布 {posts('臉書')} 則貼文" in media
    assert f"亦使用 Instagram，本期計發布 {posts('Instagram')} 則貼文" in media
    assert f"Twitter，本期共發布 {posts('Twitter')} 則貼文" in media
    assert (f"本期共計製作 {fig('media.images')} 張圖片、{fig('media.videos')} 支影片") in media
    for section in (opening, council, intl, media):
        assert "【缺" not in section
        assert not re.search(r"108\s*年", section), section
