"""109H1 entered as users would, one module per business line.

Each module of this package defines ``enter(ctx) -> dict`` and is found by `entry_modules()`.
``enter`` posts the period's records through the import pages and the forms (the test client,
logged in as a user of the division that owns them) and returns the figures it expects,
computed in the module from the rows it entered, never read back from the application:

    {(code, cell): Decimal}                  the figure for 109H1
    {(code, cell, "109"): Decimal}           the figure for another period (year 109 to date)

A module may also define ``check_report(text, expected)``: it reads the rendered 109H1 report
(plain text, whitespace collapsed, as `report_text` gives it) and asserts that its sentences
print its figures and state nothing of another period.

Several lines enter documents into the one register (文書組's city documents, the e-document
returns' secretariat documents). The register's additive figures (received, sent, sealed) are
`docs.py`'s; a module that enters documents defines ``register_adds() -> {(code, cell): Decimal}``
for what its own rows add, and `docs.py` adds them up.

``cell`` is a sorted tuple of (dimension, value) pairs, () for the total. A figure a module does
not name is expected to be missing (None) for 109H1, and so marked 【缺】 in the report.
"""

import importlib
import pkgutil
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mishu.core.exports import write_table
from mishu.core.formats import Period

PERIOD = Period.parse("109H1")


def entry_modules():
    """Every module of this package that enters a business line's records, in name order."""
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "enter"):
            yield module


def page_text(response) -> str:
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", text)[:3000]


@dataclass
class Context:
    """What an entry module needs: users by division and role, logged-in clients, the posts."""

    make_user: object
    client_for: object
    users: dict = field(default_factory=dict)

    def user(self, division: str, role: str = "clerk"):
        key = (division, role)
        if key not in self.users:
            self.users[key] = self.make_user(division, [role])
        return self.users[key]

    def client(self, division: str, role: str = "clerk"):
        """A client logged in as that division's user (the one client, switched user)."""
        return self.client_for(self.user(division, role))

    def post(self, division: str, url_name: str, data: dict, *, role="clerk", args=()):
        """Post a form; it must be accepted (a redirect)."""
        response = self.client(division, role).post(reverse(url_name, args=args), data)
        assert response.status_code == 302, (url_name, page_text(response))
        return response

    def upload(self, division, url_name, columns, rows, model, *, role="clerk", **data):
        """Post a table to an import page; every row must be written."""
        before = model.objects.count()
        content = write_table("csv", list(columns), [list(r) for r in rows])
        f = SimpleUploadedFile("rows.csv", content, content_type="text/csv")
        response = self.client(division, role).post(reverse(url_name), {"file": f, **data})
        assert response.status_code in (200, 302), (url_name, page_text(response))
        assert model.objects.count() == before + len(rows), (url_name, page_text(response))
        return response


def report_text(html: str) -> str:
    """The report page's text: tags removed, whitespace collapsed to single spaces."""
    text = re.sub(r"<[^>]+>", " ", html)
    return re.sub(r"\s+", " ", text).strip()


def total(values) -> Decimal:
    return sum((Decimal(str(v)) for v in values), Decimal(0))
