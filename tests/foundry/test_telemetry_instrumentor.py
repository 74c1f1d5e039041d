"""The agents tracing instrumentor becomes the azure-ai-projects 2.x one (issue 18)."""
from __future__ import annotations

from .support import assert_converts, convert_checked, dedent


def test_the_instrumentor_and_trace_function_come_from_the_project_telemetry_module():
    result = assert_converts(
        """
        from azure.ai.agents import AgentsClient
        from azure.ai.agents.telemetry import AIAgentsInstrumentor, trace_function

        client = AgentsClient(endpoint=e, credential=c)


        @trace_function()
        def traced(client: AgentsClient):
            tracer_setup = AIAgentsInstrumentor()
            if not tracer_setup.is_instrumented():
                tracer_setup.instrument(enable_content_recording=True)
        """,
        """
        from azure.ai.projects.telemetry import AIProjectInstrumentor, trace_function
        from azure.ai.projects import AIProjectClient

        client = AIProjectClient(endpoint=e, credential=c)


        @trace_function()
        def traced(client: AIProjectClient):
            tracer_setup = AIProjectInstrumentor()
            if not tracer_setup.is_instrumented():
                tracer_setup.instrument(enable_content_recording=True)
        """,
    )
    note = next(n for n in result.notes if n.rule == "telemetry_instrumentor")
    assert note.line == 2 and "AZURE_EXPERIMENTAL_ENABLE_GENAI_TRACING" in note.message
    assert "azure.ai.agents" not in " ".join(n.message for n in result.notes)


def test_an_import_inside_a_function_and_an_alias_are_converted_where_they_are():
    result = convert_checked(dedent("""
        from azure.ai.agents import AgentsClient


        def trace_agents(client: AgentsClient):
            try:
                from azure.ai.agents.telemetry import AIAgentsInstrumentor as Tracing
                Tracing().instrument()
            except ImportError:
                pass
    """))
    assert "        from azure.ai.projects.telemetry import AIProjectInstrumentor as Tracing\n" \
        "        Tracing().instrument()\n" in result.output
