"""Forms that guide: every help and error text a field names in aria-describedby exists in the
page, an invalid field says so (aria-invalid), and a failed submit opens with a summary whose
links lead to the fields. Checked on every form page without URL arguments, of every app,
as it first shows and after an empty submit."""

from html.parser import HTMLParser

from django.urls import resolve

from .test_no_server_errors import _plain_paths


class FormPage(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.ids, self.described, self.invalid, self.summaries, self.links = set(), [], [], [], []
        self._in_summary = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for ref in (attrs.get("aria-describedby") or "").split():
            self.described.append((attrs.get("name") or attrs.get("id") or tag, ref))
        if attrs.get("aria-invalid") == "true":
            self.invalid.append(attrs.get("id"))
        if "data-error-summary" in attrs:
            self.summaries.append(attrs)
            self._in_summary = 1
        elif self._in_summary and tag == "a" and (attrs.get("href") or "").startswith("#"):
            self.links.append(attrs["href"][1:])

    def handle_endtag(self, tag):
        if tag == "div" and self._in_summary:
            self._in_summary = 0


def _pages(client, paths):
    for path in paths:
        for response in (client.get(path), client.post(path, {})):
            if response.status_code != 200 or response.streaming:
                continue
            if "text/html" not in response.get("Content-Type", ""):
                continue
            yield path, response.request["REQUEST_METHOD"], FormPage(response.content.decode())


def test_every_form_links_its_help_errors_and_summary(make_user, client_for):
    client = client_for(make_user("documents", ["admin"], is_superuser=True))
    described, summarised = set(), set()
    for path, method, page in _pages(client, _plain_paths()):
        where = f"{method} {path}"
        dangling = [(field, ref) for field, ref in page.described if ref not in page.ids]
        assert not dangling, f"{where}: aria-describedby names no element: {dangling}"
        if page.described:
            described.add(resolve(path).app_name or path)
        if page.invalid:
            # an invalid field describes itself by its error, and the page opens with a summary
            assert page.summaries, f"{where}: invalid fields but no error summary"
            summary = page.summaries[0]
            assert summary.get("role") == "alert" and summary.get("tabindex") == "-1", where
            assert page.links, f"{where}: the error summary links to no field"
            assert all(link in page.ids for link in page.links), f"{where}: {page.links}"
            assert set(page.invalid) & set(page.links), f"{where}: no link to an invalid field"
            errors = {ref for _field, ref in page.described if ref.endswith("_error")}
            assert errors, f"{where}: no field is described by its error"
            summarised.add(resolve(path).app_name or path)
    # the walk reached the forms of many apps, before and after a failed submit
    assert len(described) >= 8, sorted(described)
    assert len(summarised) >= 5, sorted(summarised)
