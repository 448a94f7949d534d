"""機要組 in the browser: a council question answered before its deadline, and a mayor's
directive tracked from assignment to closure."""

import pytest

from mishu.core.tests.browser.helpers import assert_accessible, force_login
from mishu.council.models import Directive, Question

from ..factories import directive, meeting, question, session, term

pytestmark = pytest.mark.browser


def test_a_question_is_answered_before_its_deadline(page, make_user):
    q = question(session(term()), subject="市有土地活化之收益")  # asked 108/9/10, due 108/10/8
    force_login(page, make_user("confidential", ["clerk"]))
    page.goto("/council/questions/")
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("link", name="市有土地活化之收益").click()
    assert "逾期未答復" in page.inner_text("main")
    with page.expect_navigation():
        page.get_by_role("link", name="編輯").click()
    page.fill("#id_replied_on", "108/10/1")
    with page.expect_navigation():
        page.get_by_role("button", name="儲存").click()
    assert "請填寫書面答復" in page.inner_text("main")  # a reply date without the reply
    page.fill("#id_reply", "本府財政局將依期程辦理市有土地標售。")
    with page.expect_navigation():
        page.get_by_role("button", name="儲存").click()
    main = page.inner_text("main")
    assert "於期限內答復" in main and "108 年 10 月 1 日" in main
    assert_accessible(page)
    q.refresh_from_db()
    assert q.reply.startswith("本府財政局") and not q.is_overdue()
    assert Question.objects.get(pk=q.pk).replied_on.isoformat() == "2019-10-01"


def test_a_directive_is_tracked_to_closure(page, make_user):
    d = directive(meeting())  # city meeting 108/9/3, due 108/10/1
    force_login(page, make_user("confidential", ["clerk"]))
    page.goto(d.get_absolute_url())
    assert_accessible(page)
    assert "交辦" in page.inner_text("main")
    page.fill("#id_on", "108/9/10")
    page.fill("#id_note", "已召開疏運會議，刻正辦理中。")
    with page.expect_navigation():
        page.get_by_role("button", name="填報進度").click()
    assert "辦理中" in page.inner_text("main")
    page.fill("#id_on", "108/8/30")  # before the meeting: refused
    page.fill("#id_note", "已完成")
    with page.expect_navigation():
        page.get_by_role("button", name="解除列管").click()
    assert "日期不得早於市政會議" in page.inner_text("main")
    page.fill("#id_on", "108/9/27")
    page.fill("#id_note", "疏運計畫已完成並對外說明。")
    with page.expect_navigation():
        page.get_by_role("button", name="解除列管").click()
    main = page.inner_text("main")
    assert "如期完成" in main and "108 年 9 月 27 日" in main
    steps = page.inner_text("#directive-steps")
    assert "填報進度" in steps and "解除列管" in steps
    assert page.get_by_role("button", name="解除列管").count() == 0
    assert page.get_by_role("button", name="繼續列管").count() == 1
    assert_accessible(page)
    d = Directive.objects.get(pk=d.pk)
    assert d.state == "closed" and d.closed_on.isoformat() == "2019-09-27"
