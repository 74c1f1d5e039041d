"""Connected-agent tools in JSON payloads become the function that stands in for the agent (the map's row)."""
from __future__ import annotations

import json

from helpers.payloads import convert_payload

from .sdk_models import validate_converted


def _agent(*tools):
    return {"id": "asst_desk", "object": "assistant", "name": "desk", "model": "gpt-4.1", "tools": list(tools)}


def _connected(agent_id, name, description=None):
    inner = {"id": agent_id, "name": name}
    if description is not None:
        inner["description"] = description
    return {"type": "connected_agent", "connected_agent": inner}


def test_two_connected_agents_become_two_functions_and_their_ids_are_kept_under_the_marked_key():
    result = convert_payload(json.dumps(_agent(_connected("asst_p", "prices", "Stock prices"),
                                               _connected("asst_w", "weather"))))
    out = json.loads(result.output)
    tools = out["definition"]["tools"]
    assert [(t["type"], t["name"], t.get("description"), t["strict"]) for t in tools] == [
        ("function", "prices", "Stock prices", True), ("function", "weather", None, True)]
    assert tools[1]["parameters"] == {"type": "object", "properties": {"request": {
        "type": "string", "description": "What to ask the agent, with everything it needs to answer."}},
        "required": ["request"], "additionalProperties": False}
    assert out["unconverted"] == {"connected_agents": [
        {"id": "asst_p", "name": "prices", "description": "Stock prices"}, {"id": "asst_w", "name": "weather"}]}
    warnings = {n.path: n.message for n in result.notes if n.severity == "warning"}
    assert "'asst_w'" in warnings["tools[1]"] and "`weather` function_call" in warnings["tools[1]"]
    assert validate_converted(result.kind, out).endswith("AgentVersionDetails")
    assert not convert_payload(result.output).changed  # converting twice changes nothing


def test_a_connected_agent_without_a_name_stays_whole_under_the_marked_key():
    nameless = {"type": "connected_agent", "connected_agent": {"id": "asst_x"}}
    result = convert_payload(json.dumps(_agent(nameless, {"type": "code_interpreter"})))
    out = json.loads(result.output)
    assert out["definition"]["tools"] == [{"type": "code_interpreter", "container": {"type": "auto"}}]
    assert out["unconverted"] == {"tools": [nameless]}
    errors = [n for n in result.notes if n.severity == "error"]
    assert [n.path for n in errors] == ["tools[0]"] and "without a name" in errors[0].message
    validate_converted(result.kind, out)


def test_a_run_that_overrides_tools_with_a_connected_agent_gets_the_same_function():
    run = {"id": "run_1", "object": "thread.run", "created_at": 1, "assistant_id": "asst_desk", "thread_id": "t1",
           "status": "completed", "model": "gpt-4.1", "instructions": "", "metadata": {},
           "tools": [_connected("asst_p", "prices", "Stock prices")]}
    result = convert_payload(json.dumps(run))
    out = json.loads(result.output)
    assert out["tools"][0]["name"] == "prices" and out["tools"][0]["parameters"]["required"] == ["request"]
    validate_converted(result.kind, out)
