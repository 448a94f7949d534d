"""The translation catalogues are complete, and pages speak the language the user asked for."""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

LOCALE = Path(settings.LOCALE_PATHS[0])
ZH_PO = LOCALE / "zh_Hant" / "LC_MESSAGES" / "django.po"
# Python-format placeholders: a translation that drops or renames one breaks at run time.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]")


def _unquote(line: str) -> str:
    body = line.strip()[1:-1]
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m[1], m[1]), body)


def read_po(path: Path) -> list[dict]:
    """The entries of a PO file: {"flags": set, "msgid": str, "msgid_plural": str?,
    "msgstr": [str, ...]} (enough for checking a catalogue; not a full PO parser)."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        entry, key = {"flags": set(), "msgstr": []}, None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["flags"].update(f.strip() for f in line[2:].split(","))
            elif line.startswith("#~"):
                entry["obsolete"] = True
            elif line.startswith("#") or not line.strip():
                continue
            elif line.startswith('"'):
                if key == "msgstr":
                    entry["msgstr"][-1] += _unquote(line)
                else:
                    entry[key] += _unquote(line)
            else:
                keyword, literal = line.split(" ", 1)
                key = "msgstr" if keyword.startswith("msgstr") else keyword
                if key == "msgstr":
                    entry["msgstr"].append(_unquote(literal))
                else:
                    entry[key] = _unquote(literal)
        if "msgid" in entry and not entry.get("obsolete"):
            entries.append(entry)
    return entries


@pytest.fixture(scope="module")
def zh_entries():
    entries = read_po(ZH_PO)
    assert entries and entries[0]["msgid"] == "", "the catalogue starts with its header"
    return entries


def test_every_message_has_a_chinese_translation(zh_entries):
    assert len(zh_entries) > 100
    untranslated = [e["msgid"] for e in zh_entries[1:] if not all(s.strip() for s in e["msgstr"])]
    assert not untranslated, f"untranslated in {ZH_PO}: {untranslated}"


def test_no_fuzzy_translations(zh_entries):
    fuzzy = [e["msgid"] or "(header)" for e in zh_entries if "fuzzy" in e["flags"]]
    assert not fuzzy, f"fuzzy in {ZH_PO}: {fuzzy}"


def test_translations_keep_their_placeholders(zh_entries):
    wrong = [
        e["msgid"]
        for e in zh_entries[1:]
        if any(
            sorted(PLACEHOLDER.findall(s)) != sorted(PLACEHOLDER.findall(e["msgid"]))
            for s in e["msgstr"]
        )
    ]
    assert not wrong, f"placeholders lost or changed: {wrong}"


@pytest.mark.parametrize("lang", ["zh_Hant", "en"])
def test_compiled_catalogue_is_up_to_date(lang):
    po_path = LOCALE / lang / "LC_MESSAGES" / "django.po"
    with open(po_path.with_suffix(".mo"), "rb") as mo:
        catalog = gettext.GNUTranslations(mo)._catalog
    stale = []
    for e in read_po(po_path)[1:]:
        if "fuzzy" in e["flags"] or not all(e["msgstr"]):
            continue
        if "msgid_plural" in e:
            if catalog.get((e["msgid"], 0)) != e["msgstr"][0]:
                stale.append(e["msgid"])
        elif catalog.get(e["msgid"]) != e["msgstr"][0]:
            stale.append(e["msgid"])
    assert not stale, f"run `mishu compilemessages`: {po_path.with_suffix('.mo')} lacks {stale}"


@pytest.fixture
def clerk_client(make_user, client_for):
    return client_for(make_user("documents", ["clerk"]))


def test_home_page_speaks_chinese_by_default(clerk_client):
    html = clerk_client.get("/").content.decode()
    assert '<html lang="zh-Hant-TW">' in html
    assert 'aria-label="組室"' in html
    assert ">文書組<" in html and ">媒體事務組<" in html
    assert "大事紀" in html
    assert "登出" in html and "跳至主要內容" in html
    assert "Log out" not in html


def test_home_page_in_english_from_language_cookie(clerk_client):
    clerk_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = clerk_client.get("/").content.decode()
    assert '<html lang="en">' in html
    assert 'aria-label="Divisions"' in html
    assert ">Document and Archives Division<" in html
    assert "Chronicle of events" in html
    assert "Log out" in html and "Skip to main content" in html
    assert "登出" not in html


def test_browser_accept_language_does_not_override_the_default(clerk_client):
    # Every clerk sees Chinese until they choose English (mishu.core.middleware.LocaleMiddleware).
    html = clerk_client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="zh-Hant-TW">' in html and "登出" in html


def test_language_switch_sets_english_and_back(clerk_client):
    response = clerk_client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert "Log out" in clerk_client.get("/").content.decode()
    clerk_client.post("/i18n/setlang/", {"language": "zh-hant", "next": "/"})
    assert "登出" in clerk_client.get("/").content.decode()


def test_login_page_in_both_languages(client):
    assert "<h1>登入</h1>" in client.get("/login/").content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "<h1>Log in</h1>" in client.get("/login/").content.decode()
