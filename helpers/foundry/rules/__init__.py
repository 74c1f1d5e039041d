"""The Foundry conversion rules, in the order the engine offers nodes to them.

Each module registers one rule (see `..registry`). Order matters only where two
rules look at the same node: the first to claim it wins.
"""
from . import (  # noqa: F401
    agents_client,
    openai_client,
    project_client_1x,
    connected_agents,
    operation_groups,
    toolset_methods,
    tool_definitions,
    create_agent,
    manage_agents,
    threads_to_conversations,
    messages_to_items,
    runs_to_responses,
    polling_loops,
    function_calling,
    files_and_vector_stores,
    event_handlers,
    streaming,
    stream_loops,
    stream_text_deltas,
    async_clients,
    reading_results,
    legacy_models,
    legacy_annotations,
    telemetry_instrumentor,
    annotations,
    run_steps,
    removed_behaviour_comments,
    stored_ids,
    legacy_handoff,
)
