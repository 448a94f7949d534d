"""A 總務組 (研考) clerk records a phone courtesy test with one check failed."""

import pytest

from mishu.core.models import Agency
from mishu.core.tests.browser.helpers import assert_accessible, force_login
from mishu.research.models import PhoneTest

pytestmark = pytest.mark.browser


def test_clerk_records_a_phone_test(page, make_user):
    force_login(page, make_user("general-affairs", ["clerk"]))
    page.goto("/research/phonetests/add/")
    assert_accessible(page)
    page.fill("#id_tested_on", "108/7/2")
    page.select_option("#id_tester_agency", str(Agency.objects.get(code="labor").pk))
    page.select_option("#id_tested_agency", str(Agency.objects.get(code="secretariat").pk))
    page.fill("#id_tested_unit", "文書組")
    page.fill("#id_findings", "首接時未報姓名")
    page.uncheck("#id_check_first_name")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    test = PhoneTest.objects.get()
    assert test.failed == ["first_name"]
    checks = page.inner_text("#checks")
    assert "首接報明姓名(氏)：未通過" in checks and "謙和語調：通過" in checks
    assert_accessible(page)
