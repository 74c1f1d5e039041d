"""The deterministic stand-in model: each documented rule, with the values a reader can predict."""
from __future__ import annotations

import json

from helpers.local.model import PNG_BYTES, Turn, reply

HOURS = {"type": "function", "name": "opening_hours",
         "parameters": {"type": "object", "properties": {"shop": {"type": "string"}}, "required": ["shop"]}}
WEATHER = {"type": "function", "name": "get_weather",
           "parameters": {"type": "object", "properties": {"city": {"type": "string"},
                                                           "unit": {"type": "string", "enum": ["c", "f"]},
                                                           "days": {"type": "integer"}},
                          "required": ["city", "unit", "days"]}}


def test_plain_answer_and_memory():
    assert reply([Turn("user", "Hello")]).text == 'Local model: you said "Hello".'
    turns = [Turn("system", "Be kind"), Turn("user", "I am Ada"), Turn("assistant", "Hi"), Turn("user", "Who am I?")]
    assert reply(turns).text == 'Local model: you said "Who am I?". Earlier you said "I am Ada".'


def test_function_call_by_name_word_or_stem_with_schema_arguments():
    [call] = reply([Turn("user", "What is the weather in New York?")], [WEATHER, HOURS]).function_calls
    assert (call.name, json.loads(call.arguments)) == ("get_weather", {"city": "New York", "unit": "c", "days": 1})
    [call] = reply([Turn("user", "When does the bakery open?")], [WEATHER, HOURS]).function_calls
    # "open" is the stem of "opening"; a sentence's first word is not taken for a name
    assert (call.name, json.loads(call.arguments)) == ("opening_hours", {"shop": "shop"})
    assert reply([Turn("user", "Tell me a joke")], [WEATHER, HOURS]).function_calls == []


def test_tool_outputs_are_used_in_the_answer():
    answer = reply([Turn("user", "Weather?")], [WEATHER], tool_outputs=[("get_weather", "sunny")])
    assert (answer.text, answer.function_calls) == ("The tools returned: get_weather -> sunny", [])


def test_code_interpreter_and_file_search():
    tools = [{"type": "code_interpreter"}, {"type": "file_search"}]
    answer = reply([Turn("user", "Plot a chart")], tools, files=[("file_1", "notes.txt", "First line\nSecond")])
    assert answer.code_run.output == "45" and answer.code_run.file_bytes == PNG_BYTES
    assert answer.text == ('Local model: you said "Plot a chart". I ran code and saved chart.png. '
                           'From notes.txt: "First line"')
    assert [(c.file_id, c.filename, c.quote) for c in answer.citations] == [("file_1", "notes.txt", "First line")]
    assert reply([Turn("user", "Hello")], tools).code_run is None  # no code words, no files: no tool output


def test_structured_output_follows_the_schema():
    schema = {"type": "object", "properties": {"name": {"type": "string"}, "when": {"type": "string"},
                                               "people": {"type": "array", "items": {"type": "string"}},
                                               "size": {"type": "integer"}},
              "required": ["name"]}
    answer = reply([Turn("user", "Lunch with Bob on Friday")], json_schema=schema)
    assert json.loads(answer.text) == {"name": "Friday", "when": "Friday", "people": [], "size": 1}
