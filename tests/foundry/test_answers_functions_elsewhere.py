"""Functions behind a FunctionTool defined in another module of the project."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import helpers

from .support import dedent

SCRIPT = dedent("""
    from azure.ai.agents import AgentsClient
    from azure.ai.agents.models import FunctionTool
    from tools.weather import user_functions
    client = AgentsClient(endpoint=e, credential=c)
    functions = FunctionTool(functions=user_functions)
    agent = client.create_agent(model="gpt-4.1", name="weather", tools=functions.definitions)
""")
MODULE = dedent('''
    def forecast(city: str, days: int = 1) -> str:
        """Forecast for a city.

        :param city: the city name
        """
        return "sunny"

    def ping() -> str:
        return "pong"

    user_functions = {forecast, ping}
''')


def test_schemas_are_read_from_the_given_module():
    result = helpers.convert_code(SCRIPT, modules={"tools.weather": MODULE})
    assert 'FunctionTool(name="forecast", description="Forecast for a city.", parameters={"type": "object", ' \
        '"properties": {"city": {"type": "string", "description": "the city name"}, "days": {"type": "integer"}}, ' \
        '"required": ["city"]}, strict=False),' in result.output
    assert 'FunctionTool(name="ping", parameters=' in result.output
    assert "azure.ai.agents" not in result.output
    assert helpers.verify_code(result.output).ok
    assert helpers.convert_code(result.output, modules={"tools.weather": MODULE}).output == result.output


def test_module_names_match_on_their_last_parts():
    result = helpers.convert_code(SCRIPT.replace("from tools.weather", "from samples.tools.weather"),
                                  modules={"tools.weather": MODULE})
    assert 'FunctionTool(name="forecast"' in result.output


def test_one_file_alone_gets_an_error_with_what_to_write():
    result = helpers.convert_code(SCRIPT)
    errors = [n for n in result.notes if n.severity == "error" and "come from `tools.weather`" in n.message]
    assert errors and errors[0].line == 5
    assert "python -m helpers convert FOLDER" in errors[0].message and "FunctionTool(name=" in errors[0].message
    assert "functions = FunctionTool(functions=user_functions)" in result.output


def test_single_functions_imported_by_name():
    script = SCRIPT.replace("import user_functions", "import forecast").replace(
        "functions=user_functions", "functions={forecast}")
    result = helpers.convert_code(script, modules={"tools.weather": MODULE})
    assert 'FunctionTool(name="forecast"' in result.output and 'name="ping"' not in result.output


def test_the_command_line_reads_sibling_files_of_a_folder(tmp_path: Path):
    (tmp_path / "tools").mkdir()
    (tmp_path / "tools" / "weather.py").write_text(MODULE)
    (tmp_path / "app.py").write_text(SCRIPT)
    done = subprocess.run([sys.executable, "-m", "helpers", "convert", str(tmp_path), "--json"],
                          capture_output=True, text=True, cwd=Path(__file__).resolve().parents[2])
    results = {Path(r["path"]).name: r for r in map(json.loads, done.stdout.splitlines())}
    assert 'FunctionTool(name="forecast"' in results["app.py"]["output"]


def test_modules_of_the_wrong_type_are_an_input_error():
    import pytest

    with pytest.raises(helpers.InputError):
        helpers.convert_code(SCRIPT, modules={"tools.weather": b"bytes"})


def test_functions_that_the_other_module_imports_in_turn():
    helpers_module = "from tools.weather import forecast\nasync def alert(level: int) -> str:\n    return 'ok'\n" \
        "user_functions = {forecast, alert}\n"
    script = SCRIPT.replace("from tools.weather import user_functions", "from tools.both import user_functions")
    result = helpers.convert_code(script, modules={"tools.weather": MODULE, "tools.both": helpers_module})
    assert 'FunctionTool(name="forecast"' in result.output and 'FunctionTool(name="alert"' in result.output


def test_a_script_in_a_subfolder_finds_modules_of_the_folder_above(tmp_path: Path):
    from helpers.foundry.sibling_modules import FolderModules, search_roots

    (tmp_path / "tools").mkdir()
    (tmp_path / "tools" / "weather.py").write_text(MODULE)
    (tmp_path / "apps").mkdir()
    script = tmp_path / "apps" / "app.py"
    modules = FolderModules(search_roots(script, tmp_path))
    assert modules.roots == (tmp_path / "apps", tmp_path)
    result = helpers.convert_code(SCRIPT.replace("from tools.weather", "from project.tools.weather"),
                                  modules=modules)
    assert 'FunctionTool(name="forecast"' in result.output
    assert "../" not in str(modules.get("..tools.weather"))  # only module names are looked up
