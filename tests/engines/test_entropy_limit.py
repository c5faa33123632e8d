"""The entropy plugins' limit test gives detect-secrets' own answer.

`_above_limit` lets `values.shannon_entropy` decide values far from the limit and asks the
plugin's `calculate_shannon_entropy` about the rest (and always, for a plugin that overrides it);
these tests hold it to the plugin's answer, uniform strings (entropy exactly at a whole-bit
limit) included.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from secretcheck.engines.detect_secrets_adapter import _above_limit, _plugin

BASE64 = "Base64HighEntropyString"
HEX = "HexHighEntropyString"


def _entropy_plugin(name: str, limit: float) -> object:
    return _plugin(name, (("limit", limit),))


def _plugins_answer(plugin: object, value: str) -> bool:
    return bool(plugin.calculate_shannon_entropy(value) > plugin.entropy_limit)  # type: ignore[attr-defined]


@settings(max_examples=500, deadline=None)
@given(
    alphabet_size=st.integers(1, 67),
    picks=st.lists(st.integers(0, 66), min_size=1, max_size=60),
    limit=st.sampled_from([1.0, 2.0, 3.0, 4.0, 4.5, 5.0]),
)
def test_base64_limit_as_the_plugin_decides(
    alphabet_size: int, picks: list[int], limit: float
) -> None:
    plugin = _entropy_plugin(BASE64, limit)
    charset = plugin.charset  # type: ignore[attr-defined]
    value = "".join(charset[i % alphabet_size] for i in picks)
    assert _above_limit(plugin, value) == _plugins_answer(plugin, value)


@pytest.mark.parametrize("distinct", [2, 4, 8, 16, 32, 64])
@pytest.mark.parametrize("limit", [1.0, 2.0, 3.0, 4.0, 5.0, 6.0])
def test_uniform_values_at_a_whole_bit_limit(distinct: int, limit: float) -> None:
    # Entropy exactly log2(distinct): where rounding could tip either sum over the limit.
    plugin = _entropy_plugin(BASE64, limit)
    value = plugin.charset[:distinct] * 3  # type: ignore[attr-defined]
    assert _above_limit(plugin, value) == _plugins_answer(plugin, value)


@pytest.mark.parametrize("value", ["1234567890", "0123456789abcdef", "99999999999", "a1b2c3d4e5"])
def test_hex_plugin_keeps_its_own_all_digit_rule(value: str) -> None:
    # Hex overrides the entropy (all-digit values score lower): it always decides itself.
    plugin = _entropy_plugin(HEX, 3.0)
    assert _above_limit(plugin, value) == _plugins_answer(plugin, value)
