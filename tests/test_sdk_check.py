"""The SDK-existence check: real calls pass, made-up ones fail, with lines."""
from __future__ import annotations

from helpers import verify_code

GOOD = """
from azure.ai.projects import AIProjectClient
from azure.ai.projects.models import FunctionTool, PromptAgentDefinition
project = AIProjectClient(endpoint=e, credential=c)
openai_client = project.get_openai_client()
agent = project.agents.create_version(agent_name="a", definition=PromptAgentDefinition(model="m"))
tool = FunctionTool(name="f", parameters={}, strict=True)
conversation = openai_client.conversations.create(items=[], metadata={})
openai_client.conversations.items.create(conversation_id=conversation.id, items=[])
openai_client.conversations.items.list(conversation_id=conversation.id, order="asc")
response = openai_client.responses.create(conversation=conversation.id, extra_body={})
"""


def test_real_calls_pass():
    verdict = verify_code(GOOD)
    assert verdict.ok, verdict.checks
    assert len(verdict.checks) == 9
    assert "all 9 calls" in verdict.summary


def test_unknown_keyword_fails_with_line():
    verdict = verify_code("x.responses.create(conversation='c', agent={'name': 'a'})\n")
    assert not verdict.ok
    assert verdict.checks[0].line == 1
    assert "agent" in verdict.checks[0].message


def test_missing_required_keyword_fails():
    verdict = verify_code("from azure.ai.projects.models import FunctionTool\nFunctionTool(name='f', parameters={})\n")
    assert not verdict.ok and "strict" in verdict.checks[0].message


def test_model_that_does_not_exist_fails():
    verdict = verify_code("from azure.ai.projects.models import ThreadMessageOptions\nThreadMessageOptions(role='user')\n")
    assert not verdict.ok and "does not exist" in verdict.checks[0].message


def test_unparsable_code_is_not_checked():
    verdict = verify_code("def (:")
    assert not verdict.ok and verdict.summary.startswith("not checked")


# --- legacy calls left in the code ---------------------------------------------------------------

import pytest  # noqa: E402

from helpers import Note, convert_code  # noqa: E402
from helpers.sdk_check import verify_result  # noqa: E402


@pytest.mark.parametrize("code, call", [
    ("agent = client.create_agent(model='m', name='a')\n", "client.create_agent"),
    ("thread = project.agents.threads.create()\n", "threads.create"),
    ("run = agents_client.runs.create_and_process(thread_id=t, agent_id=a)\n", "runs.create_and_process"),
    ("a = client.beta.assistants.create(model='m')\n", "assistants.create"),
    ("m = client.beta.threads.messages.list(thread_id=t)\n", "messages.list"),
    ("steps = client.run_steps.list(thread_id=t, run_id=r)\n", "run_steps.list"),
    ("client.vector_store_files.delete(vector_store_id=v, file_id=f)\n", "vector_store_files.delete"),
    ("f = client.files.upload_and_poll(file_path=p)\n", "files.upload_and_poll"),
    ("vs = openai_client.vector_stores.create_and_poll(name='x')\n", "vector_stores.create_and_poll"),
    ("from azure.ai.agents import AgentsClient\nc = AgentsClient(endpoint=e, credential=k)\n", "AgentsClient"),
    ("from azure.ai.agents.models import FunctionTool as T\nt = T(functions=fs)\n", "T"),
    ("import azure.ai.agents.models as legacy\nt = legacy.CodeInterpreterTool()\n", "legacy.CodeInterpreterTool"),
    ("from azure.ai.agents import models\nt = models.FileSearchTool()\n", "models.FileSearchTool"),
])
def test_legacy_call_without_a_note_fails(code, call):
    verdict = verify_code(code)
    assert verdict.level == "failed" and not verdict.ok
    legacy = [c for c in verdict.checks if c.legacy]
    assert [(c.line, c.call, c.level) for c in legacy] == [(code.count("\n"), call, "failed")]
    assert verdict.summary == "1 legacy call left, 1 without a note"


def test_legacy_call_with_a_note_on_its_line_is_a_warning():
    code = "x = 1\nthreads = client.threads.list()\n"
    note = Note(line=2, severity="warning", rule="threads_to_conversations", message="no way to list")
    verdict = verify_code(code, [note])
    assert verdict.level == "warning" and not verdict.ok
    assert [(c.line, c.level) for c in verdict.checks] == [(2, "warning")]
    assert verdict.summary == "1 legacy call left, each with a note"


def test_a_note_on_another_line_does_not_cover_a_legacy_call():
    code = "x = 1\nthreads = client.threads.list()\n"
    verdict = verify_code(code, [Note(line=1, severity="info", rule="r", message="something else")])
    assert verdict.level == "failed"


def test_a_note_naming_the_method_covers_the_call_wherever_it_points():
    code = "x = 1\nclient.files.save(file_id=f, file_name='o.png')\n"
    verdict = verify_code(code, [Note(line=None, severity="warning", rule="r", message="files.save has no counterpart")])
    assert verdict.level == "warning"


def test_note_lines_point_into_the_original_input():
    original = "a = 1\nb = 2\nc = 3\nthreads = client.threads.list()\n"
    output = "a = 1\nthreads = client.threads.list()\n"  # two lines removed above the call
    note_on_input_line = Note(line=4, severity="warning", rule="r", message="no way to list")
    assert verify_code(output, [note_on_input_line], original=original).level == "warning"
    assert verify_code(output, [note_on_input_line]).level == "failed"  # line 4 of the output does not exist


def test_a_note_on_a_multi_line_call_covers_it_from_any_of_its_lines():
    code = "steps = client.run_steps.list(\n    thread_id=t,\n    run_id=r,\n)\n"
    verdict = verify_code(code, [Note(line=3, severity="warning", rule="r", message="run steps are output items")])
    assert [(c.line, c.level) for c in verdict.checks] == [(1, "warning")]


def test_one_unnoted_legacy_call_fails_the_verdict_even_if_others_are_noted():
    code = "t = client.threads.list()\nr = client.runs.cancel(thread_id=t, run_id=r)\n"
    verdict = verify_code(code, [Note(line=1, severity="warning", rule="r", message="no way to list")])
    assert [c.level for c in verdict.checks] == ["warning", "failed"]
    assert verdict.level == "failed"
    assert verdict.summary == "2 legacy calls left, 1 without a note"


def test_a_real_conversion_that_leaves_legacy_calls_is_a_warning_with_its_notes():
    source = (
        "from azure.ai.agents import AgentsClient\n"
        "client = AgentsClient(endpoint=e, credential=c)\n"
        "print(client.threads.list())\n"  # conversations cannot be listed: left, with a note
    )
    result = convert_code(source)
    verdict = verify_result(result)
    assert verdict.level == "warning", verdict.checks
    assert [(c.line, c.call) for c in verdict.checks if c.legacy] == [(3, "threads.list")]
    assert verify_code(result.output).level == "failed"  # the same code without its notes


def test_summary_counts_new_and_legacy_calls_apart():
    code = "openai_client.conversations.create()\nthreads = client.threads.list()\n"
    assert verify_code(code).summary == (
        "the one call to the new SDKs exists with these keywords; 1 legacy call left, 1 without a note")
    assert verify_code(code, [Note(line=2, severity="warning", rule="r", message="m")]).summary == (
        "the one call to the new SDKs exists with these keywords; 1 legacy call left, each with a note")


def test_new_code_with_a_note_stays_ok():
    verdict = verify_code(GOOD, [Note(line=3, severity="info", rule="r", message="threads")])
    assert verdict.level == "ok" and verdict.ok


def test_verdict_to_dict_carries_the_level():
    data = verify_code("client.create_agent(model='m')\n").to_dict()
    assert data["level"] == "failed" and data["ok"] is False
    assert data["checks"][0]["legacy"] is True


@pytest.mark.parametrize("code", [
    "messages.append(message)\n",  # a list called messages
    "self.messages.append(message)\n",
    "result = openai_client.evals.runs.create(eval_id=e, data_source=d)\n",  # the new evals API
    "files.upload_and_poll(file_path=p)\n",  # a bare name: nothing says it is a client
    "models = openai_client.models.list()\n",  # the OpenAI client's models resource
    "chunks = list(stream.runs)\n",
    # a class of the code itself with a method named like the legacy SDK's
    "class Planner:\n    def create_agent(self, name):\n        return name\n\nPlanner().create_agent('w')\n",
])
def test_code_that_only_looks_legacy_is_not_flagged(code):
    assert verify_code(code).checks == ()
    assert verify_code(code).level == "ok"


# --- resources beyond the fixed list, models through a module, positional arguments ----------------

@pytest.mark.parametrize("code", [
    "project.agents.list_sessions(agent_name='a')\n",
    "project.agents.update_details(agent_name='a')\n",
    "openai_client.files.wait_for_processing(f.id)\n",
    "openai_client.vector_stores.search(vs.id, query='q')\n",
])
def test_any_real_method_of_agents_files_and_vector_stores_is_checked_and_passes(code):
    verdict = verify_code(code)
    assert verdict.ok and len(verdict.checks) == 1, verdict.checks


@pytest.mark.parametrize("code, message", [
    ("project.agents.create_versions(agent_name='a')\n", "agents.create_versions does not exist in the installed SDKs"),
    ("project.agents.get(agent_nam='a')\n", "agents.get has no parameter agent_nam"),
    ("openai_client.files.retrieve_contents(f.id)\n", "files.retrieve_contents does not exist in the installed SDKs"),
    ("openai_client.vector_stores.serach(vs.id, query='q')\n", "vector_stores.serach does not exist in the installed SDKs"),
    ("openai_client.vector_stores.files.list(vs.id, orderr='asc')\n", "vector_stores.files.list has no parameter orderr"),
])
def test_unknown_methods_and_keywords_of_those_resources_fail(code, message):
    verdict = verify_code(code)
    assert not verdict.ok
    assert [c.message for c in verdict.checks] == [message]


@pytest.mark.parametrize("code, label", [
    ("from azure.ai.projects import models\nd = models.PromptAgentDefinition(model='m')\n", "models.PromptAgentDefinition"),
    ("import azure.ai.projects.models as m\nt = m.FunctionTool(name='f', parameters={}, strict=True)\n", "models.FunctionTool"),
    ("import azure.ai.projects\nt = azure.ai.projects.models.CodeInterpreterTool()\n", "models.CodeInterpreterTool"),
])
def test_models_used_through_a_module_import_are_checked(code, label):
    verdict = verify_code(code)
    assert verdict.ok and [c.call for c in verdict.checks] == [label]


@pytest.mark.parametrize("code, message", [
    ("from azure.ai.projects import models\nd = models.PromptAgentDefinition(modle='m')\n",
     "models.PromptAgentDefinition has no parameter modle"),
    ("import azure.ai.projects.models as m\nm.ThreadMessageOptions(role='user')\n",
     "models.ThreadMessageOptions does not exist in the installed SDKs"),
    ("from azure.ai.projects import models\nmodels.FunctionTool(name='f', parameters={})\n",
     "models.FunctionTool requires strict"),
])
def test_models_through_a_module_import_fail_like_imported_names(code, message):
    verdict = verify_code(code)
    assert not verdict.ok and [c.message for c in verdict.checks] == [message]


@pytest.mark.parametrize("code, message", [
    ("openai_client.conversations.items.create('c', [])\n",
     "conversations.items.create takes at most 1 positional argument, 2 given"),
    ("openai_client.responses.create('hello')\n", "responses.create takes at most 0 positional arguments, 1 given"),
    ("project.agents.create_version('a', body, 'json')\n",
     "agents.create_version takes at most 2 positional arguments, 3 given"),
    ("from azure.ai.projects.models import CodeInterpreterTool\nCodeInterpreterTool({}, {})\n",
     "CodeInterpreterTool takes at most 1 positional argument, 2 given"),
])
def test_too_many_positional_arguments_fail(code, message):
    verdict = verify_code(code)
    assert not verdict.ok and [c.message for c in verdict.checks] == [message]


@pytest.mark.parametrize("code", [
    "openai_client.conversations.items.create('c', items=[])\n",
    "project.agents.create_version('a', {'definition': {}})\n",  # the mapping form
    "openai_client.conversations.items.create(*args, items=[])\n",  # cannot count a starred argument
    "from azure.ai.projects.models import CodeInterpreterTool\nCodeInterpreterTool({'type': 'code_interpreter'})\n",
])
def test_allowed_positional_arguments_pass(code):
    verdict = verify_code(code)
    assert verdict.ok, verdict.checks


def test_legacy_models_through_the_full_dotted_path_fail():
    verdict = verify_code("import azure.ai.agents\nt = azure.ai.agents.models.CodeInterpreterTool()\n")
    assert [(c.call, c.level) for c in verdict.checks] == [("models.CodeInterpreterTool", "failed")]
