"""The reports' JSON writer gives `json.dumps(indent=2, sort_keys=True, ensure_ascii=False)`'s
text byte for byte (the JSON report is a public interface)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from secretcheck.report import jsontext

_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.text(),
)  # fmt: skip
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(st.text(max_size=6), inner, max_size=4),
    ),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(_VALUES)
def test_the_writer_matches_the_standard_library(value: Any) -> None:
    expected = json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)
    assert jsontext.dumps(value) == expected


def test_values_it_hands_to_the_standard_library_keep_its_answer() -> None:
    for value in ({1: "int key"}, {"a": {2: [3]}}, [{True: None}]):
        expected = json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)
        assert jsontext.dumps(value) == expected


def test_what_is_not_json_still_raises() -> None:
    with pytest.raises(TypeError):
        jsontext.dumps({"when": object()})
