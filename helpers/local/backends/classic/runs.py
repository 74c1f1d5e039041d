"""`/threads/{id}/runs` (create, get, list, update, cancel, submit_tool_outputs),
`/threads/runs` (create a thread and run it) and run steps; `stream: true`
on create and on submit_tool_outputs answers with server-sent events."""
from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.routing import Route

from ... import bodies
from ...errors import bad_request
from ...store import Store
from .engine import active_run, advance, new_run
from .run_steps import snapshot, step_view
from .objects import answer, check_resources, listing, load, store
from .requests import RunCreate, RunOptions, RunUpdate, SubmitToolOutputs, ThreadAndRunCreate, ThreadCreate
from .stream import event_stream
from .surface import check_tools, only_on_one_surface
from .threads import add_message, create_thread

RUN_ONLY = {"assistant_id", "stream", "additional_instructions", "additional_messages", "thread"}


def _options(request: Request, db: Store, body: RunOptions) -> dict[str, Any]:
    options = body.model_dump(exclude_none=True, exclude=RUN_ONLY)
    # OpenAI's run create has no tool_resources (its create-thread-and-run has).
    only_on_one_surface(request, set(body.model_fields_set), openai_only={"reasoning_effort"},
                        azure_only=set() if isinstance(body, ThreadAndRunCreate) else {"tool_resources"})
    if body.tools is not None:
        options["tools"] = check_tools(request, body.tools)
    if body.tool_resources is not None:
        options["tool_resources"] = check_resources(db, options["tool_resources"])
    if body.truncation_strategy is not None:
        options["truncation_strategy"] = body.truncation_strategy.model_dump()
    if isinstance(body, RunCreate) and body.additional_instructions:
        options["additional_instructions"] = body.additional_instructions
    return options


def includes(request: Request) -> list[str]:
    """`include[]` values: repeated (openai) or comma-joined (azure-ai-agents)."""
    return [part for value in request.query_params.getlist("include[]") for part in value.split(",") if part]


def _started(db: Store, run: dict[str, Any], stream: bool, *, before: list[tuple[str, Any]] = (),
             created: bool = True, include: list[str] = ()):
    """The answer to a call that (re)started `run`: the run as it is now, or its events as they happen."""
    if not stream:
        return answer(run)
    queued = snapshot(run)
    opening = [*before, *([("thread.run.created", queued)] if created else []), ("thread.run.queued", queued)]

    def produce():
        yield from opening
        current = db.get("run", run["id"])
        while current["status"] in ("queued", "in_progress"):
            events = advance(db, current)
            if not events:
                break
            yield from ((name, step_view(data, include) if name.startswith("thread.run.step.") and
                         "step_details" in data else data) for name, data in events)
            current = db.get("run", run["id"])

    return event_stream(produce())


async def create(request: Request):
    db = store(request)
    thread_id = request.path_params["thread_id"]
    load(db, "thread", thread_id)
    body = await bodies.read(request, RunCreate)
    assistant = load(db, "assistant", body.assistant_id)
    options = _options(request, db, body)
    if run := active_run(db, thread_id):
        raise bad_request(f"Thread {thread_id} already has an active run {run['id']}.")
    for message in body.additional_messages or []:
        add_message(db, thread_id, message)
    return _started(db, new_run(db, thread_id, assistant, options), bool(body.stream), include=includes(request))


async def create_thread_and_run(request: Request):
    db = store(request)
    body = await bodies.read(request, ThreadAndRunCreate)
    assistant = load(db, "assistant", body.assistant_id)
    options = _options(request, db, body)
    thread = create_thread(db, body.thread or ThreadCreate())
    run = new_run(db, thread["id"], assistant, options)
    return _started(db, run, bool(body.stream), before=[("thread.created", snapshot(thread))])


def _run(request: Request) -> tuple[Store, dict[str, Any]]:
    db = store(request)
    thread_id = request.path_params["thread_id"]
    load(db, "thread", thread_id)
    return db, load(db, "run", request.path_params["run_id"], parent=thread_id)


async def get(request: Request):
    db, run = _run(request)
    advance(db, run)
    return answer(db.get("run", run["id"]))


async def update(request: Request):
    db, run = _run(request)
    body = await bodies.read(request, RunUpdate)
    if body.metadata is not None:
        run["metadata"] = body.metadata
    return answer(db.update("run", run["id"], run))


async def list_(request: Request):
    db = store(request)
    thread_id = request.path_params["thread_id"]
    load(db, "thread", thread_id)
    for run in db.list("run", parent=thread_id):
        advance(db, run)
    return listing(db.list("run", parent=thread_id), request)


async def cancel(request: Request):
    db, run = _run(request)
    if run["status"] not in ("queued", "in_progress", "requires_action"):
        raise bad_request(f"Cannot cancel run with status '{run['status']}'.")
    run.update(status="cancelling", required_action=None)
    return answer(db.update("run", run["id"], run))


async def submit_tool_outputs(request: Request):
    db, run = _run(request)
    body = await bodies.read(request, SubmitToolOutputs)
    advance(db, run)  # a run waiting too long has expired by now
    run = db.get("run", run["id"])
    if run["status"] != "requires_action":
        raise bad_request(f"Runs in status \"{run['status']}\" do not accept tool outputs.")
    calls = {call["id"]: call for call in run["required_action"]["submit_tool_outputs"]["tool_calls"]}
    given = {output.tool_call_id: output.output for output in body.tool_outputs}
    if unknown := sorted(set(given) - set(calls)):
        raise bad_request(f"Invalid tool_call_id: {unknown[0]}. No tool call with this id is pending.",
                          param="tool_outputs")
    if missing := sorted(set(calls) - set(given)):
        raise bad_request(f"Expected tool outputs for call_ids {sorted(calls)}, got {sorted(given)}. "
                          f"Missing: {missing}.", param="tool_outputs")
    step = db.get("run_step", run["_tool_step"])
    for call in step["step_details"]["tool_calls"]:
        call["function"]["output"] = given[call["id"]]
    db.update("run_step", step["id"], step)
    run.update(status="queued", required_action=None,
               _tool_outputs=[[calls[id]["function"]["name"], output] for id, output in given.items()])
    db.update("run", run["id"], run)
    return _started(db, run, bool(body.stream), created=False)


async def list_steps(request: Request):
    db, run = _run(request)
    advance(db, run)
    wanted = includes(request)
    return listing([step_view(step, wanted) for step in db.list("run_step", parent=run["id"])], request)


async def get_step(request: Request):
    db, run = _run(request)
    advance(db, run)
    return answer(step_view(load(db, "run_step", request.path_params["step_id"], parent=run["id"]), includes(request)))


def routes() -> list[Route]:
    runs = "/threads/{thread_id}/runs"
    run = runs + "/{run_id}"
    return [
        Route("/threads/runs", create_thread_and_run, methods=["POST"]),
        Route(runs, create, methods=["POST"]),
        Route(runs, list_, methods=["GET"]),
        Route(run, get, methods=["GET"]),
        Route(run, update, methods=["POST"]),
        Route(f"{run}/cancel", cancel, methods=["POST"]),
        Route(f"{run}/submit_tool_outputs", submit_tool_outputs, methods=["POST"]),
        Route(f"{run}/steps", list_steps, methods=["GET"]),
        Route(run + "/steps/{step_id}", get_step, methods=["GET"]),
    ]
