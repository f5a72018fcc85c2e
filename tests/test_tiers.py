"""Every collected test belongs to exactly one tier (tests/conftest.py), and the tiers mean what
they say: a fast test uses no built site, browser or JupyterLab and cannot start a kernel."""

from __future__ import annotations

import types

import pytest

from conftest import TIER_FIXTURES, TIERS, inferred_tier, tiers_of

# What only a slower tier may use.
HEAVY = {fixture for fixture, _ in TIER_FIXTURES}


def test_every_collected_test_has_exactly_one_tier(request):
    items = request.session.items
    assert len(items) > 1, "only this test was collected: nothing to check"
    wrong = [f"{item.nodeid}: {tiers_of(item) or 'none'}" for item in items if len(tiers_of(item)) != 1]
    assert not wrong, "tests without exactly one tier marker:\n" + "\n".join(wrong)


def test_fast_tests_use_no_site_browser_or_jupyterlab(request):
    slow = [f"{item.nodeid}: {sorted(HEAVY & set(item.fixturenames))}" for item in request.session.items
            if tiers_of(item) == ["fast"] and HEAVY & set(getattr(item, "fixturenames", ()))]
    assert not slow, "fast tests that need a slower tier:\n" + "\n".join(slow)


def test_tiers_are_registered_markers(pytestconfig):
    registered = {line.split(":")[0] for line in pytestconfig.getini("markers")}
    assert set(TIERS) <= registered


@pytest.mark.parametrize("fixtures,cell,tier", [
    ((), False, "fast"),
    (("tmp_path",), False, "fast"),
    ((), True, "notebooks"),
    (("built_site",), False, "site"),
    (("built_print", "serve"), False, "site"),
    (("browser", "base_url"), False, "browser"),
    (("lab", "browser"), False, "jupyterlab"),
])
def test_a_test_is_given_the_tier_of_what_it_uses(fixtures, cell, tier):
    assert inferred_tier(fixtures, cell) == tier


def test_a_second_tier_marker_is_reported():
    marked = types.SimpleNamespace(iter_markers=lambda: [pytest.mark.fast.mark, pytest.mark.site.mark,
                                                         pytest.mark.curation.mark])
    assert tiers_of(marked) == ["fast", "site"]


def test_a_fast_test_cannot_start_a_kernel():
    from jupyter_client.manager import KernelManager

    with pytest.raises(RuntimeError, match="fast-tier test started a kernel"):
        KernelManager(kernel_name="python3").start_kernel()
