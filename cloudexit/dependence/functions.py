"""Business functions resolved against an inventory: which resources and suppliers each needs."""

from __future__ import annotations

from dataclasses import dataclass

from cloudexit.errors import InputError
from cloudexit.model.inventory import Inventory, Resource
from cloudexit.model.suppliers import BusinessFunction, ResourceMatch, Supplier, SupplierRegister


@dataclass(frozen=True)
class ResolvedFunction:
    function: BusinessFunction
    resources: tuple[str, ...]
    suppliers: tuple[Supplier, ...]

    @property
    def critical(self) -> bool:
        return self.function.criticality == "critical"


def _matches(match: ResourceMatch, resource: Resource) -> bool:
    if match.ids and resource.id not in match.ids:
        return False
    return all(resource.tags.get(k) == v for k, v in match.tags.items())


def resolve(register: SupplierRegister, inventory: Inventory) -> list[ResolvedFunction]:
    """Every function with its resources (from its matches and from the suppliers' callers) and
    suppliers. A resource id the inventory does not hold is bad input, named."""
    known = inventory.by_id()
    for function in register.functions:
        for match in function.resources:
            for rid in match.ids:
                if rid not in known:
                    raise InputError(
                        f"function {function.id!r}: resource {rid!r} is not in the inventory"
                    )
    for supplier in register.suppliers:
        for rid in supplier.resources:
            if rid not in known:
                raise InputError(
                    f"supplier {supplier.id!r}: resource {rid!r} is not in the inventory"
                )
    resolved: list[ResolvedFunction] = []
    for function in register.functions:
        ids = {r.id for r in inventory.resources if any(_matches(m, r) for m in function.resources)}
        suppliers = tuple(s for s in register.suppliers if function.id in s.functions)
        resolved.append(ResolvedFunction(function, tuple(sorted(ids)), suppliers))
    return resolved
