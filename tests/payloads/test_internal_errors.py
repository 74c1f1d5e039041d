"""A bug in a rule is an InternalError that asks for a report, never an InputError blaming the input."""
from __future__ import annotations

import json

import pytest

import helpers
from helpers.errors import InputError, InternalError, WorkbookError
from helpers.payloads import convert_payload
from helpers.payloads.foundry import run_to_response

from . import examples as ex


def broken(*args, **kwargs):
    raise KeyError("a bug in a rule")


def test_the_two_errors_are_told_apart_by_type():
    assert issubclass(InternalError, WorkbookError) and not issubclass(InternalError, InputError)
    assert not issubclass(InputError, InternalError)


def test_a_failing_rule_is_an_internal_error(monkeypatch):
    monkeypatch.setattr(run_to_response, "_usage", broken)
    with pytest.raises(InternalError) as info:
        convert_payload(ex.RUN_BEFORE)
    error = info.value
    assert error.cause == "KeyError" and isinstance(error.__cause__, KeyError)
    assert "please report it" in error.message and "not a problem with your input" in error.message
    assert error.kind is None  # detected, not asked for


def test_the_same_input_without_the_bug_converts(monkeypatch):
    assert json.loads(convert_payload(ex.RUN_BEFORE).output)["object"] == "response"


def test_an_internal_error_keeps_the_kind_that_was_asked_for(monkeypatch):
    monkeypatch.setattr("helpers.payloads.convert.apply_rules", broken)
    with pytest.raises(InternalError) as info:
        convert_payload(ex.THREAD_BEFORE, kind="foundry-thread")
    assert info.value.kind == "foundry-thread"


def test_a_failing_stream_converter_is_an_internal_error(monkeypatch):
    monkeypatch.setattr("helpers.payloads.streams.convert_stream", lambda text, ctx: 1 / 0)
    with pytest.raises(InternalError, match="ZeroDivisionError"):
        convert_payload(ex.LD_LEGACY_STREAM)


def test_input_problems_stay_input_errors_while_a_rule_is_broken(monkeypatch):
    """Parsing and the kind's input model come before the rules: bad input is still the input's fault."""
    monkeypatch.setattr("helpers.payloads.convert.apply_rules", broken)
    with pytest.raises(InputError) as info:
        convert_payload('{"assistantId": "a", "messages": "hi"}')
    assert info.value.path == "messages"
    with pytest.raises(InputError) as info:
        convert_payload('{"id": "r" "object": "thread.run"}')
    assert (info.value.line, info.value.column) == (1, 12)


def test_the_public_api_passes_internal_errors_through(monkeypatch):
    monkeypatch.setattr(run_to_response, "_usage", broken)
    with pytest.raises(InternalError):
        helpers.convert(ex.RUN_BEFORE)


def test_the_command_line_reports_it_without_a_traceback(monkeypatch, tmp_path, capsys):
    from helpers.cli import main

    monkeypatch.setattr(run_to_response, "_usage", broken)
    path = tmp_path / "run.json"
    path.write_text(ex.RUN_BEFORE)
    assert main(["convert", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}: error: internal error in the converter (KeyError)" in err
    assert "Traceback" not in err


def test_the_widget_shows_it_without_a_traceback(monkeypatch):
    from helpers.widgets.model import ConverterModel

    monkeypatch.setattr(run_to_response, "_usage", broken)
    view = ConverterModel().update(ex.RUN_BEFORE)
    assert "please report it" in view.message and "Traceback" not in view.message_html
    assert view.status == "internal-error"  # not "input-error": the input is not at fault
