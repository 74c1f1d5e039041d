"""Classic agents → 2.x agent versions with the same definition.

Each agent's JSON goes through the workbook's payload converter
(`foundry-agent` kind), which maps tools and tool resources by the one
mapping the code converter uses and gives the agent a valid 2.x name; the
result is sent to `agents.create_version`. Two classic agents with the same
name would become versions of one 2.x agent, so later ones get a suffix
(`-2`, `-3`, ...): pass agents oldest first so the first keeps the plain name.
The report maps every old id to its name and version.
"""
from __future__ import annotations

import json
from typing import Any, Iterable

from .. import convert_payload
from .report import Report
from .retries import with_retries
from .state import State

MAX_NAME = 63


def _unique(name: str, taken: set[str]) -> str:
    if name not in taken:
        return name
    for n in range(2, 10_000):
        suffix = f"-{n}"
        candidate = name[: MAX_NAME - len(suffix)].rstrip("-") + suffix
        if candidate not in taken:
            return candidate
    raise ValueError(f"no free name for {name}")


def agent_version_body(agent: dict[str, Any]) -> tuple[str, dict[str, Any], list[dict[str, Any]]]:
    """(2.x name, create_version body, notes that need a person) for one classic agent."""
    result = convert_payload(json.dumps(agent), kind="foundry-agent")
    converted = json.loads(result.output)
    name = converted.get("name") or ("agent-" + agent["id"].removeprefix("asst_"))[:MAX_NAME].rstrip("-")
    body = {"definition": converted["definition"]}
    if converted.get("metadata"):
        body["metadata"] = converted["metadata"]
    if converted.get("description"):
        body["description"] = converted["description"]
    notes = [{"severity": n.severity, "message": n.message} for n in result.notes if n.severity != "info"]
    return name, body, notes


def migrate_agents(agents: Iterable[Any], project_client, state: State, report: Report, *,
                   dry_run: bool = False) -> dict[str, int]:
    totals = {"agents": 0, "already": 0, "failed": 0}
    taken = {value["name"] for _, value in state.items("agent:")}
    for model in agents:
        agent = model.as_dict() if hasattr(model, "as_dict") else dict(model)
        key = f"agent:{agent['id']}"
        if state.get(key):
            totals["already"] += 1
            continue
        try:
            name, body, notes = agent_version_body(agent)
            name = _unique(name, taken)
            if dry_run:
                report.write({"old_id": agent["id"], "name": name, "dry_run": True, "notes": notes})
                totals["agents"] += 1
                continue
            version = with_retries(lambda: project_client.agents.create_version(agent_name=name, body=body))
        except Exception as exc:  # reported per agent; the run goes on
            totals["failed"] += 1
            report.write({"old_id": agent.get("id"), "error": f"{type(exc).__name__}: {str(exc)[:300]}"})
            continue
        taken.add(name)
        state.put(key, {"name": name, "version": version.version})
        report.write({"old_id": agent["id"], "name": name, "version": version.version, "notes": notes})
        totals["agents"] += 1
    return totals
