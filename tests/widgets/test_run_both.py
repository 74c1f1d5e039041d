"""The widget's Run both button: runs the original and the conversion against a fresh local service."""
from __future__ import annotations

from helpers.widgets import converter

LEGACY = '''\
import os

from azure.ai.agents import AgentsClient
from azure.identity import DefaultAzureCredential

client = AgentsClient(endpoint=os.environ["PROJECT_ENDPOINT"], credential=DefaultAzureCredential())
thread = client.threads.create(metadata={"from": "widget"})
print("metadata:", thread.metadata)
'''


def test_run_both_shows_both_outcomes_for_python():
    page = converter(LEGACY)
    page.refresh()
    assert page.run_box.layout.display == ""
    assert page.run_output.value == ""  # nothing runs until the button is pressed
    page.run_button.click()
    shown = page.run_output.value
    assert "both ran" in shown, shown
    assert "original (exit status 0" in shown and "converted (exit status 0" in shown
    assert shown.count("metadata: {&#x27;from&#x27;: &#x27;widget&#x27;}") == 2
    assert not page.run_button.disabled


def test_run_both_reports_a_failing_conversion_without_raising():
    page = converter(LEGACY + "raise SystemExit(4)\n")
    page.refresh()
    page.run_button.click()
    assert "problems found" in page.run_output.value
    assert "exit status 4" in page.run_output.value


def test_run_both_is_hidden_for_payloads():
    page = converter('{"assistant_id": "asst_1", "object": "thread.run", "id": "run_1", "status": "completed"}')
    page.refresh()
    assert page.run_box.layout.display == "none"
