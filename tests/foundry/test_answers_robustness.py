"""The public API on damaged legacy scripts: a result or an InputError, nothing else.

Seeds are the workbook's own legacy Python examples; each mutant deletes,
duplicates or swaps statements and stays valid Python (the 64 legacy SDK
samples get the same treatment in scripts/check_legacy_samples.py --mutations).
"""
from __future__ import annotations

import ast

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import helpers
from helpers.examples import EXAMPLES
from helpers.statement_mutations import mutate_statement

from .support import dedent

EXTRA_SEEDS = [
    dedent("""
        from azure.ai.agents import AgentsClient
        from azure.ai.agents.models import ListSortOrder, MessageRole, MessageTextContent
        client = AgentsClient(endpoint=e, credential=c)
        run = client.runs.create_and_process(thread_id=t.id, agent_id=a.id)
        for step in client.run_steps.list(thread_id=t.id, run_id=run.id):
            print(step["id"], step.get("step_details"))
        reply = client.messages.get_last_message_by_role(thread_id=t.id, role=MessageRole.AGENT)
        for ann in reply.url_citation_annotations:
            print(ann.text, ann.url_citation.url)
        for m in client.messages.list(thread_id=t.id, order=ListSortOrder.ASCENDING):
            last = m.content[-1]
            if isinstance(last, MessageTextContent):
                print(m.role, last.text.value, m.text_messages[0].text.value)
        print(run.last_error, run.usage.prompt_tokens)
    """),
]


def _seeds() -> list[str]:
    found = []
    for example in EXAMPLES.values():
        try:
            ast.parse(example.text)
        except SyntaxError:
            continue
        if example.family in ("foundry", "openai") and "import" in example.text:
            found.append(example.text)
    return found + EXTRA_SEEDS


SEEDS = _seeds()


def mutate(source: str, choices: list[tuple[str, int, int]]) -> str:
    """Apply each (action, body index, statement index) that keeps the code valid Python."""
    for action, body_index, stmt_index in choices:
        source = mutate_statement(source, action, body_index, stmt_index) or source
    return source


mutants = st.builds(
    mutate,
    st.sampled_from(SEEDS),
    st.lists(st.tuples(st.sampled_from(["delete", "duplicate", "swap"]), st.integers(0, 50), st.integers(0, 50)),
             min_size=1, max_size=4),
)


def test_there_are_seeds():
    assert len(SEEDS) >= 4


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutants)
def test_mutated_legacy_scripts_convert_or_raise_input_error(source):
    try:
        result = helpers.convert_code(source)
    except helpers.InputError:
        return
    ast.parse(result.output)
    assert not [n for n in result.notes if "internal error" in n.message], result.notes


def test_the_old_substring_crash_is_gone():
    # `.text.value` whose inner `text_messages` rewrite leaves no dot to cut at used to raise ValueError
    source = dedent("""
        from azure.ai.agents import AgentsClient
        client = AgentsClient(endpoint=e, credential=c)
        for m in client.messages.list(thread_id=t):
            print(m.text_messages[0].text.value, (m.text_messages[0].text
                  ).value)
    """)
    result = helpers.convert_code(source)
    assert "m.content[0].text, (m.content[0].text\n" in result.output
