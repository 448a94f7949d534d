"""Every string the code marks for translation has a Chinese translation in its app's catalogue.

The messages are extracted afresh, as `makemessages --no-obsolete` would, from a copy of the
source into a temporary directory (the repository's catalogues are never written), so a new
`_("...")` or `{% trans %}` without a zh_Hant entry fails here, not in front of a clerk."""

import os
import shutil
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings

from .test_i18n import read_po

SOURCE = Path(settings.BASE_DIR)  # src/mishu
COPIED = ("*.py", "*.html", "*.txt", "*.po")


def _copy_source(target: Path) -> None:
    def ignore(directory, names):
        keep = set()
        for name in names:
            path = Path(directory) / name
            if path.is_dir():
                if name not in ("tests", "__pycache__", "static", "migrations"):
                    keep.add(name)
            elif any(path.match(p) for p in COPIED):
                keep.add(name)
        return set(names) - keep

    shutil.copytree(SOURCE, target, ignore=ignore)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The zh_Hant catalogues as makemessages leaves them after extracting every string."""
    if not shutil.which("xgettext"):
        pytest.skip("GNU gettext is not installed")
    root = tmp_path_factory.mktemp("messages") / "mishu"
    _copy_source(root)
    cwd, path = os.getcwd(), list(sys.path)
    os.chdir(root)
    try:
        with override_settings(LOCALE_PATHS=[str(root / "locale")]):
            call_command("makemessages", locale=["zh_Hant"], no_obsolete=True, verbosity=0)
    finally:
        os.chdir(cwd)
        sys.path[:] = path
    return {
        po.relative_to(root): read_po(po)
        for po in sorted(root.glob("**/locale/zh_Hant/LC_MESSAGES/django.po"))
    }


def test_every_catalogue_is_extracted(extracted):
    apps = {
        str(p).split("/locale/")[0]
        for p in extracted
        if str(p) != "locale/zh_Hant/LC_MESSAGES/django.po"
    }
    assert {"documents", "petitions", "indicators", "venues"} <= apps
    assert Path("locale/zh_Hant/LC_MESSAGES/django.po") in extracted


def test_every_extracted_message_has_a_chinese_translation(extracted):
    missing = [
        f"{po}: {entry['msgid']!r}"
        for po, entries in extracted.items()
        for entry in entries[1:]
        if "fuzzy" in entry["flags"] or not all(s.strip() for s in entry["msgstr"])
    ]
    assert not missing, "\n".join(missing)
