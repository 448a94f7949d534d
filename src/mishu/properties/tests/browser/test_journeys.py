"""A 總務組 clerk allocates a dormitory room, records the notarised move-in, then the move-out."""

import datetime

import pytest

from mishu.core.testing import division
from mishu.core.tests.browser.helpers import assert_accessible, force_login
from mishu.properties.models import Allocation, DormBuilding, Room
from mishu.properties.models.dormitory import RoomStatus

pytestmark = pytest.mark.browser


def test_clerk_allocates_a_room(page, make_user):
    ga = division("general-affairs")
    room = Room.objects.create(
        division=ga, number="305", building=DormBuilding.objects.create(division=ga, name="西園")
    )
    allocation = Allocation.objects.create(
        division=ga, applicant="陳大文", applied_on=datetime.date(2019, 7, 1)
    )
    force_login(page, make_user("general-affairs", ["clerk"]))
    page.goto(allocation.get_absolute_url())
    assert_accessible(page)
    page.select_option("#id_room", str(room.pk))
    page.fill("#id_notified_on", "108/7/5")
    with page.expect_navigation():
        page.get_by_role("button", name="配置並通知").click()
    room.refresh_from_db()
    assert room.status == "申請配借中"
    page.fill("#id_moved_in_on", "108/7/3")  # before the notification: refused
    with page.expect_navigation():
        page.get_by_role("button", name="登錄入住").click()
    assert "入住日不得早於通知日" in page.inner_text("main")
    page.fill("#id_moved_in_on", "108/7/11")
    with page.expect_navigation():
        page.get_by_role("button", name="登錄入住").click()
    allocation.refresh_from_db()
    room.refresh_from_db()
    assert allocation.days == 6 and room.status == "已提供借用"
    assert "自通知至入住日數：6" in page.inner_text("main")
    assert_accessible(page)

    # the move-out: before the move-in it is refused in Chinese; then the room is vacant
    page.fill("#id_moved_out_on", "108/7/9")
    page.fill("#id_move_out_reason", "調職")
    page.check("#id_room_handed_back")
    with page.expect_navigation():
        page.get_by_role("button", name="登錄遷出").click()
    assert "遷出日不得早於入住日" in page.inner_text("main")
    room.refresh_from_db()
    assert room.status == RoomStatus.LENT
    page.fill("#id_moved_out_on", "108/12/31")
    page.fill("#id_move_out_reason", "調職")
    page.check("#id_room_handed_back")
    with page.expect_navigation():
        page.get_by_role("button", name="登錄遷出").click()
    allocation.refresh_from_db()
    room.refresh_from_db()
    assert allocation.moved_out_on == datetime.date(2019, 12, 31)
    assert allocation.move_out_reason == "調職" and room.status == RoomStatus.VACANT
    assert "遷出" in page.inner_text("main") and "登錄遷出" not in page.inner_text("main")
    page.goto(room.get_absolute_url())
    history = page.inner_text("table")
    assert "108 年 12 月 31 日" in history and "空置" in history
    assert_accessible(page)
