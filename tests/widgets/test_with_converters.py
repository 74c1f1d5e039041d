"""The widget model with the real converters: every example, every kind of bad input."""

import json
import re

import pytest

from helpers.examples import example_names, get_example
from helpers.widgets.model import ConverterModel, available_kinds, is_stream_kind
from helpers.widgets.plain import conversion_report


@pytest.mark.parametrize("name", example_names())
def test_every_example_converts_with_a_visible_result(name):
    view = ConverterModel(prefix="ex").update(get_example(name).text)
    assert view.status == "ok", view.message
    assert view.changed or view.notes
    assert view.output_html and view.diff_html and view.notes_html
    assert view.detected


def test_legacy_create_agent_becomes_create_version():
    view = ConverterModel().update(get_example("create_agent").text)
    assert view.kind == "python" and view.detected
    assert "create_version" in view.output and view.output != get_example("create_agent").text
    assert view.verdict.status == "ok", view.verdict.summary
    assert 'class="amw-verdict amw-verdict-ok"' in view.verdict_html
    assert "&#10004; SDK check passed:" in view.verdict_html


def test_converted_output_is_stable_when_pasted_again():
    first = ConverterModel().update(get_example("whole_script").text)
    again = ConverterModel().update(first.output)
    assert again.status == "ok" and not again.changed


def test_choosing_a_kind_overrides_detection():
    text = get_example("langdock_axios").text
    auto = ConverterModel().update(text)
    chosen = ConverterModel(kind="typescript").update(text)
    assert auto.kind == "javascript" and auto.detected
    assert chosen.kind == "typescript" and not chosen.detected


def test_every_kind_in_the_menu_gives_a_result_or_a_located_message():
    text = get_example("langdock_request").text
    # a JSON object is also a valid Python, JavaScript and TypeScript expression
    accepting = {"python", "javascript", "typescript", "langdock-chat-request"}
    for kind in available_kinds():
        view = ConverterModel(kind=kind).update(text)
        if kind in accepting:
            assert view.status == "ok" and view.kind == kind, (kind, view.message)
            continue
        assert view.status == "input-error", (kind, view.message)
        assert view.error_path is not None or view.error_line is not None, (kind, view.message)
        if kind != "langdock-stream":  # a stream is read line by line, not as one JSON document
            assert "looks like a 'langdock-chat-request' payload" in view.message, (kind, view.message)


@pytest.mark.parametrize(
    "fmt, header",
    [
        ("ui-message-stream", "x-vercel-ai-ui-message-stream"),
        ("data-stream", "x-vercel-ai-data-stream"),
    ],
)
def test_stream_formats_give_their_own_output_and_headers(fmt, header):
    text = get_example("langdock_sse").text
    view = ConverterModel(stream_format=fmt).update(text)
    assert view.status == "ok", view.message
    assert view.is_stream and is_stream_kind(view.kind)
    assert header in {name.lower() for name in view.headers}
    assert header in view.headers_html.lower()


def test_switching_the_stream_format_changes_the_output():
    model = ConverterModel()
    v5 = model.update(get_example("langdock_sse").text)
    v4 = model.update(stream_format="data-stream")
    assert v5.output != v4.output
    assert "text-delta" in v5.output and re.search(r"^0:", v4.output, re.M)


@pytest.mark.parametrize(
    "text, line, column, message",
    [
        # the `]` where a `,` or `}` must come
        ('{\n  "assistantId": "asst_1",\n  "messages": [\n'
         '    {"role": "user", "content": "hi"\n  ]\n}\n', 5, 3, "invalid JSON: Expecting ',' delimiter"),
        # the second word of prose read as Python
        ("Hello team, could you move our helpdesk bot to the new API by Friday?\n", 1, 7,
         "this is not valid Python: invalid syntax"),
        # the opening quote of the string that never ends
        ('agent = client.agents.create_agent(\n    model="gpt-4o",\n    name="half', 3, 10,
         "this is not valid Python: unterminated string literal (detected at line 3)"),
        ("def broken(:\n    pass\n", 1, 12, "this is not valid Python: invalid syntax"),
    ],
    ids=["invalid-json", "prose", "half-a-snippet", "syntax-error"],
)
def test_bad_input_is_located(text, line, column, message):
    view = ConverterModel().update(text)
    assert view.status == "input-error", view.message
    assert (view.error_line, view.error_column) == (line, column)
    assert view.message == f"line {line}, column {column}: {message}"
    caret = " " * (column - 1) + "^"
    assert caret + "</pre>" in view.message_html  # the caret under the column


def test_invalid_json_with_a_payload_kind_names_line_and_column():
    text = '{"assistantId": "asst_1", "messages": [}'
    view = ConverterModel(kind="langdock-chat-request").update(text)
    assert view.status == "input-error"
    assert (view.error_line, view.error_column) == (1, 40)  # the `}` right after `[`


def test_a_megabyte_of_text_gives_a_clear_answer():
    text = "this is a log line, not code at all\n" * 30_000  # about 1 MB
    view = ConverterModel().update(text)
    assert view.status == "input-error"
    assert view.error_line == 1


def test_a_megabyte_of_json_converts_with_bounded_rendering():
    messages = [{"role": "user", "content": f"question {i} " + "x" * 80} for i in range(10_000)]
    text = json.dumps({"assistantId": "asst_big", "messages": messages}, indent=2)
    assert len(text) > 1_000_000
    view = ConverterModel().update(text)
    assert view.status == "ok", view.message
    assert "diff is skipped" in view.diff_html
    assert len(view.output_html) < 3 * len(view.output) + 1000


def test_plain_report_for_papermill():
    report = conversion_report(get_example("create_agent").text)
    assert "--- converted ---" in report and "create_version" in report
    assert "--- notes" in report
    assert "line 1" in conversion_report("x = (")


LEGACY_LEFT = (
    "from azure.ai.agents import AgentsClient\n"
    "client = AgentsClient(endpoint=e, credential=c)\n"
    "print(client.threads.list())\n"  # conversations cannot be listed: left, with a note
)


def test_legacy_calls_left_with_notes_show_an_amber_warning_not_a_check():
    view = ConverterModel(prefix="lg").update(LEGACY_LEFT)
    assert view.status == "ok" and view.verdict.status == "warning", view.verdict.summary
    assert 'class="amw-verdict amw-verdict-warning"' in view.verdict_html
    assert "&#9888; SDK check: legacy calls left:" in view.verdict_html
    assert "&#10004;" not in view.verdict_html
    rows = [(c.line, c.call, c.level) for c in view.verdict.checks if not c.ok]
    assert rows == [(3, "threads.list", "warning")]
    assert "output line 3: <code>threads.list</code>" in view.verdict_html
    report = conversion_report(LEGACY_LEFT)
    assert "--- SDK check: warning ---" in report
    assert "1 legacy call left, each with a note" in report


def test_legacy_calls_left_without_a_note_show_a_red_failure():
    from helpers.results import ConversionResult

    def leaves_everything(text, kind=None, **options):  # a converter that forgot the notes
        return ConversionResult(kind="python", source=text, output=text + "\n", detected=True)

    view = ConverterModel(convert=leaves_everything, prefix="rd").update(LEGACY_LEFT)
    assert view.verdict.status == "failed"
    assert 'class="amw-verdict amw-verdict-failed"' in view.verdict_html
    assert "&#10008; SDK check failed:" in view.verdict_html
    assert view.verdict.summary == "2 legacy calls left, 2 without a note"  # AgentsClient, threads.list


def test_verdict_colours_differ_per_level():
    from helpers.widgets.styles import CSS

    colours = {level: re.search(rf"\.amw-verdict-{level} {{ background: (rgba\([^)]*\))", CSS).group(1)
               for level in ("ok", "warning", "failed")}
    assert colours == {"ok": "rgba(26, 127, 55, 0.14)", "warning": "rgba(154, 103, 0, 0.14)",
                       "failed": "rgba(207, 34, 46, 0.12)"}
