"""Tools and tool_resources (helpers/payloads/foundry/tools.py): exact tools and exact notes.

Each case is a small legacy agent (or run) whose converted tools, `unconverted` key and tool
notes are written out by hand from the 1.x → 2.x tool facts in helpers/mapping/tools.py.
"""
from __future__ import annotations

import json

import pytest

from helpers.payloads import convert_payload

MOVED = "kept under `unconverted.tool_resources` (remove that key before sending): "


def agent(tools, resources=None):
    doc = {"id": "asst_t", "object": "assistant", "name": "t", "model": "gpt-4.1", "created_at": 1,
           "tools": tools}
    if resources is not None:
        doc["tool_resources"] = resources
    return doc


def convert(doc):
    result = convert_payload(json.dumps(doc, indent=2))
    tool_notes = sorted((n.rule, n.severity, n.path, n.message) for n in result.notes
                        if n.path and n.path.startswith("tool"))
    return json.loads(result.output), tool_notes


def tools_of(out):
    return out["definition"].get("tools")


def test_empty_tool_resources_get_one_info_note_and_no_leftovers():
    out, notes = convert(agent([], {"code_interpreter": {"file_ids": []}, "file_search": {}, "mcp": []}))
    assert "tools" not in out["definition"]
    assert "unconverted" not in out
    assert notes == [("F1", "info", "tool_resources", "tool_resources holds no ids, so there is nothing to carry over")]


def test_tool_resources_with_one_id_are_not_called_empty():
    out, notes = convert(agent([], {"code_interpreter": {"file_ids": []},
                                    "file_search": {"vector_store_ids": ["vs_1"]}}))
    assert out["unconverted"] == {"tool_resources": {"file_search": {"vector_store_ids": ["vs_1"]}}}
    assert notes == [("F1", "warning", "tool_resources.file_search.vector_store_ids",
                      MOVED + "no file_search tool reads it: add that tool, or drop the value")]


def test_unknown_tool_type_is_kept_with_a_warning():
    tool = {"type": "browser_automation", "browser_automation": {"connection": {"id": "c"}}}
    out, notes = convert(agent([tool]))
    assert tools_of(out) == [tool]
    assert notes == [("F1", "warning", "tools[0]", "tool type 'browser_automation' is not in the map of changes; "
                      "it was kept as it is: check its 2.x model in azure.ai.projects.models")]


def test_the_tools_after_an_unknown_one_still_convert():
    out, notes = convert(agent([{"type": "browser_automation"}, {"type": "code_interpreter"}]))
    assert tools_of(out) == [{"type": "browser_automation"}, {"type": "code_interpreter", "container": {"type": "auto"}}]
    assert [n[2] for n in notes] == ["tools[0]"]


def test_tool_without_type_is_kept_with_a_warning():
    out, notes = convert(agent([{"name": "x"}]))
    assert tools_of(out) == [{"name": "x"}]
    assert notes == [("F1", "warning", "tools[0]", "tool type None is not in the map of changes; "
                      "it was kept as it is: check its 2.x model in azure.ai.projects.models")]


def test_code_interpreter_takes_its_file_ids_and_leaves_data_sources():
    out, notes = convert(agent([{"type": "code_interpreter"}], {
        "code_interpreter": {"file_ids": ["f1", "f2"], "data_sources": [{"uri": "u", "type": "uri_asset"}]}}))
    assert tools_of(out) == [{"type": "code_interpreter", "container": {"type": "auto", "file_ids": ["f1", "f2"]}}]
    assert out["unconverted"] == {"tool_resources": {"code_interpreter": {
        "data_sources": [{"uri": "u", "type": "uri_asset"}]}}}
    assert notes == [
        ("F1", "info", "tools[0]", "tool_resources.code_interpreter.file_ids moved into the tool's container"),
        ("F1", "warning", "tool_resources.code_interpreter.data_sources",
         MOVED + "upload the files and list their ids in the container's file_ids"),
    ]


def test_code_interpreter_already_2x_is_kept_and_the_file_ids_stay_unconverted():
    tool = {"type": "code_interpreter", "container": "cntr_1"}
    out, notes = convert(agent([tool], {"code_interpreter": {"file_ids": ["f1"]}}))
    assert tools_of(out) == [tool]
    assert out["unconverted"] == {"tool_resources": {"code_interpreter": {"file_ids": ["f1"]}}}
    assert notes == [("F1", "warning", "tool_resources.code_interpreter.file_ids",
                      MOVED + "no code_interpreter tool reads it: add that tool, or drop the value")]


def test_code_interpreter_with_empty_file_ids_gets_an_auto_container_only():
    out, notes = convert(agent([{"type": "code_interpreter"}], {"code_interpreter": {"file_ids": []},
                                                                "file_search": {"vector_store_ids": ["v"]}}))
    assert tools_of(out) == [{"type": "code_interpreter", "container": {"type": "auto"}}]
    assert [n[2] for n in notes] == ["tool_resources.file_search.vector_store_ids"]


def test_file_search_takes_ids_options_and_extra_keys():
    tool = {"type": "file_search", "file_search": {"max_num_results": 5}, "x_extra": 1}
    out, notes = convert(agent([tool], {"file_search": {"vector_store_ids": ["vs_a", "vs_b"]}}))
    assert tools_of(out) == [{"type": "file_search", "vector_store_ids": ["vs_a", "vs_b"], "max_num_results": 5,
                              "x_extra": 1}]
    assert list(tools_of(out)[0]) == ["type", "vector_store_ids", "max_num_results", "x_extra"]
    assert "unconverted" not in out
    assert notes == [("F1", "info", "tools[0]", "tool_resources.file_search.vector_store_ids moved onto the tool")]


def test_file_search_without_ids_gets_an_empty_list_and_a_warning():
    out, notes = convert(agent([{"type": "file_search", "file_search": None}]))
    assert tools_of(out) == [{"type": "file_search", "vector_store_ids": []}]
    assert notes == [("F1", "warning", "tools[0]", "file_search needs vector_store_ids; none were found in "
                      "tool_resources.file_search: add them")]


def test_file_search_already_2x_is_kept_and_vector_stores_to_create_stay_unconverted():
    tool = {"type": "file_search", "vector_store_ids": ["vs_new"]}
    stores = [{"file_ids": ["f9"]}]
    out, notes = convert(agent([tool], {"file_search": {"vector_stores": stores}}))
    assert tools_of(out) == [tool]
    assert out["unconverted"] == {"tool_resources": {"file_search": {"vector_stores": stores}}}
    assert notes == [("F1", "warning", "tool_resources.file_search.vector_stores",
                      MOVED + "create the vector store first (vector_stores.create) and list its id in "
                      "vector_store_ids")]


@pytest.mark.parametrize("ranker, new_ranker, note", [
    ("auto", "auto", None),
    ("default_2024_08_21", "auto", ("warning", "ranker 'default_2024_08_21' became 'auto': the 2024-08-21 ranker "
                                    "is gone; 'auto' lets the service pick (or choose 'default-2024-11-15')")),
    ("fancy", "fancy", ("warning", "ranker 'fancy' is not a known ranker; it was kept: 2.x takes 'auto' or "
                        "'default-2024-11-15'")),
    (7, 7, ("warning", "ranker 7 is not a known ranker; it was kept: 2.x takes 'auto' or 'default-2024-11-15'")),
    (["auto"], ["auto"], ("warning", "ranker ['auto'] is not a known ranker; it was kept: 2.x takes 'auto' or "
                          "'default-2024-11-15'")),
])
def test_file_search_rankers(ranker, new_ranker, note):
    tool = {"type": "file_search", "file_search": {"ranking_options": {"ranker": ranker, "score_threshold": 0.5}}}
    out, notes = convert(agent([tool], {"file_search": {"vector_store_ids": ["vs"]}}))
    assert tools_of(out) == [{"type": "file_search", "vector_store_ids": ["vs"],
                              "ranking_options": {"ranker": new_ranker, "score_threshold": 0.5}}]
    expected = [("F1", "info", "tools[0]", "tool_resources.file_search.vector_store_ids moved onto the tool")]
    if note:
        expected.append(("F1", *note[:1], "tools[0].file_search.ranking_options.ranker", note[1]))
    assert notes == sorted(expected)


def test_file_search_ranking_options_without_ranker_are_kept():
    tool = {"type": "file_search", "file_search": {"ranking_options": {"score_threshold": 0.2}}}
    out, _ = convert(agent([tool], {"file_search": {"vector_store_ids": ["vs"]}}))
    assert tools_of(out)[0]["ranking_options"] == {"score_threshold": 0.2}


def test_function_is_flattened_with_default_parameters_and_strict():
    tool = {"type": "function", "function": {"name": "ping", "description": "d"}, "x_extra": True}
    out, notes = convert(agent([tool]))
    assert tools_of(out) == [{"type": "function", "name": "ping", "description": "d",
                              "parameters": {"type": "object", "properties": {}}, "strict": False,
                              "x_extra": True}]
    assert notes == [("F1", "info", "tools[0]", "strict was not set, so it is false (the legacy default); 2.x asks "
                      "for it: set true to have arguments follow the schema exactly")]


def test_function_with_strict_and_parameters_keeps_them_without_a_note():
    params = {"type": "object", "properties": {"q": {"type": "string"}}}
    tool = {"type": "function", "function": {"name": "find", "parameters": params, "strict": True}}
    out, notes = convert(agent([tool]))
    assert tools_of(out) == [{"type": "function", "name": "find", "parameters": params, "strict": True}]
    assert notes == []


def test_flat_function_is_already_2x():
    tool = {"type": "function", "name": "find", "parameters": {"type": "object"}, "strict": False}
    out, notes = convert(agent([tool]))
    assert tools_of(out) == [tool]
    assert notes == []


def test_bing_renames_connection_id_in_each_configuration_only_when_needed():
    tool = {"type": "bing_grounding", "bing_grounding": {"search_configurations": [
        {"connection_id": "c1", "count": 2},
        {"connection_id": "old", "project_connection_id": "c2"},
        "not-an-object"]}}
    out, notes = convert(agent([tool]))
    assert tools_of(out) == [{"type": "bing_grounding", "bing_grounding": {"search_configurations": [
        {"count": 2, "project_connection_id": "c1"},
        {"connection_id": "old", "project_connection_id": "c2"},
        "not-an-object"]}}]
    assert notes == [("F1", "info", "tools[0]", "bing_grounding: connection_id → project_connection_id (the id of "
                      "the connection in your Foundry project)")]


def test_bing_already_2x_has_no_note():
    tool = {"type": "bing_grounding", "bing_grounding": {"search_configurations": [
        {"project_connection_id": "c2"}]}}
    out, notes = convert(agent([tool]))
    assert tools_of(out) == [tool]
    assert notes == []


@pytest.mark.parametrize("settings", [None, {}, {"search_configurations": []}, "bing"])
def test_bing_without_configurations_is_flagged(settings):
    tool = {"type": "bing_grounding"} if settings is None else {"type": "bing_grounding", "bing_grounding": settings}
    out, notes = convert(agent([tool]))
    assert tools_of(out) == [tool]
    assert notes == [("F1", "warning", "tools[0]", "bing_grounding has no bing_grounding.search_configurations: add "
                      "at least one (each names its connection by project_connection_id)")]


def test_ai_search_takes_the_indexes_from_tool_resources():
    out, notes = convert(agent([{"type": "azure_ai_search"}], {"azure_ai_search": {"indexes": [
        {"index_connection_id": "conn-s", "index_name": "docs"}]}}))
    assert tools_of(out) == [{"type": "azure_ai_search", "azure_ai_search": {"indexes": [
        {"index_name": "docs", "project_connection_id": "conn-s"}]}}]
    assert "unconverted" not in out
    assert notes == sorted([
        ("F1", "info", "tools[0]", "tool_resources.azure_ai_search.indexes moved onto the tool"),
        ("F1", "info", "tools[0]", "azure_ai_search: index_connection_id → project_connection_id (the id of the "
                                   "connection in your Foundry project)"),
    ])


def test_ai_search_with_settings_on_the_tool_renames_them_and_keeps_resource_indexes_aside():
    tool = {"type": "azure_ai_search", "azure_ai_search": {"indexes": [{"project_connection_id": "c", "index_name": "a"}]}}
    resources = {"azure_ai_search": {"indexes": [{"index_connection_id": "other", "index_name": "b"}]}}
    out, notes = convert(agent([tool], resources))
    assert tools_of(out) == [tool]
    assert out["unconverted"] == {"tool_resources": resources}
    assert notes == [("F1", "warning", "tool_resources.azure_ai_search.indexes",
                      MOVED + "no azure_ai_search tool reads it: add that tool, or drop the value")]


def test_ai_search_settings_on_the_tool_with_legacy_names_are_renamed():
    tool = {"type": "azure_ai_search", "azure_ai_search": {"indexes": [{"index_connection_id": "c", "index_name": "a"}]}}
    out, notes = convert(agent([tool]))
    assert tools_of(out) == [{"type": "azure_ai_search", "azure_ai_search": {"indexes": [
        {"index_name": "a", "project_connection_id": "c"}]}}]
    assert notes == [("F1", "info", "tools[0]", "azure_ai_search: index_connection_id → project_connection_id (the id "
                      "of the connection in your Foundry project)")]


def test_ai_search_without_indexes_gets_an_empty_list_and_a_warning():
    out, notes = convert(agent([{"type": "azure_ai_search"}], {"azure_ai_search": {"indexes": []}}))
    assert tools_of(out) == [{"type": "azure_ai_search", "azure_ai_search": {"indexes": []}}]
    assert ("F1", "warning", "tools[0]", "azure_ai_search needs its indexes; none were found in "
            "tool_resources.azure_ai_search: add them under azure_ai_search.indexes") in notes
    assert len([n for n in notes if n[2] == "tools[0]"]) == 1


def test_openapi_connection_auth_becomes_project_connection_and_default_parameters_are_renamed():
    tool = {"type": "openapi", "openapi": {"name": "w", "spec": {"openapi": "3.0.0"},
                                           "auth": {"type": "connection", "security_scheme": {"connection_id": "cw"}},
                                           "default_parameters": ["fmt"]}}
    out, notes = convert(agent([tool]))
    assert tools_of(out) == [{"type": "openapi", "openapi": {
        "name": "w", "spec": {"openapi": "3.0.0"},
        "auth": {"type": "project_connection", "security_scheme": {"project_connection_id": "cw"}},
        "default_params": ["fmt"]}}]
    assert notes == [("F1", "info", "tools[0].openapi.auth", "openapi auth became 'project_connection' with "
                      "security_scheme.project_connection_id (the id of the connection in your Foundry project)")]


@pytest.mark.parametrize("auth", [
    {"type": "project_connection", "security_scheme": {"project_connection_id": "p"}},
    {"type": "managed_identity", "security_scheme": {"audience": "https://a.example"}},
    {"type": "oauth", "security_scheme": {"connection_id": "kept"}},
    "connection",
])
def test_openapi_auth_that_needs_no_change_is_kept_as_is(auth):
    tool = {"type": "openapi", "openapi": {"name": "w", "spec": {}, "auth": auth}}
    out, notes = convert(agent([tool]))
    assert tools_of(out) == [tool]
    assert notes == []


def test_openapi_without_a_definition_is_kept():
    out, notes = convert(agent([{"type": "openapi"}]))
    assert tools_of(out) == [{"type": "openapi"}]
    assert notes == []


def test_openapi_connection_auth_without_scheme_changes_the_type_only():
    tool = {"type": "openapi", "openapi": {"name": "w", "spec": {}, "auth": {"type": "connection"}}}
    out, notes = convert(agent([tool]))
    assert tools_of(out) == [{"type": "openapi", "openapi": {"name": "w", "spec": {},
                                                             "auth": {"type": "project_connection"}}}]
    assert [n[2] for n in notes] == ["tools[0].openapi.auth"]


def test_mcp_takes_its_own_resource_entry_and_leaves_the_others():
    tools = [{"type": "mcp", "server_label": "a", "server_url": "https://a.example/sse"},
             {"type": "mcp", "server_label": "b", "server_url": "https://b.example/sse"}]
    resources = {"mcp": [{"server_label": "c", "require_approval": "always"},
                         {"server_label": "a", "require_approval": "never", "headers": {"X-Key": "k"}},
                         {"server_label": "b"}]}
    out, notes = convert(agent(tools, resources))
    assert tools_of(out) == [
        {"type": "mcp", "server_label": "a", "server_url": "https://a.example/sse", "require_approval": "never",
         "headers": {"X-Key": "k"}},
        {"type": "mcp", "server_label": "b", "server_url": "https://b.example/sse"},
    ]
    assert out["unconverted"] == {"tool_resources": {"mcp": [{"server_label": "c", "require_approval": "always"}]}}
    assert notes == sorted([
        ("F1", "info", "tools[0]", "tool_resources.mcp (require_approval, headers) moved onto the MCP tool 'a'"),
        ("F1", "warning", "tools[0]", "the MCP headers now live in the agent definition: keep secrets out of it "
                                      "(use project_connection_id)"),
        ("F1", "warning", "tool_resources.mcp", MOVED + "no mcp tool reads it: add that tool, or drop the value"),
    ])


def test_mcp_entry_without_headers_moves_with_one_note_and_empties_the_resource():
    tool = {"type": "mcp", "server_label": "a", "server_url": "https://a.example/sse"}
    out, notes = convert(agent([tool], {"mcp": [{"server_label": "a", "require_approval": "never"}]}))
    assert tools_of(out) == [{**tool, "require_approval": "never"}]
    assert "unconverted" not in out
    assert notes == [("F1", "info", "tools[0]", "tool_resources.mcp (require_approval) moved onto the MCP tool 'a'")]


def test_mcp_resource_that_is_not_a_list_is_left_for_the_marked_key():
    tool = {"type": "mcp", "server_label": "a", "server_url": "https://a.example/sse"}
    out, notes = convert(agent([tool], {"mcp": {"server_label": "a", "require_approval": "never"}}))
    assert tools_of(out) == [tool]
    assert out["unconverted"] == {"tool_resources": {"mcp": {"server_label": "a", "require_approval": "never"}}}
    assert notes == sorted([
        ("F1", "warning", "tool_resources.mcp.server_label", MOVED + "no mcp tool reads it: add that tool, or drop "
                                                                     "the value"),
        ("F1", "warning", "tool_resources.mcp.require_approval", MOVED + "no mcp tool reads it: add that tool, or "
                                                                         "drop the value"),
    ])


def test_unknown_resources_are_kept_whole_or_per_key():
    out, notes = convert(agent([], {"browser": {"empty": "", "session": "s1"}, "quota": 3}))
    assert out["unconverted"] == {"tool_resources": {"browser": {"session": "s1"}, "quota": 3}}
    assert notes == sorted([
        ("F1", "warning", "tool_resources.browser.session", MOVED + "it is not a known tool resource"),
        ("F1", "warning", "tool_resources.quota", MOVED + "it is not a known tool resource"),
    ])


def test_run_tool_resources_that_are_not_an_object_are_kept_with_a_warning():
    run = {"id": "run_1", "object": "thread.run", "status": "completed", "tools": [{"type": "code_interpreter"}],
           "tool_resources": ["f1"]}
    result = convert_payload(json.dumps(run))
    out = json.loads(result.output)
    assert out["tools"] == [{"type": "code_interpreter", "container": {"type": "auto"}}]
    assert out["unconverted"]["tool_resources"] == ["f1"]
    notes = [(n.rule, n.severity, n.message) for n in result.notes if n.path == "tool_resources"]
    assert notes == [("F5", "warning", "tool_resources should be an object; it was kept under `unconverted` "
                      "(remove that key before sending)")]
