"""The Microsoft guide's before/after examples as test cases.

The guide's "current" code is compared by structure (which new-SDK calls are
made, with which keywords) and by value: every literal argument (names, models,
instructions, message items, metadata) must equal the guide's. Our output keeps
the user's variable names, so a variable is compared by the attribute it reads
(`thread.id` and `conversation.id` are both "<var>.id"). Where the guide disagrees
with azure-ai-projects 2.x, the test states the correction.
"""
from __future__ import annotations

import ast
import re


from .support import calls, convert_checked, messages

PAIR = re.compile(
    r"\*\*Previous[^*]*\*\*\s*```python\n(?P<before>.*?)```.*?\*\*Current[^*]*\*\*\s*```python\n(?P<after>.*?)```",
    re.S,
)


def guide_pairs(guides_dir) -> list[tuple[str, str]]:
    text = (guides_dir / "microsoft-foundry-migrate.md").read_text(encoding="utf-8")
    # The guide's code has narrow no-break spaces for indentation; the converter
    # repairs those in its input (tested elsewhere), the expected side needs it too.
    pairs = [(m["before"], m["after"].replace("\u202f", " ")) for m in PAIR.finditer(text)]
    # Skip the pairs that show JSON objects in python-tagged fences.
    return [(before, after) for before, after in pairs if "client." in before]


def new_calls(code: str) -> set[tuple[str, tuple[str, ...]]]:
    wanted = ("conversations", "items", "responses", "agents", "PromptAgentDefinition", "CodeInterpreterTool")
    return {c for c in calls(code) if any(part in c[0] for part in wanted)}


def keyword_values(code: str, callee: str) -> list[dict[str, object]]:
    """The keywords of each call to `...callee` in `code`, as Python values where they are literals.

    A variable becomes "<var>" and an attribute of one "<var>.attr", so that two
    programs that name their variables differently still compare equal.
    """
    def value(node: ast.AST) -> object:
        try:
            return ast.literal_eval(node)
        except ValueError:
            pass
        if isinstance(node, ast.Name):
            return "<var>"
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            return f"<var>.{node.attr}"
        if isinstance(node, ast.Dict) and all(isinstance(k, ast.Constant) for k in node.keys):
            return {k.value: value(v) for k, v in zip(node.keys, node.values)}  # type: ignore[union-attr]
        if isinstance(node, ast.Call) and not node.args:
            return (ast.unparse(node.func), {k.arg: value(k.value) for k in node.keywords})
        if isinstance(node, ast.List):
            return [value(e) for e in node.elts]
        return ast.unparse(node)

    found = []
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Call) and ast.unparse(node.func).endswith(callee):
            found.append({k.arg: value(k.value) for k in node.keywords})
    return found


def test_guide_has_the_expected_examples(guides_dir):
    assert len(guide_pairs(guides_dir)) == 6


def test_threads_example(guides_dir):
    before, after = guide_pairs(guides_dir)[0]
    result = convert_checked(before)
    assert new_calls(result.output) == new_calls(after)
    assert keyword_values(result.output, "conversations.create") == keyword_values(after, "conversations.create")


def test_add_message_example(guides_dir):
    before, after = guide_pairs(guides_dir)[1]
    result = convert_checked(before)
    assert new_calls(result.output) == new_calls(after)
    assert keyword_values(result.output, "items.create") == keyword_values(after, "items.create")


def test_runs_example(guides_dir):
    before, after = guide_pairs(guides_dir)[2]
    result = convert_checked(before)
    out = result.output
    # The guide's "current" is an unrelated request (another model and input); what
    # must carry over is: one response in the conversation, referencing the agent.
    assert ("responses.create", ("conversation", "extra_body", "input")) in calls(out)
    assert "conversation=thread_id" in out and '"agent_reference"' in out
    [got] = keyword_values(out, "responses.create")
    assert got["extra_body"] == {"agent_reference": {"name": "<var>", "type": "agent_reference"}}
    # The run's additional instructions reach the response as a developer message, word for word.
    assert got["input"] == [{"type": "message", "role": "developer",
                             "content": "Please address the user as Jane Doe. The user has a premium account"}]
    assert "while run.status" not in out and "runs.get" not in out
    # assistant_id held a legacy id, which is not a 2.x agent name: flagged.
    assert "legacy agent id" in messages(result, "warning")


def test_create_agent_example(guides_dir):
    before, after = guide_pairs(guides_dir)[3]
    result = convert_checked(before)
    created = [c for c in calls(result.output) if c[0].endswith("create_version")]
    assert created == [c for c in calls(after) if c[0].endswith("create_version")]
    assert "PromptAgentDefinition(" in result.output
    assert [v["agent_name"] for v in keyword_values(result.output, "create_version")] == ["my-agent"]
    [definition] = keyword_values(result.output, "PromptAgentDefinition")
    [expected] = keyword_values(after, "PromptAgentDefinition")
    assert definition == {**expected, "tools": "<var>.definitions"}
    # The guide drops the tool silently; we keep it (`code_interpreter` is not defined
    # in the snippet) and say so.
    assert "tools=" in result.output


def test_assistants_example(guides_dir):
    before, after = guide_pairs(guides_dir)[4]
    result = convert_checked(before)
    assert {c for c in new_calls(result.output) if "create_version" in c[0]} == {
        c for c in new_calls(after) if "create_version" in c[0]
    }
    # The guide's after-version drops the code interpreter; the assistant had one.
    assert "tools=[CodeInterpreterTool()]" in result.output
    [definition] = keyword_values(result.output, "PromptAgentDefinition")
    [expected] = keyword_values(after, "PromptAgentDefinition")
    assert definition == {**expected, "tools": [("CodeInterpreterTool", {})]}
    # The guide renames the assistant to "my-agent"; the name the user chose is kept.
    assert keyword_values(result.output, "create_version")[0]["agent_name"] == "my-assistant"


def test_complete_example(guides_dir):
    before, after = guide_pairs(guides_dir)[5]
    result = convert_checked(before)
    out = result.output
    expected = new_calls(after)
    # Correction: the guide's `extra_body={"agent": ...}` is not what azure-ai-projects
    # 2.x reads; it is `agent_reference`.
    assert '"agent":' in after and '"agent_reference"' in out
    got = new_calls(out)
    for call in expected:
        if call[0].endswith("create") and "conversations" in call[0]:
            # the guide folds the message into conversations.create(items=...); the
            # legacy code created an empty thread and then added the message.
            assert ("conversations.create", ()) in got
            assert ("items.create", ("conversation_id", "items")) in got
            continue
        assert call in got, call
    assert "for message in messages:" in out
    assert keyword_values(out, "PromptAgentDefinition") == keyword_values(after, "PromptAgentDefinition")
    assert keyword_values(out, "create_version")[0]["agent_name"] == "my-agent"
    [items] = keyword_values(out, "items.create")
    [folded] = keyword_values(after, "conversations.create")
    assert items["items"] == folded["items"]
    [response] = keyword_values(out, "responses.create")
    [guide_response] = keyword_values(after, "responses.create")
    assert response["extra_body"]["agent_reference"] == {**guide_response["extra_body"]["agent"],
                                                         "name": "<var>.name", "version": "<var>.version"}
    # Correction: the guide sends the run's additional instructions as the user's input;
    # they are instructions, so they become a developer message with the same text.
    assert response["input"] == [{"type": "message", "role": "developer", "content": guide_response["input"]}]
    assert "conversations.items.list(conversation_id=thread.id)" in out
