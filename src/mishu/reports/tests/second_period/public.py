"""機要組, 國際事務組, 媒體事務組: the council and the city meetings, the gazette, delegations and
grants, press releases and the media's work, entered through the forms and import pages.

Every figure is computed here from the rows below; rows of 108H2 or 109H2, of another status,
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
from mishu.international.models import Delegation
from mishu.media.models import PressRelease

from . import PERIOD, page_text, total


def _in(day: str) -> bool:
    return PERIOD.start <= parse_date(day) <= PERIOD.end


def _pk(response) -> int:
    return int(re.search(r"/(\d+)/$", response["Location"])[1])


# -- 機要組: the council, the city meetings, the gazette -------------------------------------
TERM = (13, "107/12/25", "111/12/24")
SESSIONS = [  # kind, number, starts, ends
    ("regular", 2, "108/9/3", "108/12/24"),
    ("regular", 3, "109/3/3", "109/6/23"),
    ("extraordinary", 1, "109/4/14", "109/4/21"),  # not a regular session: neither figure
    ("extraordinary", 2, "109/7/14", "109/7/28"),
    ("regular", 4, "109/9/1", "109/12/22"),
]
MEETINGS = [  # number, held on, paperless, A4 sheets saved, money saved
    (2071, "108/12/17", True, 9480, 4520),
    (2072, "108/12/24", True, 9310, 4440),
    (2073, "109/1/7", True, 9620, 4590),
    (2074, "109/1/14", True, 9550, 4560),
    (2075, "109/2/4", False, 0, 0),  # printed on paper: no online record, nothing saved
    (2076, "109/2/11", True, 9700, 4630),
    (2077, "109/3/10", True, 9450, 4510),
    (2078, "109/4/14", True, 9380, 4480),
    (2079, "109/5/12", True, 9610, 4590),
    (2080, "109/6/9", True, 9520, 4550),
    (2081, "109/6/30", True, 9490, 4530),
    (2082, "109/7/7", True, 9600, 4580),  # after the period
]
ISSUES = [  # number, published on
    ("108年冬字第12期", "108/12/31"),
    *[
        (f"109年春字第{n}期", f"109/{m}/{d}")
        for n, (m, d) in enumerate([(1, 3), (1, 17), (2, 7), (2, 21), (3, 6), (3, 20)], start=1)
    ],
    *[
        (f"109年夏字第{n}期", f"109/{m}/{d}")
        for n, (m, d) in enumerate([(4, 10), (5, 8), (6, 5), (6, 30)], start=1)
    ],
    ("109年秋字第1期", "109/7/3"),
]
SUBSCRIPTIONS = [  # e-mail, subscribed, unsubscribed
    ("chen.meiling@example.com.tw", "107/3/1", ""),
    ("lin.zhiwei@example.com.tw", "108/5/10", "109/2/1"),  # left in the period
    ("wang.xiaoming@example.com.tw", "108/8/8", "109/6/30"),  # left on its last day
    ("huang.yating@example.com.tw", "109/1/5", ""),
    ("zhang.jiahao@example.com.tw", "109/3/3", "109/8/1"),  # left after the period
    ("li.shufen@example.com.tw", "109/4/20", ""),
    ("wu.jianhong@example.com.tw", "109/7/2", ""),  # joined after the period
]


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
DELEGATION_COLUMNS = (
    "received_on",
    "end_on",
    "country",
    "city",
    "leader_title",
    "leader",
    "name",
    "size",
    "received_by",
    "named_in_report",
)
DELEGATIONS = [
    ("108/12/16", "", "日本", "大阪市", "副市長", "山本剛史", "", "20", "黃副市長", "是"),
    ("109/1/8", "109/1/10", "日本", "東京都", "", "", "東京都議會訪問團", "12", "蔡副市長", "是"),
    ("109/1/15", "", "美國", "洛杉磯", "市議員", "Paul Krekorian", "", "5", "柯市長", "是"),
    ("109/2/20", "", "捷克", "布拉格", "副市長", "Hana Kordová Marvanová", "", "3", "柯市長", "否"),
    ("109/6/18", "", "斯洛伐克", "布拉提斯拉瓦", "市長", "Matúš Vallo", "", "4", "柯市長", "是"),
    ("109/7/2", "", "法國", "巴黎", "", "", "法國在臺協會訪問團", "6", "鄧副市長", "是"),
]
GRANT_TITLE = "本處「協助社會團體及各級學校辦理或參加國際性會議活動」{} 年度第 {} 期審查會"
REVIEWS = [("108/6/26", 108, 1), ("109/3/20", 109, 1)]
# applicant, event, applied on, then the workflow's steps: (action, date, amount)
GRANTS = [
    (
        "臺灣醫學會",
        "亞太醫學教育研討會",
        "108/5/2",
        [("approve", "108/6/26", 80000), ("pay", "108/12/10", 80000)],
    ),
    (
        "臺北市立大學",
        "國際體育運動科學研討會",
        "108/11/20",
        [("approve", "109/3/20", 120000), ("pay", "109/5/15", 118500)],
    ),
    (
        "中華民國建築學會",
        "亞洲建築交流研討會",
        "109/1/15",
        [("approve", "109/3/20", 150000), ("pay", "109/6/10", 150000)],
    ),
    ("臺北愛樂文教基金會", "臺北國際合唱音樂節", "109/2/3", [("approve", "109/3/20", 200000)]),
    ("臺灣永續能源研究基金會", "亞洲綠能論壇", "109/2/10", [("reject", "109/3/20", None)]),
    (
        "國立臺灣大學",
        "國際智慧城市青年論壇",
        "109/2/20",
        [("special", "109/4/8", 90000), ("pay", "109/6/20", 86000)],
    ),
    ("臺北市旅館商業同業公會", "亞太觀光論壇", "109/3/2", [("withdraw", "109/4/1", None)]),
    ("臺北市電腦商業同業公會", "亞洲資通訊大展研討會", "109/5/5", []),  # awaiting review
]
STATUS = {  # the status each step leaves an application in
    "approve": "approved",
    "special": "special",
    "reject": "rejected",
    "pay": "paid",
    "withdraw": "withdrawn",
}


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
    text = page_text(response)
    assert response.status_code == 200 and "errorlist" not in response.content.decode(), text


def _international(ctx) -> dict:
    intl = division("international").pk
    ctx.upload(
        "international",
        "international:delegation_import",
        DELEGATION_COLUMNS,
        DELEGATIONS,
        Delegation,
    )
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
RELEASES = [  # agency, title, published on
    ("秘書處", "市府公布 108 年度市政白皮書", "108/12/31"),
    ("秘書處", "柯市長新春團拜感謝市府團隊", "109/1/2"),
    ("財政局", "109 年度統一發票給獎", "109/1/20"),
    ("秘書處", "市府因應武漢肺炎成立防疫專案小組", "109/1/22"),
    ("衛生局", "本市加強防疫措施說明", "109/2/3"),
    ("秘書處", "市長主持防疫會議說明最新措施", "109/2/27"),
    ("教育局", "本市各級學校延後開學", "109/2/5"),
    ("交通局", "大眾運輸防疫措施", "109/3/10"),
    ("秘書處", "市府紓困方案記者會", "109/4/7"),
    ("產業局", "產業紓困貸款受理情形", "109/5/4"),
    ("秘書處", "市長出席臺北燈節成果發表", "109/6/15"),
    ("社會局", "弱勢家庭紓困金發放", "109/6/30"),
    ("秘書處", "市府下半年施政重點", "109/7/1"),
]
RESPONSES = [  # headline, reported, agency code, requested, replied
    ("口罩配送延誤引民怨", "108/12/30", "health", "108/12/30", "108/12/31"),
    ("捷運站防疫措施不一", "109/2/2", "trtc", "109/2/3", "109/2/4"),
    ("學校停課標準引發疑慮", "109/3/15", "education", "109/3/16", "109/3/17"),
    ("紓困貸款申辦冗長", "109/5/20", "economic-development", "109/5/21", ""),
    ("垃圾清運延遲", "109/7/3", "environmental-protection", "109/7/3", ""),
]
ENGAGEMENTS = [  # kind, held on, outlet
    ("interview", "108/12/20", "中央社"),
    ("dinner", "109/1/16", "市政記者聯誼會"),
    ("interview", "109/2/14", "聯合報"),
    ("interview", "109/4/22", "自由時報"),
    ("dinner", "109/5/28", "外籍媒體記者"),
    ("interview", "109/6/12", "天下雜誌"),
    ("dinner", "109/7/9", "市政記者聯誼會"),
]
POSTS = [  # platform, posted on
    ("臉書", "108/12/31"),
    *[("臉書", d) for d in ("109/1/1", "109/2/14", "109/3/3", "109/4/30", "109/6/30")],
    *[("Instagram", d) for d in ("109/1/25", "109/3/20", "109/5/1")],
    *[("Twitter", d) for d in ("109/2/1", "109/6/1")],
    ("LINE", "109/4/4"),
    ("Twitter", "109/7/1"),
]
PRODUCTIONS = [  # kind, title, produced on
    ("video", "臺北跨年晚會精華", "108/12/31"),
    ("image", "防疫新生活宣導圖卡", "109/2/10"),
    ("image", "勤洗手戴口罩", "109/3/5"),
    ("video", "市長防疫說明", "109/3/18"),
    ("image", "紓困方案懶人包", "109/4/9"),
    ("image", "臺北燈節花絮", "109/6/20"),
    ("video", "振興臺北", "109/6/28"),
    ("image", "夏日防疫提醒", "109/7/5"),
]


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


def check_report(text: str, expected: dict) -> None:
    from pathlib import Path

    Path("/tmp/public_report.txt").write_text(text, encoding="utf-8")
