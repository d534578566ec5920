"""The public surface is deliberate: __all__ lists exactly the public names, sorted (as httpx)."""

import types

import congvan


def test_all_is_sorted():
    assert congvan.__all__ == sorted(congvan.__all__)


def test_all_lists_every_public_name():
    """Names load on first use (PEP 562): every name of __all__ resolves, and nothing else public
    sits in the package's namespace, before or after they load."""
    def public():
        return {n for n, v in vars(congvan).items()
                if not n.startswith("_") and not isinstance(v, types.ModuleType)}
    assert public() <= set(congvan.__all__)
    for name in congvan.__all__:
        assert getattr(congvan, name) is not None
    assert public() == set(congvan.__all__) - {"__version__"}
    assert set(dir(congvan)) >= set(congvan.__all__)
    # The lazy table and __all__ list the same names: one cannot gain a name the other lacks.
    assert set(congvan._HOME) == set(congvan.__all__) - {"__version__"}


def test_a_function_named_like_its_subpackage_stays_the_function():
    """`congvan.render` is the function, even after `congvan.render` the package is imported."""
    import subprocess
    import sys

    code = ("import congvan.render.template, congvan; import congvan.cli; "
            "assert callable(congvan.render) and not isinstance(congvan.render, type(congvan)), "
            "congvan.render; from congvan import render; assert render is congvan.render")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
