"""The background warm-up: it converts real inputs of each kind, once per process, quietly."""

import threading

from helpers.widgets import layout, warm
from helpers.widgets.model import ConverterModel


def test_each_warm_up_input_converts_with_its_own_converter():
    views = [ConverterModel(prefix="w").update(text) for text in warm.WARM_UP_INPUTS]
    assert [(v.status, v.kind, v.changed) for v in views] == [
        ("ok", "python", True), ("ok", "langdock-chat-request", True), ("ok", "javascript", True)]
    assert views[0].verdict.status == "ok"  # the verdict's SDK imports are warmed too


def test_warm_up_never_raises(monkeypatch):
    class Broken:
        def __init__(self, **kwargs):
            raise RuntimeError("boom")

    monkeypatch.setattr("helpers.widgets.model.ConverterModel", Broken)
    warm.warm_up()  # logged at DEBUG, not raised


def test_the_thread_starts_once_per_process(monkeypatch):
    started = []
    monkeypatch.setattr(warm, "_thread", None)
    monkeypatch.setattr(warm, "warm_up", lambda: started.append(threading.current_thread().name))
    first = warm.start_warm_up()
    second = warm.start_warm_up()
    first.join(5)
    assert first is second and first.daemon
    assert started == ["amw-warm-up"]


def test_creating_a_widget_starts_the_warm_up(monkeypatch):
    calls = []
    monkeypatch.setattr(layout, "start_warm_up", lambda: calls.append(True))
    layout.converter("x = 1\n")
    assert calls == [True]
