"""Demo media records of 108H2 that reproduce the seed's 壹六: 192 press releases of the
secretariat and 7,652 of the whole city, 9 news responses, 2 media dinners, 53 interviews,
203 / 45 / 197 posts on 臉書 / Instagram / Twitter, 213 images and 79 videos.

`load()` is idempotent: a kind of record already present in 108H2 is left as it is. The large
sets are written in bulk with one change-log entry per record (`audit.record_created`).
"""

import datetime

from mishu.core import audit
from mishu.core.choices import ChangeSource
from mishu.core.models import Agency, Division
from mishu.core.workdays import office_calendar

from .choices import EngagementKind, Platform, ProductionKind
from .importing import write_releases
from .models import Engagement, NewsResponse, PressRelease, Production, SocialPost

START, END = datetime.date(2019, 7, 1), datetime.date(2019, 12, 31)
SECRETARIAT_RELEASES, CITY_RELEASES = 192, 7652
POSTS = {Platform.FACEBOOK: 203, Platform.INSTAGRAM: 45, Platform.TWITTER: 197}
PRODUCTIONS = {ProductionKind.IMAGE: 213, ProductionKind.VIDEO: 79}
ENGAGEMENTS = {EngagementKind.DINNER: 2, EngagementKind.INTERVIEW: 53}
OUTLETS = ["中央社", "聯合報", "自由時報", "中國時報", "公視", "TVBS", "民視", "蘋果日報"]
RESPONSES = [
    ("2019-07-08", "transportation", "公車路線調整引發民怨", 1),
    ("2019-07-23", "public-works", "豪雨後人行道破損未修", 1),
    ("2019-08-14", "education", "校園午餐食材來源受質疑", 2),
    ("2019-09-03", "social-welfare", "托育補助申請流程冗長", 1),
    ("2019-09-25", "environmental-protection", "垃圾清運時間變更", 1),
    ("2019-10-16", "health", "流感疫苗接種站不足", 1),
    ("2019-11-05", "civil-affairs", "里民活動中心使用爭議", 2),
    ("2019-11-27", "finance", "市有土地標售價格偏低", 1),
    ("2019-12-18", "transportation", "跨年交通管制資訊不清", 1),
]


def _days():
    cal = office_calendar()
    days, day = [], START
    while day <= END:
        if cal.is_workday(day):
            days.append(day)
        day += datetime.timedelta(days=1)
    return days


def _spread(days, n, i):
    return days[(i * len(days)) // n]


def _absent(model, field):
    return not model.objects.filter(**{f"{field}__range": (START, END)}).exists()


def load() -> None:
    """Create the demo media records of 108H2 that are not there yet."""
    media = Division.objects.get(code="media")
    days = _days()
    with audit.audit_context(source=ChangeSource.SYSTEM, actor_name="loaddemo"):
        if _absent(PressRelease, "published_on"):
            _releases(media, days)
        if _absent(NewsResponse, "requested_on"):
            _responses(media)
        if _absent(Engagement, "held_on"):
            _bulk(
                Engagement(
                    division=media,
                    kind=kind,
                    held_on=_spread(days, n, i),
                    outlet=OUTLETS[i % len(OUTLETS)],
                    subject="市政議題專訪" if kind == EngagementKind.INTERVIEW else "年度媒體餐敘",
                )
                for kind, n in ENGAGEMENTS.items()
                for i in range(n)
            )
        if _absent(SocialPost, "posted_on"):
            _bulk(
                SocialPost(
                    division=media,
                    platform=platform,
                    posted_on=_spread(days, n, i),
                    summary=f"市政宣導貼文（{platform} 第 {i + 1} 則）",
                )
                for platform, n in POSTS.items()
                for i in range(n)
            )
        if _absent(Production, "produced_on"):
            _bulk(
                Production(
                    division=media,
                    kind=kind,
                    title=f"施政宣傳{'圖片' if kind == ProductionKind.IMAGE else '影片'} {i + 1}",
                    campaign="108 年下半年施政宣傳專案",
                    produced_on=_spread(days, n, i),
                )
                for kind, n in PRODUCTIONS.items()
                for i in range(n)
            )


def _bulk(objs):
    objs = list(objs)
    model = type(objs[0])
    audit.record_created(model.objects.bulk_create(objs, batch_size=2000))


def _releases(media, days):
    agencies = list(Agency.objects.exclude(code="secretariat").order_by("order"))
    secretariat = Agency.objects.get(code="secretariat")
    releases = [
        PressRelease(
            division=media,
            agency=secretariat,
            title=f"臺北市政府秘書處新聞稿：市政要聞第 {i + 1} 則",
            published_on=_spread(days, SECRETARIAT_RELEASES, i),
            body="市長今日出席市政活動，說明本府施政重點。",
        )
        for i in range(SECRETARIAT_RELEASES)
    ]
    others = CITY_RELEASES - SECRETARIAT_RELEASES
    releases += [
        PressRelease(
            division=media,
            agency=agencies[i % len(agencies)],
            title=f"{agencies[i % len(agencies)].short_name}新聞稿：業務成果第 {i + 1} 則",
            published_on=_spread(days, others, i),
        )
        for i in range(others)
    ]
    write_releases(releases)


def _responses(media):
    cal = office_calendar()
    agencies = {a.code: a for a in Agency.objects.all()}
    for i, (day, agency, headline, allowed) in enumerate(RESPONSES):
        requested = datetime.date.fromisoformat(day)
        response = NewsResponse(
            division=media,
            headline=headline,
            outlet=OUTLETS[i % len(OUTLETS)],
            reported_on=requested,
            agency=agencies.get(agency) or agencies["secretariat"],
            requested_on=requested,
            allowed_days=allowed,
            replied_on=cal.add_workdays(requested, allowed if i != 4 else allowed + 1),
            reply="已由權責機關發布說明並回應媒體。",
        )
        response.full_clean()
        response.save()
