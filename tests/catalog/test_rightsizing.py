"""needs_of: observed peaks plus headroom, and catalogue specs when the source gave only a size name."""

from __future__ import annotations

from cloudexit.catalog.schema import Specs
from cloudexit.catalog.sizing import needs_of, right_size
from cloudexit.model.inventory import Resource


def vm(attributes: dict, utilisation: dict | None = None) -> Resource:
    return Resource.model_validate(
        {
            "id": "i-1",
            "provider": "aws",
            "account": "1",
            "region": "us-east-1",
            "type": "AWS::EC2::Instance",
            "kind": "compute.vm",
            "name": "i-1",
            "attributes": attributes,
            "utilisation": utilisation,
        }
    )


def test_right_size_keeps_peak_plus_headroom_within_bounds():
    assert right_size(8, 25, 0.2, whole=True) == 3  # 8 x 0.25 x 1.2 = 2.4 -> 3 vCPU
    assert right_size(8, 100, 0.5, whole=True) == 8  # never above what runs today
    assert right_size(2, 1, 0.2, whole=True) == 1  # never below one
    assert right_size(16, 50, 0.1, whole=False) == 8.8


def test_needs_of_takes_specs_from_the_catalogue_when_the_source_gave_a_size_name_only():
    specs = Specs(vcpu=4, memory_gib=16, architecture="arm64", gpu_count=1)
    needs = needs_of(
        vm({"instance_type": "m7g.xlarge"}, {"cpu_p95": 50, "memory_p95": 25}), 0.2, specs
    )
    assert needs.vcpu == 3  # 4 x 0.5 x 1.2 = 2.4 -> 3
    assert needs.memory_gib == 16 * 0.25 * 1.2
    assert needs.architecture == "arm64"
    assert needs.gpu_count == 1


def test_needs_of_prefers_what_the_source_reported():
    needs = needs_of(vm({"vcpu": 2, "memory_gib": 4}), 0.2, Specs(vcpu=8, memory_gib=32))
    assert (needs.vcpu, needs.memory_gib) == (2, 4)
