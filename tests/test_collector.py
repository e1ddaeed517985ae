"""The round's garbage-collection policy: off while questions are timed, back as it was afterwards."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from lunarquiz.ui.collector import RoundCollector


@pytest.fixture(autouse=True)
def restore_gc() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    if enabled:
        gc.enable()
    else:
        gc.disable()


def test_a_round_switches_automatic_collection_off_and_freezes_what_lives_long() -> None:
    gc.enable()
    collector = RoundCollector()
    collector.round_started()
    assert not gc.isenabled()
    assert gc.get_freeze_count() > 0
    collector.round_started()  # the next round from the results screen: still off, nothing undone
    assert not gc.isenabled()
    collector.round_ended()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_the_end_of_a_round_restores_a_collector_that_was_off() -> None:
    gc.disable()
    collector = RoundCollector()
    collector.round_started()
    collector.round_ended()
    assert not gc.isenabled()


def test_feedback_collects_cycles_made_during_the_round() -> None:
    gc.enable()
    collector = RoundCollector()
    collector.round_started()

    class Node:
        partner: object = None

    first, second = Node(), Node()
    first.partner, second.partner = second, first

    probe = weakref.ref(first)
    del first, second
    assert probe() is not None  # automatic collection is off
    collector.feedback_drawn()
    assert probe() is None
    collector.round_ended()


def test_ending_without_a_round_changes_nothing() -> None:
    gc.enable()
    RoundCollector().round_ended()
    RoundCollector().feedback_drawn()
    assert gc.isenabled()
