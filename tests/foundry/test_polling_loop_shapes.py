"""Rule polling_loops: status checks left after the loop, elif chains that only leave it, and a run
passed in by the caller."""
from __future__ import annotations

from .support import convert_checked, dedent

HEAD = dedent("""
    from azure.ai.agents import AgentsClient

    client = AgentsClient(endpoint=e, credential=c)
    run = client.runs.create(thread_id=thread.id, agent_id=agent.id)
    while run.status in ("queued", "in_progress"):
        time.sleep(1)
        run = client.runs.get(thread_id=thread.id, run_id=run.id)
""")
RESPONSE = ('run = openai_client.responses.create(conversation=thread.id, '
            'extra_body={"agent_reference": {"name": agent.id, "type": "agent_reference"}})\n')


def test_an_elif_chain_that_only_leaves_goes_with_the_loop():
    result = convert_checked("import time\n" + HEAD + dedent("""
            if run.status == "failed":
                break
            elif run.status == "cancelled":
                break
        print(run.status)
    """))
    assert result.output.endswith(RESPONSE + "print(run.status)\n")


def test_a_kept_check_loses_the_continue_of_its_else():
    result = convert_checked("import time\n" + HEAD + (
        '    if run.status == "failed":\n'
        "        print(run.last_error)\n"
        "    else:\n"
        "        continue\n"))
    # the check runs once after the response; `continue` has no loop to continue now
    assert result.output.endswith(RESPONSE + dedent("""
        if run.status == "failed":
            print(run.error)
        else:
            pass
    """))


def test_a_run_passed_in_keeps_the_conversation_it_was_polled_in():
    result = convert_checked(dedent("""
        import time

        from azure.ai.agents import AgentsClient


        def finish(client: AgentsClient, thread_id, run, outputs):
            while run.status in ("queued", "in_progress", "requires_action"):
                if run.status == "requires_action":
                    client.runs.submit_tool_outputs(thread_id=run.thread_id, run_id=run.id, tool_outputs=outputs)
                else:
                    time.sleep(1)
                    run = client.runs.get(thread_id=thread_id, run_id=run.id)
            return run
    """))
    assert ('            run = openai_client.responses.create(conversation=thread_id, input=outputs, '
            'extra_body={"agent_reference": {"name": "my-agent", "type": "agent_reference"}})\n') in result.output
