"""The public surface is deliberate: __all__ lists exactly the public names, sorted (as httpx)."""

import types

import congvan


def test_all_is_sorted():
    assert congvan.__all__ == sorted(congvan.__all__)


def test_all_lists_every_public_name():
    public = {n for n, v in vars(congvan).items()
              if not n.startswith("_") and not isinstance(v, types.ModuleType)}
    assert public == set(congvan.__all__) - {"__version__"}
