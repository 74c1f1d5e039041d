"""One rule keeps its first 25 notes and then one summary note (helpers/payloads/context.py)."""
from __future__ import annotations

import json

import pytest

from helpers.payloads import convert_payload


@pytest.mark.parametrize("fields, summary", [
    (25, None),
    (26, "1 more places like the ones above (26 in all); only the first 25 are listed"),
    (30, "5 more places like the ones above (30 in all); only the first 25 are listed"),
])
def test_notes_per_rule_are_capped_with_a_summary(fields, summary):
    message = {"object": "thread.message", "role": "user", "content": []}
    message.update({f"x_{n:02}": n for n in range(fields)})
    result = convert_payload(json.dumps(message, indent=1))
    f3 = [n for n in result.notes if n.rule == "F3"]
    listed = [n for n in f3 if n.path]
    assert [n.path for n in listed] == [f"x_{n:02}" for n in range(min(fields, 25))]
    assert (listed[0].line, listed[-1].line) == (5, 29)  # indent=1: "x_00" is on line 5, "x_24" on line 29
    summaries = [(n.severity, n.line, n.message) for n in f3 if not n.path]
    # the summary sits at the line of the last listed note
    assert summaries == ([] if summary is None else [("info", 29, summary)])
