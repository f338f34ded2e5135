"""The target types named as taking no source tag are checked against the provider schemas the
Terraform is validated with: each exists there and has no tag or label argument."""

from __future__ import annotations

import json

from cloudexit.emit.terraform.tags import NO_TAG_ARGUMENT
from cloudexit.tfcheck.facts import SHIPPED


def test_every_untaggable_type_has_no_tag_argument_in_its_schema():
    providers = json.loads(SHIPPED.read_text(encoding="utf-8"))["providers"]
    resources = {t: body for p in providers.values() for t, body in p["resources"].items()}
    for rtype in sorted(NO_TAG_ARGUMENT):
        assert rtype in resources, rtype
        arguments = resources[rtype]["attributes"]
        assert not {"tags", "labels", "tag", "label"} & set(arguments), rtype
