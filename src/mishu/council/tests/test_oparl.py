"""The public, read-only council API shaped after OParl 1.1: anyone can walk from the system
to the body, its members, sessions (meetings), questions (papers) and agenda items."""

import pytest

from .factories import D, member, question, session, term

pytestmark = pytest.mark.django_db


def test_oparl_walk_from_system_to_papers(client):
    t = term()
    s = session(t)
    m = member(t, "議員甲")
    question(s, member=m, replied_on=D(2019, 9, 20), reply="依期程辦理。")
    question(s, agency="education", subject="校舍耐震", asked=D(2019, 9, 12))
    system = client.get("/council/oparl/v1/").json()
    assert system["type"].endswith("/System")
    bodies = client.get(system["body"]).json()
    body = bodies["data"][0]
    assert body["name"] == "臺北市議會"
    persons = client.get(body["person"]).json()
    assert [p["name"] for p in persons["data"]] == ["議員甲"]
    assert persons["pagination"]["totalElements"] == 1
    meetings = client.get(body["meeting"]).json()["data"]
    assert meetings[0]["start"] == "2019-09-03"
    assert [a["number"] for a in meetings[0]["agendaItem"]] == ["1", "2"]
    papers = client.get(body["paper"]).json()["data"]
    first = next(p for p in papers if p["name"] == "市有土地活化")
    assert first["mishu:reply"] == "依期程辦理。" and first["originatorPerson"]
    assert client.get(first["originatorPerson"][0]).json()["name"] == "議員甲"
    item = client.get(body["agendaItem"]).json()["data"][1]
    assert item["name"] == "校舍耐震" and item["number"] == "2"
    assert client.get("/council/oparl/v1/papers/999999/").status_code == 404
    assert client.get("/council/oparl/v1/papers/?page=x").status_code == 200
