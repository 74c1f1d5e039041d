"""Whole scripts, unchanged, against the new surface: the converted ("after") code of `helpers.examples`, and
azure-ai-projects 2.10's own basic samples (copied from the unpacked sdist into a temporary folder, since
running them writes bytecode next to them)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import helpers
from helpers.examples import get_example
from helpers.local.backends import BACKENDS
from helpers.local.run import run_script

SAMPLES = Path("/work/sdists/azure_ai_projects-2.10.0/samples")


@pytest.mark.parametrize("name, expected", [
    ("whole_script", 'assistant: Local model: you said "Two nights in a mountain hut in October, what do I pack?".'),
    ("streaming", 'Local model: you said "A story about a lighthouse keeper\'s owl.".'),
    ("openai_script", 'assistant Local model: you said "I have a 2 by 3 metre balcony facing south.'),
])
def test_converted_examples_run(svc, tmp_path, name, expected):
    script = tmp_path / f"{name}.py"
    script.write_text(helpers.convert_code(get_example(name).text).output)
    done = run_script(script, service=svc, capture=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert expected in done.stdout


def test_the_converted_function_tool_example_really_calls_its_function(svc, tmp_path):
    script = tmp_path / "function_tool.py"
    # The example's own function, traced: the local model must call it and get its output back.
    source = helpers.convert_code(get_example("function_tool").text).output
    script.write_text(source + "\nprint([i.content[0].text for i in openai_client.conversations.items.list("
                               "conversation_id=thread.id) if i.type == 'message'][0])\n")
    done = run_script(script, service=svc, capture=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "The tools returned: opening_hours -> " in done.stdout


def _copy_sample(sample: str, into: Path) -> Path:
    """The sample, the util.py modules it imports from its folder and those above, and the assets it reads."""
    copy = into / "samples"
    for folder in [Path(sample).parent, *Path(sample).parent.parents]:
        (copy / folder).mkdir(parents=True, exist_ok=True)
        if (SAMPLES / folder / "util.py").exists():
            shutil.copy(SAMPLES / folder / "util.py", copy / folder / "util.py")
    shutil.copytree(SAMPLES / "agents" / "assets", copy / "agents" / "assets", dirs_exist_ok=True)
    shutil.copy(SAMPLES / sample, copy / sample)
    return copy / sample


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="the azure-ai-projects 2.10.0 sdist is not unpacked")
@pytest.mark.parametrize("sample, expected", [
    ("agents/sample_agent_basic.py", 'Earlier you said "What is the size of France in square miles?"'),
    ("agents/sample_agent_basic_async.py", 'Earlier you said "What is the size of France in square miles?"'),
    ("agents/sample_agent_stream_events.py", "Response completed."),
    ("agents/tools/sample_agent_function_tool.py", "Agent response: The tools returned: get_horoscope -> "),
    ("agents/tools/sample_agent_code_interpreter.py", "I ran code and saved chart.png."),
    ("responses/sample_responses_structured_output.py", 'Response output: {"name": '),
])
def test_azure_ai_projects_samples_run_unchanged(svc, tmp_path, sample, expected):
    done = run_script(_copy_sample(sample, tmp_path), service=svc, capture=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert expected in done.stdout


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="the azure-ai-projects 2.10.0 sdist is not unpacked")
@pytest.mark.skipif("vector_stores" not in {b.__name__.rsplit(".", 1)[-1] for b in BACKENDS},
                    reason="needs the files and vector stores backends (another branch)")
@pytest.mark.parametrize("sample, expected", [
    ("agents/tools/sample_agent_file_search.py", 'From product_info.md: "'),
    ("agents/tools/sample_agent_code_interpreter_with_files.py", "File downloaded successfully"),
])
def test_samples_that_upload_files_run_unchanged(svc, tmp_path, monkeypatch, sample, expected):
    monkeypatch.setenv("TMPDIR", str(tmp_path))  # where the code-interpreter sample saves the file it downloads
    done = run_script(_copy_sample(sample, tmp_path), service=svc, capture=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert expected in done.stdout
