"""libcst's scope metadata for the taint engine, without the traversals that only repeat it.

`MetadataWrapper.resolve(ScopeProvider)` runs each batchable provider (expression context,
then scopes) inside a batched traversal of the whole module. Both providers do all their
work in `visit_Module`, with visitors of their own; the batched traversal around them then
walks every node of the module once more and calls nothing: two full libcst traversals that
cost about as much as the scope analysis itself. Here each provider's `visit_Module` is
called directly, with its dependencies resolved as the wrapper would, and the result is
stored in the wrapper exactly as `resolve` stores it.

The shortcut needs libcst internals (`MetadataWrapper._metadata`, the provider's
`_computed`); where they are missing, or a provider visits more than the module node (a
libcst release that changed them), the wrapper's own `resolve` is used.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import libcst as cst
from libcst.metadata import ExpressionContextProvider, MetadataWrapper, ScopeProvider
from libcst.metadata.scope_provider import Scope

_PROVIDERS = (ExpressionContextProvider, ScopeProvider)


def resolve_scopes(wrapper: MetadataWrapper) -> Mapping[cst.CSTNode, Scope | None]:
    """The scope of each node of `wrapper.module`, as `wrapper.resolve(ScopeProvider)`."""
    store: Any = getattr(wrapper, "_metadata", None)
    if not isinstance(store, dict):
        return wrapper.resolve(ScopeProvider)
    for provider_type in _PROVIDERS:
        if provider_type in store:
            continue
        provider: Any = provider_type()
        if set(provider.get_visitors()) != {"visit_Module"} or not hasattr(provider, "_computed"):
            return wrapper.resolve(ScopeProvider)
        with provider.resolve(wrapper):
            provider.visit_Module(wrapper.module)
        store[provider_type] = MappingProxyType(dict(provider._computed))
    scopes: Mapping[cst.CSTNode, Scope | None] = store[ScopeProvider]
    return scopes
