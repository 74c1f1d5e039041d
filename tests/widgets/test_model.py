"""ConverterModel with a stand-in converter: the view data, the error paths, the guards."""

import base64
import html
import re

import pytest

from helpers.errors import InputError
from helpers.inputs import MAX_INPUT_BYTES
from helpers.results import ConversionResult
from helpers.widgets.model import EMPTY_MESSAGE, ConverterModel
from helpers.widgets.plain import format_view

SNIPPET = "thread = client.agents.threads.create()\n# todo: keep this\nprint(thread.id)\n"


def test_view_carries_output_notes_and_detected_kind(upper_converter):
    model = ConverterModel(convert=upper_converter(), prefix="t1")
    view = model.update(SNIPPET)
    assert view.status == "ok"
    assert view.output == SNIPPET.upper() and view.changed
    assert view.kind == "python" and view.detected
    assert [(n.line, n.severity, n.rule) for n in view.notes] == [(2, "warning", "todo-rule")]
    assert "python (detected)" in view.message


def test_note_lines_link_to_anchors_in_the_diff(upper_converter):
    view = ConverterModel(convert=upper_converter(), prefix="t2").update(SNIPPET)
    links = re.findall(r'href="#([\w-]+)"', view.notes_html)
    assert links == ["t2-in-2"]
    assert 'id="t2-in-2"' in view.diff_html
    # every input line has an anchor, every changed line is marked in the diff
    assert all(f'id="t2-in-{n}"' in view.diff_html for n in (1, 2, 3))
    assert view.diff_html.count("amw-row-replace") == 3


def test_output_is_highlighted_and_downloadable(upper_converter):
    view = ConverterModel(convert=upper_converter()).update(SNIPPET)
    assert "<span" in view.output_html and "THREAD" in html.unescape(
        re.sub("<[^>]+>", "", view.output_html)
    )
    prefix = "data:text/x-python;charset=utf-8;base64,"
    assert view.download_url.startswith(prefix)
    assert base64.b64decode(view.download_url[len(prefix) :]).decode() == view.output
    assert view.download_name == "converted.py"
    assert 'download="converted.py"' in view.actions_html and ">Copy<" in view.actions_html


def test_the_chosen_kind_is_passed_on_and_marked_as_chosen(upper_converter):
    calls = []
    model = ConverterModel(convert=upper_converter(calls), kind="javascript")
    view = model.update("const a = 1;")
    assert calls[-1][1] == "javascript"
    assert view.kind == "javascript" and not view.detected
    assert "chosen" in view.message
    model.update(kind=None)
    assert calls[-1][1] is None


def test_unchanged_input_is_not_converted_twice(upper_converter):
    calls = []
    model = ConverterModel(convert=upper_converter(calls))
    model.update("a = 1")
    model.update("a = 1")
    assert len(calls) == 1
    model.update("a = 2")
    assert len(calls) == 2


def test_stream_headers_are_shown():
    def convert(text, kind=None, **options):
        return ConversionResult(
            "langdock-stream",
            text,
            "data: {}\n",
            extras={"headers": {"x-vercel-ai-ui-message-stream": "v1"}},
        )

    view = ConverterModel(convert=convert).update('data: {"type":"done"}\n')
    assert view.is_stream and view.headers == {"x-vercel-ai-ui-message-stream": "v1"}
    assert "x-vercel-ai-ui-message-stream" in view.headers_html
    assert "x-vercel-ai-ui-message-stream: v1" in format_view(view)


@pytest.mark.parametrize("text", ["", "   \n\t\n"])
def test_empty_box_asks_for_input_without_converting(text, upper_converter):
    calls = []
    view = ConverterModel(convert=upper_converter(calls)).update(text)
    assert view.status == "empty" and view.message == EMPTY_MESSAGE
    assert calls == []


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("abc\x00def", "binary"),
        (b"caf\xe9 au lait", "not UTF-8"),
        ("x" * (MAX_INPUT_BYTES + 1), "limit"),
    ],
    ids=["png-bytes", "nul-in-text", "latin-1-bytes", "too-large"],
)
def test_input_guards_give_a_clear_message_before_converting(data, expected, upper_converter):
    calls = []
    view = ConverterModel(convert=upper_converter(calls)).update(data)
    assert view.status == "input-error"
    assert expected in view.message
    assert calls == []


def test_located_input_error_shows_line_column_and_a_caret():
    def convert(text, kind=None, **options):
        raise InputError("unexpected end of input", line=2, column=7)

    view = ConverterModel(convert=convert).update("x = 1\nfoo = (\n")
    assert view.status == "input-error"
    assert view.message == "line 2, column 7: unexpected end of input"
    assert (view.error_line, view.error_column) == (2, 7)
    assert "foo = (\n      ^" in html.unescape(view.message_html)


def test_json_path_errors_keep_their_path():
    def convert(text, kind=None, **options):
        raise InputError("content must be a string", path="messages[1].content")

    view = ConverterModel(convert=convert).update("{}")
    assert view.error_path == "messages[1].content"
    assert "messages[1].content" in view.message_html


def test_unexpected_exception_is_a_collapsed_internal_error_without_traceback():
    def convert(text, kind=None, **options):
        raise ZeroDivisionError("secret-token-123 leaked into a message")

    view = ConverterModel(convert=convert).update("a = 1")
    assert view.status == "internal-error" and view.internal_error == "ZeroDivisionError"
    assert view.message_html.startswith("<details")
    assert "ZeroDivisionError" in view.message_html
    assert "Traceback" not in view.message_html and "secret-token-123" not in view.message_html


def test_bad_stream_format_is_refused():
    with pytest.raises(ValueError):
        ConverterModel(stream_format="sse-v3")


def test_no_notes_says_so(upper_converter):
    view = ConverterModel(convert=upper_converter()).update("a = 1\n")
    assert "No notes" in view.notes_html
