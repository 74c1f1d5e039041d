"""Python code that hands Langdock's stream on (a proxy route) gets a note: the stream
it passes changes shape (reference 3.5). Reads of the answer inside the converter's own
helper functions are left alone, and OpenAI-style chunk reads are noted also when the
legacy URL's endpoint is computed."""
from __future__ import annotations

from helpers.langdock.python_requests import convert_langdock_python

STREAMS = "langdock-stream-consumer"


def test_passing_the_stream_on_is_noted_and_other_responses_are_not():
    code = (
        "import requests\n"
        "from flask import Response, stream_with_context\n\n"
        'URL = "https://api.langdock.com/assistant/v1/chat/completions"\n\n\n'
        "def a(body):\n"
        '    r = requests.post(URL, json={"assistantId": "x", "messages": []}, stream=True)\n'
        '    return Response(r.iter_content(), mimetype="application/json")\n\n\n'
        "def b(body):\n"
        "    return Response(stream_with_context(gen()), 200)\n\n\n"
        "def c(body):\n"
        '    return Response(gen(), mimetype="text/event-stream")\n\n\n'
        "def d(body):\n"
        '    r = requests.post(URL, json={"assistantId": "x", "messages": []}, stream=True)\n'
        "    return JSONResponse(r.json())\n\n\n"
        "def e(body):\n"
        '    return JSONResponse(other.iter_content(), mimetype="text/plain")\n'
    )
    result = convert_langdock_python(code)
    noted = [(n.line, n.column) for n in result.notes
             if n.rule == STREAMS and "passes Langdock's stream through" in n.message]
    assert noted == [(9, 12), (13, 12), (17, 12)]


def test_reads_inside_the_converters_own_helpers_are_skipped_not_the_rest():
    code = ("import requests\n\n\n"
            "def langdock_text(message):\n"
            '    return message["result"]\n\n\n'
            'r = requests.post("https://api.langdock.com/assistant/v1/chat/completions", '
            'json={"assistantId": "a", "messages": []})\n'
            'print(r.json()["result"])\n')
    result = convert_langdock_python(code)
    assert '    return message["result"]\n' in result.output
    assert result.output.endswith('print(r.json()["messages"])\n')


def test_chunk_reads_are_noted_when_the_legacy_endpoint_is_computed():
    code = ("import json\nimport requests\n\n"
            'r = requests.post(f"https://api.langdock.com/assistant/v1/{endpoint}", json={}, '
            'stream=True)\n'
            "for line in r.iter_lines():\n"
            '    print(json.loads(line)["choices"][0]["delta"])\n')
    result = convert_langdock_python(code)
    assert [n.line for n in result.notes if n.rule == STREAMS] == [6]
