"""A two-module agent crew (a class that runs agents given its own functions), legacy and converted,
each run against the local service: both run the function and print the agent's answer (issue 18)."""
from __future__ import annotations

from helpers import convert_code
from helpers.local.run import run_script
from tests.foundry.test_functions_given_to_agents import CREW, CREW_MAIN
from tests.foundry.support import dedent

ANSWER = "scribe answered: The tools returned: record_note -> noted (1 so far)"


def _write(folder, crew: str, main: str):
    folder.mkdir()
    (folder / "crew.py").write_text(crew, encoding="utf-8")
    (folder / "main.py").write_text(main, encoding="utf-8")
    return folder / "main.py"


def test_the_legacy_crew_and_its_conversion_both_run_the_function_and_answer(svc, tmp_path):
    crew, main = dedent(CREW), dedent(CREW_MAIN)
    legacy = run_script(_write(tmp_path / "legacy", crew, main), service=svc, capture=True, timeout=120, input="")
    assert legacy.returncode == 0, legacy.stderr[-2000:]
    assert ANSWER in legacy.stdout

    modules = {"crew": crew, "main": main}
    new_crew = convert_code(crew, modules=modules).output
    new_main = convert_code(main, modules=modules).output
    assert "azure.ai.agents import AgentsClient" not in new_crew + new_main
    converted = run_script(_write(tmp_path / "converted", new_crew, new_main), service=svc, capture=True,
                           timeout=120, input="")
    assert converted.returncode == 0, converted.stderr[-2000:]
    assert ANSWER in converted.stdout
    assert "status: completed" in converted.stdout
