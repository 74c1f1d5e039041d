"""`content` of an answer message: a list of parts in the legacy answer, a plain string
in the Agents API answer (reference, 2.3 and 3.4). Code that iterates over it gets the
message's parts through the helper; any other use of it gets a note."""
from __future__ import annotations

from helpers.langdock.javascript import convert_javascript

CALL = ('const r = await axios.post("https://api.langdock.com/assistant/v1/chat/completions", '
        '{ assistantId: "a", messages: [] });\n'
        "const m = r.data.result[0];\n")


def test_loops_and_array_methods_over_content_use_the_parts_helper():
    code = CALL + ("for (const p of m.content) show(p.text);\n"
                   "const texts = m.content.map((p) => p.text);\n"
                   "const n = m.content.length;\n"
                   "const first = m.content;\n"
                   "const f = m.content.filter;\n")
    result = convert_javascript(code)
    assert result.output.startswith(
        CALL.replace("/assistant/v1/", "/agent/v1/").replace("assistantId", "agentId")
        .replace("result[0]", "messages[0]")
        + "for (const p of langdockParts(m)) show(p.text);\n"
        "const texts = langdockParts(m).map((p) => p.text);\n"
        "const n = m.content.length;\n"
        "const first = m.content;\n"
        "const f = m.content.filter;\n")
    assert "function langdockParts(message) {" in result.output
    noted = [n.line for n in result.notes
             if n.rule == "langdock-response-messages" and n.severity == "warning"]
    assert noted == [5, 6, 7]
