from __future__ import annotations

import pytest

from cloudexit.errors import InputError
from cloudexit.model.io import load_policy
from tests.helpers import EXAMPLE


def test_example_policy_uses_every_option():
    policy = load_policy(EXAMPLE / "policy.yaml")
    set_fields = policy.model_dump(exclude_unset=True)
    assert set(set_fields) == set(type(policy).model_fields)


def test_default_policy_without_file():
    assert load_policy(None).horizon_months == 36


@pytest.mark.parametrize(
    "text,expected",
    [
        ("horizon_months: 0\n", "horizon_months"),
        ("residency: {allowed_cuntries: [FR]}\n", "residency.allowed_cuntries"),
        ("min_providers: 3\nmax_providers: 2\n", "max_providers (2) is below min_providers (3)"),
        ("providers:\n  - match: {tags: {a: b}}\n", "providers[0]"),
        ("targets: [\n", "invalid YAML at line"),
        ("- a\n- b\n", "a policy is a YAML mapping"),
    ],
)
def test_bad_policy_is_one_line_naming_the_field(tmp_path, text, expected):
    path = tmp_path / "policy.yaml"
    path.write_text(text)
    with pytest.raises(InputError) as error:
        load_policy(path)
    message = str(error.value)
    assert expected in message
    assert str(path) in message
    assert "\n" not in message
