"""The demo's 108H2 draft is the structure plus that half-year's narrative. It is kept as a file
beside the structure, so a change to the structure must be carried into it: these tests fail when
a section or a figure of the structure is missing from the draft, or in another order."""

import re

from mishu.reports import demo, structure

# the figures: every placeholder but `period`, whose labels are wording a draft may phrase its own
# way (「全年」 in a year-end draft for the structure's 「本年度截至 {{ period end }}」)
PLACEHOLDER = re.compile(r"\{\{(?!\s*period\b).*?\}\}")


def _sections(body: str) -> dict[str, str]:
    return {part.key: part.text for part in structure.split(body)}


def _is_subsequence(needles: list[str], haystack: list[str]) -> bool:
    rest = iter(haystack)
    return all(any(item == needle for item in rest) for needle in needles)


def test_the_draft_has_every_section_of_the_structure_with_its_title():
    shipped = structure.split(structure.shipped_body())
    drafted = {part.key: part.title for part in structure.split(demo.DRAFT.read_text("utf-8"))}
    assert [p.key for p in shipped] == list(drafted)
    for part in shipped:
        assert drafted[part.key] == part.title, part.key


def test_the_draft_prints_every_figure_of_the_structure_in_order():
    shipped = _sections(structure.shipped_body())
    drafted = _sections(demo.DRAFT.read_text("utf-8"))
    for key, text in shipped.items():
        wanted = PLACEHOLDER.findall(text)
        assert _is_subsequence(wanted, PLACEHOLDER.findall(drafted[key])), (
            key,
            [p for p in wanted if p not in drafted[key]],
        )


def test_a_figure_dropped_from_the_draft_is_caught():
    """The check above can fail: drop one figure from a section and it is reported."""
    drafted = _sections(demo.DRAFT.read_text("utf-8"))
    text = next(t for t in drafted.values() if PLACEHOLDER.search(t))
    first = PLACEHOLDER.search(text).group(0)
    assert not _is_subsequence(
        PLACEHOLDER.findall(text), PLACEHOLDER.findall(text.replace(first, "", 1))
    )
