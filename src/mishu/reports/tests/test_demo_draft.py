"""The demo's 108H2 draft is the structure plus that half-year's narrative. It is kept as a file
beside the structure, so a change to the structure must be carried into it: these tests fail when
a section or a figure of the structure is missing from the draft."""

import re
from collections import Counter

from mishu.reports import demo, structure

# the figures: every placeholder but `period`, whose labels are wording a draft may phrase its own
# way (「全年」 in a year-end draft for the structure's 「本年度截至 {{ period end }}」)
PLACEHOLDER = re.compile(r"\{\{(?!\s*period\b).*?\}\}")


def _sections(body: str) -> dict[str, str]:
    return {part.key: part.text for part in structure.split(body)}


def _has_all(needles: list[str], haystack: list[str]) -> bool:
    """Every figure of `needles` is in `haystack`, as many times (the draft may reorder a
    sentence, as the seed's narrative does, and may print more)."""
    return not Counter(needles) - Counter(haystack)


def test_the_draft_has_every_section_of_the_structure_with_its_title():
    shipped = structure.split(structure.shipped_body())
    drafted = {part.key: part.title for part in structure.split(demo.DRAFT.read_text("utf-8"))}
    assert [p.key for p in shipped] == list(drafted)
    for part in shipped:
        assert drafted[part.key] == part.title, part.key


def test_the_draft_prints_every_figure_of_the_structure():
    shipped = _sections(structure.shipped_body())
    drafted = _sections(demo.DRAFT.read_text("utf-8"))
    for key, text in shipped.items():
        wanted = PLACEHOLDER.findall(text)
        assert _has_all(wanted, PLACEHOLDER.findall(drafted[key])), (
            key,
            [p for p in wanted if p not in drafted[key]],
        )


def test_a_figure_dropped_from_the_draft_is_caught():
    """The check above can fail: drop one figure from a section and it is reported."""
    drafted = _sections(demo.DRAFT.read_text("utf-8"))
    text = next(t for t in drafted.values() if PLACEHOLDER.search(t))
    first = PLACEHOLDER.search(text).group(0)
    assert not _has_all(PLACEHOLDER.findall(text), PLACEHOLDER.findall(text.replace(first, "", 1)))
