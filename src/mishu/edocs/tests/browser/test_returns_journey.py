"""A documents clerk enters an agency's e-document return through the form (a wrong figure is
refused, naming the field), then finds it in the period's table with the city's total — in
headless Chromium."""

import pytest

from mishu.core.tests.browser.helpers import assert_accessible, login

pytestmark = pytest.mark.browser

FIGURES = {
    "paper_incoming": "1000",
    "paper_signed_online": "400",
    "documents_total": "5000",
    "documents_signed_online": "4500",
    "meetings_total": "50",
    "e_meetings": "48",
    "paper_baseline_boxes": "300",
    "paper_saved_boxes": "20.5",
}


def test_enter_a_return_and_see_the_city_total(page, make_user):
    from mishu.core.models import Agency
    from mishu.edocs.models import EDocumentReturn

    clerk = make_user("documents", ["clerk"])
    finance = Agency.objects.get(short_name="財政局")
    login(page, clerk)
    page.goto("/edocs/returns/add/?period=108")
    assert_accessible(page)
    page.select_option("#id_agency", str(finance.pk))
    for name, value in FIGURES.items():
        page.fill(f"#id_{name}", value)
    page.fill("#id_e_meetings", "51")  # more than the meetings held
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    error = page.locator("#id_e_meetings_error").inner_text()  # the text the field names
    assert "電子化會議場數" in error and "會議總場數" in error
    assert not EDocumentReturn.objects.exists()
    page.fill("#id_e_meetings", "48")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    ret = EDocumentReturn.objects.get()
    assert page.url.endswith(f"/edocs/returns/{ret.pk}/")
    assert "96.00%" in page.locator("main").inner_text()
    assert_accessible(page)

    page.goto("/edocs/returns/?period=108")
    assert_accessible(page)
    total = page.locator("table.data tfoot tr").inner_text()
    assert "全府合計" in total and "1,000" in total and "40.00%" in total
    assert "警察局" in page.locator("#missing-h + p").inner_text()
