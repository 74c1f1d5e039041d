"""Imports after conversion: names still used, even only inside a quoted annotation, keep their import."""
from __future__ import annotations

from .support import convert_checked

SCRIPT = (
    "from azure.ai.agents import AgentsClient\n"
    "from azure.ai.agents.models import ListSortOrder, RunStep\n"
    "\n"
    "def describe(step: \"RunStep\") -> str:\n"
    "    return step.id\n"
    "\n"
    "client = AgentsClient(endpoint=e, credential=c)\n"
    "msgs = client.messages.list(thread_id=t, order=ListSortOrder.ASCENDING)\n"
)


def test_a_name_used_only_in_a_string_annotation_keeps_its_import():
    out = convert_checked(SCRIPT).output
    assert "from azure.ai.agents.models import RunStep\n" in out  # ListSortOrder went, RunStep stays
    assert "ListSortOrder" not in out


def test_an_import_the_user_had_left_unused_is_left_alone():
    out = convert_checked(SCRIPT.replace('step: "RunStep"', "step")).output
    assert "from azure.ai.agents.models import RunStep\n" in out
    assert "ListSortOrder" not in out  # this one the conversion made unused
