"""Chronicle events as report sentences through the ``chronicle.events`` list source."""

from datetime import date

import pytest

from mishu.chronicle.models import Event
from mishu.chronicle.sentences import compact_when, sentence
from mishu.core.testing import division
from mishu.reports.rendering import TemplateError
from mishu.reports.rendering.placeholders import render_body
from mishu.reports.tests.conftest import H2


def event(category, start, end=None, div="international", **fields):
    return Event.objects.create(
        category=category, start_date=start, end_date=end, division=division(div), **fields
    )


@pytest.fixture
def events(db):
    event(
        "trip",
        date(2019, 7, 2),
        date(2019, 7, 5),
        title="柯市長文哲率團赴大陸上海市出席「2019 臺北上海城市論壇」及市政參訪",
    )
    event(
        "trip",
        date(2019, 7, 30),
        date(2019, 8, 10),
        title="張前秘書長哲揚赴土耳其、以色列進行市政參訪",
    )
    event("trip", date(2019, 6, 30), title="上半年的出訪（不列入）")
    event(
        "visit",
        date(2019, 9, 1),
        title="美國鳳凰城市長 Kate Gallego 率團來訪",
        groups=1,
        persons=12,
    )
    event("training", date(2019, 9, 6), title="消防種子成員培訓", persons=58, div="city-hall")
    event(
        "project",
        date(2019, 11, 29),
        title="臺北市市政大樓中庭、2、3 樓空間活化工程",
        div="city-hall",
    )


def test_compact_when_follows_the_seed(events):
    trip = Event.objects.get(title__startswith="柯市長")
    assert compact_when(trip) == "108年7月2至5日"


def test_sentence_patterns(events):
    by_category = {e.category: e for e in Event.objects.exclude(title__startswith="張")}
    assert (
        sentence(by_category["visit"]) == "美國鳳凰城市長 Kate Gallego 率團來訪，計 1 團、12 人。"
    )
    assert sentence(by_category["training"]) == "108年9月6日辦理消防種子成員培訓，計 58 人參加。"
    assert (
        sentence(by_category["project"])
        == "「臺北市市政大樓中庭、2、3 樓空間活化工程」於 108年11月29日 驗收合格。"
    )


def test_list_numbers_trips_of_the_period_in_the_seed_style(events):
    md = render_body("{{ list chronicle.events category=trip }}", H2).markdown
    assert md.strip().split("\n\n") == [
        "(1)108年7月2至5日柯市長文哲率團赴大陸上海市出席「2019 臺北上海城市論壇」及市政參訪。",
        "(2)108年7月30日至8月10日張前秘書長哲揚赴土耳其、以色列進行市政參訪。",
    ]


def test_list_filters_by_division_not_by_reader(events, make_user):
    md = render_body(
        "{{ list chronicle.events category=training,project division=city-hall }}", H2
    ).markdown
    assert "(1)108年9月6日辦理" in md and "(2)「臺北市市政大樓中庭" in md
    # the report is the organisation's: a media clerk reads the same list as the evaluator
    media_clerk = make_user("media", ["clerk"])
    body = "{{ list chronicle.events category=trip }}"
    assert render_body(body, H2, media_clerk).markdown == render_body(body, H2).markdown
    assert "柯市長文哲率團" in render_body(body, H2, media_clerk).markdown


def test_bad_list_filters_are_clear_errors(events):
    with pytest.raises(TemplateError, match="未知的事件類別：holiday"):
        render_body("{{ list chronicle.events category=holiday }}", H2)
    with pytest.raises(TemplateError, match="不支援參數：colour"):
        render_body("{{ list chronicle.events colour=red }}", H2)


def test_projects_from_completion_to_acceptance_and_custom_patterns(events):
    event(
        "project",
        date(2019, 5, 21),
        date(2019, 7, 23),
        div="city-hall",
        title="臺北市市政大樓地下 1、2 樓公共空間暨附屬服務設施整修工程",
    )
    md = render_body("{{ list chronicle.events category=project }}", H2).markdown
    assert (
        "(1)「臺北市市政大樓地下 1、2 樓公共空間暨附屬服務設施整修工程」全案業於 108年5月21日 竣工，並於 108年7月23日 驗收合格。"
        in md
    )
    md = render_body(
        '目標達成：{{ list chronicle.events category=project pattern="「{title}」於 {accepted_md}驗收合格" join=， }}。',
        H2,
    ).markdown
    assert md == (
        "目標達成：「臺北市市政大樓地下 1、2 樓公共空間暨附屬服務設施整修工程」於 7 月 23 日驗收合格，"
        "「臺北市市政大樓中庭、2、3 樓空間活化工程」於 11 月 29 日驗收合格。"
    )
    with pytest.raises(TemplateError, match="句型欄位不明：colour"):
        render_body('{{ list chronicle.events pattern="{colour}" }}', H2)


def test_list_over_another_period(events):
    md = render_body("{{ list chronicle.events category=trip period=108H1 }}", H2).markdown
    assert md.strip() == "(1)108年6月30日上半年的出訪（不列入）。"
    with pytest.raises(TemplateError, match="不是期別"):
        render_body("{{ list chronicle.events period=soon }}", H2)
