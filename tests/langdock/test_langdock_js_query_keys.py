"""Query parameters set by name (`params.set("assistantId", ...)`): only that name
becomes `agentId` (reference 3.1: `/agent/v1/get?agentId=`); other names stay."""
from __future__ import annotations

from helpers.langdock.javascript import convert_javascript


def test_only_the_assistant_id_parameter_is_renamed():
    code = ("const params = new URLSearchParams();\n"
            'params.set("model", "m");\n'
            'params.append("assistantId", id);\n'
            'params.set("x", "assistantId");\n'
            'other.set("assistantId", id);\n'
            'fetch("https://api.langdock.com/assistant/v1/get?" + params);\n')
    result = convert_javascript(code)
    assert result.output == ("const params = new URLSearchParams();\n"
                             'params.set("model", "m");\n'
                             'params.append("agentId", id);\n'
                             'params.set("x", "assistantId");\n'
                             'other.set("assistantId", id);\n'
                             'fetch("https://api.langdock.com/agent/v1/get?" + params);\n')
