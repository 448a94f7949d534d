"""Every new database holds the secretariat's divisions, the city's agencies and the roles."""

import pytest

from mishu.core.data.organisation import AGENCIES
from mishu.core.models import Agency, Division, Role

pytestmark = pytest.mark.django_db

SEED_TABLE_AGENCIES = (
    "秘書處 捷運公司 財政局 民政局 產業局 教育局 交通局 工務局 勞動局 社會局 衛生局 警察局 都發局 環保局 "
    "消防局 文化局 地政局 捷運局 體育局 觀傳局 法務局 資訊局 人事處 政風處 研考會 北水處 原民會 翡管局 "
    "兵役局 都委會 主計處 客委會"
).split()


def test_divisions_present():
    names = set(Division.objects.values_list("name", flat=True))
    assert {
        "總務組",
        "文書組",
        "國際事務組",
        "機要組",
        "市民服務組",
        "媒體事務組",
        "市政大樓公共事務管理中心",
        "會計室",
        "人事室",
        "政風室",
    } <= names


def test_every_agency_of_the_petition_table_with_full_name():
    agencies = {a.short_name: a for a in Agency.objects.all()}
    for short in SEED_TABLE_AGENCIES:
        assert short in agencies, short
        assert agencies[short].name.startswith("臺北"), short
        assert agencies[short].name_en
    assert agencies["都發局"].name == "臺北市政府都市發展局"
    assert agencies["北水處"].name == "臺北自來水事業處"
    assert len(agencies) == len(AGENCIES)


def test_roles_present():
    assert set(Role.objects.values_list("code", flat=True)) == {
        "clerk",
        "supervisor",
        "evaluator",
        "admin",
    }


def test_reference_api(make_user, api_for):
    api = api_for(make_user("media", ["clerk"]))
    body = api.get("/api/agencies/?limit=100").json()
    assert body["count"] == len(AGENCIES)
    assert api.post("/api/agencies/", {"code": "x"}, format="json").status_code == 405
