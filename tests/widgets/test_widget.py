"""The ipywidgets page, driven headlessly: inputs, options, uploads, examples, debounce."""

import datetime as dt
import html
import re

import pytest

from helpers.errors import UnknownKindError
from helpers.examples import get_example
from helpers.widgets import converter
from helpers.widgets.debounce import Debouncer
from helpers.widgets.layout import ConverterWidget
from helpers.widgets.model import ConverterModel

EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


def visible_text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


@pytest.fixture
def page(timers, upper_converter):
    """A page with the stand-in converter and manual timers."""
    calls = []
    model = ConverterModel(convert=upper_converter(calls), prefix="w")
    widget = ConverterWidget.__new__(ConverterWidget)
    debouncer = Debouncer(
        lambda: widget.refresh(), 0.15, schedule=timers.schedule, clock=timers.clock
    )
    ConverterWidget.__init__(widget, model, text="", debounce=debouncer)
    widget.calls = calls
    return widget


def test_typing_converts_and_the_last_edit_wins(page, timers):
    timers.now = 100.0
    for text in ["t", "th", "thr", "thread = 1"]:
        page.input.value = text
        timers.advance(0.02)
    assert page.view.output == "T"  # leading edge
    timers.advance(0.3)
    assert page.view.output == "THREAD = 1"
    assert "THREAD = 1" in visible_text(page.output.value)
    assert [c[0] for c in page.calls] == ["t", "thread = 1"]


def test_kind_choice_reconverts_at_once(page, timers):
    timers.now = 100.0
    page.input.value = "x = 1"
    page.kind_choice.value = "javascript"
    assert page.calls[-1][1] == "javascript"
    assert "javascript (chosen)" in page.status.value
    page.kind_choice.value = ""
    assert page.calls[-1][1] is None and "(detected)" in page.status.value


def test_results_are_hidden_while_the_input_is_bad(page, timers):
    timers.now = 100.0
    page.input.value = "abc\x00"
    assert page._results.layout.display == "none"
    assert page.layout.display != "none" and page.input.layout.display != "none"
    assert "binary" in page.status.value
    timers.advance(1)
    page.input.value = "fine"
    timers.advance(1)
    assert page._results.layout.display == ""


def test_upload_of_text_replaces_the_input(page):
    page.upload.value = (
        {
            "name": "legacy.py",
            "type": "text/x-python",
            "size": 9,
            "content": memoryview("a = 'é'\n".encode()),
            "last_modified": EPOCH,
        },
    )
    assert page.input.value == "a = 'é'\n"
    assert page.upload.value == ()  # ready for the next file, even the same one
    assert page.view.output == "A = 'É'\n"


def test_upload_of_binary_explains_and_keeps_the_input(page, timers):
    timers.now = 100.0
    page.input.value = "keep me"
    page.upload.value = (
        {
            "name": "logo.png",
            "type": "image/png",
            "size": 12,
            "content": memoryview(b"\x89PNG\r\n\x1a\n\x00\x00\x00\r"),
            "last_modified": EPOCH,
        },
    )
    assert page.input.value == "keep me"
    assert "Cannot load logo.png" in page.status.value and "binary" in page.status.value


def test_examples_menu_loads_an_example_and_resets_the_kind(page):
    page.kind_choice.value = "javascript"
    page.examples.value = "runs"
    assert page.input.value == get_example("runs").text
    assert page.kind_choice.value == ""
    assert page.calls[-1] == (get_example("runs").text, None, {})


def test_editing_an_example_clears_the_examples_menu(page, timers):
    page.examples.value = "runs"
    timers.now = 100.0
    page.input.value = get_example("runs").text + "# my edit\n"
    assert page.examples.value == ""


def test_stream_choice_is_hidden_for_code(page):
    page.input.value = "a = 1"
    assert page.stream_choice.layout.display == "none"


def test_internal_error_never_shows_a_traceback(timers):
    def broken(text, kind=None, **options):
        raise KeyError("boom")

    widget = ConverterWidget(ConverterModel(convert=broken), text="a = 1")
    assert "internal error" in widget.status.value and "KeyError" in widget.status.value
    assert "Traceback" not in widget.status.value


def test_factory_fills_the_box_from_an_example_or_source():
    page = converter(example="assistants")
    assert page.input.value == get_example("assistants").text
    assert page.examples.value == "assistants"
    assert converter("a = 1").input.value == "a = 1"
    assert converter().view.status == "empty"
    with pytest.raises(KeyError, match="choose one of"):
        converter(example="no-such-example")
    with pytest.raises(UnknownKindError, match="choose one of"):
        converter("a = 1", kind="cobol")


def test_long_input_shows_working_until_done(page, timers):
    seen = []
    page.working.observe(lambda change: seen.append(change["new"]), names="value")
    timers.now = 100.0
    page.input.value = "a = 1\n" * 5000
    assert any("working" in value for value in seen)
    assert page.working.value == ""
