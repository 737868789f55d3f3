"""generator.heap.collector_paused: the collector is off inside, restored and run after."""

from __future__ import annotations

import gc
import weakref

import pytest

from generator.heap import collector_paused


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


def make_cycle() -> weakref.ref[Node]:
    a, b = Node(), Node()
    a.other, b.other = b, a
    return weakref.ref(a)


def test_the_collector_is_off_inside_and_on_again_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_nothing_is_collected_inside_and_the_cycles_are_collected_at_the_end() -> None:
    runs: list[str] = []

    def count(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            runs.append(phase)

    gc.callbacks.append(count)
    try:
        # Outside, as many live containers as below set off young-generation collections.
        assert len([[] for _ in range(50_000)]) == 50_000
        assert runs
        runs.clear()
        with collector_paused():
            ref = make_cycle()
            assert len([[] for _ in range(50_000)]) == 50_000
            assert runs == []  # the collector never ran while paused
            assert ref() is not None
        assert runs  # one collection at the end...
        assert ref() is None  # ...which took the cycle
    finally:
        gc.callbacks.remove(count)


def test_an_exception_still_restores_and_collects() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        ref = make_cycle()
        raise RuntimeError("boom")
    assert gc.isenabled()
    assert ref() is None


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            ref = make_cycle()
        assert not gc.isenabled()
        assert ref() is None  # still collected once at the end
    finally:
        gc.enable()
