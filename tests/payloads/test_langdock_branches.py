"""Langdock payload rules, branch by branch: the exact output and the exact notes.

Written to kill the mutants that survived `scripts/mutation.sh payloads-langdock`: each case
pins a branch the other tests did not reach (non-object metadata, empty or missing content,
remote and inline images, tool calls without results, ...) together with what the user reads
(rule code, severity, JSON path, message). The expected messages are the documented advice.
"""
from __future__ import annotations

import json

import pytest

from helpers.payloads import convert_payload


def run(doc, **options):
    result = convert_payload(json.dumps(doc), **options)
    return json.loads(result.output), sorted((n.rule, n.severity, n.path, n.message) for n in result.notes)


IDS = ("C2", "info", "messages",
       "1 message id(s) were generated as msg_<position> so the output is reproducible; real clients "
       "create unique ids (crypto.randomUUID(), nanoid(), uuid.uuid4())")
EMPTY = "the message now has one empty text part; consider dropping the message"
C5_ITEM = ("this content item has no Agents-API part; it was kept under metadata.unconverted: move it "
           "into a supported part by hand")


# --- request content (C4, C5) --------------------------------------------------------------------

@pytest.mark.parametrize("message, parts, note", [
    ({"role": "user", "content": ""}, [{"type": "text", "text": ""}],
     ("C4", "info", "messages[0].content", f"empty content: {EMPTY}")),
    ({"role": "user", "content": None}, [{"type": "text", "text": ""}],
     ("C4", "warning", "messages[0].content", f"content is null: {EMPTY}")),
    ({"role": "user"}, [{"type": "text", "text": ""}],
     ("C4", "warning", "messages[0]", f"no content: {EMPTY}")),
])
def test_empty_content_becomes_one_empty_text_part(message, parts, note):
    out, notes = run({"agentId": "a", "messages": [message]})
    assert out["messages"][0]["parts"] == parts
    assert notes == sorted([IDS, note])


def test_empty_content_with_attachments_says_so():
    out, notes = run({"agentId": "a", "messages": [{"role": "user", "content": "", "attachmentIds": ["f"]}]})
    assert out["messages"][0]["parts"] == [{"type": "text", "text": ""}]
    assert ("C4", "info", "messages[0].content",
            "empty content: the message only carries attachments; it now has one empty text part "
            "(Langdock's own widget sends a short prompt with attachments instead)") in notes


@pytest.mark.parametrize("content, parts", [
    (["plain", {"type": "text", "text": "typed"}],
     [{"type": "text", "text": "plain"}, {"type": "text", "text": "typed"}]),
    ({"type": "text", "text": "one"}, [{"type": "text", "text": "one"}]),  # a single part, not a list
    ([{"type": "file", "mediaType": "application/pdf", "url": "data:application/pdf;base64,JVBE"}],
     [{"type": "text", "text": ""},
      {"type": "file", "mediaType": "application/pdf", "url": "data:application/pdf;base64,JVBE"}]),
    ([{"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBO"}}],
     [{"type": "text", "text": ""}, {"type": "file", "mediaType": "image/png", "url": "data:image/png;base64,iVBO"}]),
    ([{"type": "image", "image": "data:;base64,AAAA"}],  # no media type in the data URL
     [{"type": "text", "text": ""}, {"type": "file", "mediaType": "text/plain", "url": "data:;base64,AAAA"}]),
])
def test_content_items_that_have_a_part(content, parts):
    out, notes = run({"agentId": "a", "messages": [{"role": "user", "content": content}]})
    assert out["messages"][0] == {"id": "msg_0", "role": "user", "parts": parts}
    assert notes == [IDS]


@pytest.mark.parametrize("url, media", [
    ("https://example.org/a/cat.png?size=large", "image/png"),  # the query is not part of the name
    ("https://example.org/picture", "image/*"),
])
def test_a_remote_image_becomes_a_file_part_with_a_warning(url, media):
    out, notes = run({"agentId": "a", "messages": [{"role": "user", "content": [
        {"type": "text", "text": "look"}, {"type": "image", "url": url}]}]})
    assert out["messages"][0]["parts"] == [{"type": "text", "text": "look"},
                                           {"type": "file", "mediaType": media, "url": url}]
    assert notes == sorted([IDS, ("C5", "warning", "messages[0].content[1]",
                                  "a remote image URL became a file part; Langdock documents inline data "
                                  "URLs only, so check that the agent can fetch it (or inline it)")])


@pytest.mark.parametrize("item", [
    42,
    {"type": "image_url", "image_url": {"detail": "high"}},  # no URL at all
    {"type": "file", "url": "data:,x"},  # a file part needs its media type
    {"type": "text", "text": 7},
])
def test_items_without_a_part_are_kept_under_unconverted(item):
    out, notes = run({"agentId": "a", "messages": [{"role": "user", "content": ["hi", item]}]})
    assert out["messages"][0] == {"id": "msg_0", "role": "user", "parts": [{"type": "text", "text": "hi"}],
                                  "metadata": {"unconverted": [item]}}
    assert notes == sorted([IDS, ("C5", "warning", "messages[0].content[1]", C5_ITEM)])


def test_non_object_metadata_is_kept_inside_the_new_metadata():
    out, notes = run({"agentId": "a", "messages": [{"role": "user", "content": ["hi", 42], "metadata": "old"}]})
    assert out["messages"][0]["metadata"] == {"legacyMetadata": "old", "unconverted": [42]}
    assert ("C6", "warning", "messages[0].metadata",
            "`metadata` was not an object; its value was kept as metadata.legacyMetadata") in notes


# --- content beside parts (C8) ------------------------------------------------------------------

@pytest.mark.parametrize("content", ["Hello world", "", None])
def test_content_that_repeats_the_parts_is_removed(content):
    out, notes = run({"agentId": "a", "messages": [{"id": "m", "role": "user", "content": content, "parts": [
        {"type": "text", "text": "Hello "}, {"type": "file", "mediaType": "image/png", "url": "data:image/png;base64,AA"},
        {"type": "text", "text": "world"}]}]})
    assert "content" not in out["messages"][0] and "metadata" not in out["messages"][0]
    assert notes == [("C8", "info", "messages[0].content",
                      "the message had both `content` and `parts`; `content` repeated the text parts and was removed")]


def test_content_beside_parts_that_are_not_a_list_is_kept():
    out, notes = run({"agentId": "a", "messages": [{"id": "m", "role": "user", "content": "x", "parts": "x"}]})
    assert out["messages"][0] == {"id": "m", "role": "user", "parts": "x", "metadata": {"unconverted": [{"content": "x"}]}}
    assert ("C8", "warning", "messages[0].content",
            "the message had both `content` and `parts`; `parts` was kept and the differing `content` moved "
            "to metadata.unconverted: merge them by hand") in notes


# --- responses: the messages shape (R1-R6) ------------------------------------------------------

def test_a_legacy_result_becomes_messages_with_a_note_per_dropped_thing():
    doc = {"result": [
        {"role": "assistant", "content": [
            {"type": "text", "text": "Clauses 7 "}, {"type": "tool-call", "toolCallId": "c1", "toolName": "search", "args": {}},
            {"type": "text", "text": "apply."}, {"type": "image", "image": "x"}], "lang": "en"},
        {"id": "r2", "role": "tool", "content": [{"type": "tool-result", "toolCallId": "c1", "result": 1}]},
    ], "output": {"k": 1}, "trace": "t"}
    out, notes = run(doc)
    assert out == {"messages": [{"id": "msg_0", "role": "assistant", "content": "Clauses 7 apply.", "lang": "en"}],
                   "output": {"k": 1}, "trace": "t"}
    assert notes == sorted([
        ("R1", "warning", "result[0]", "the message had no id; it became 'msg_0'"),
        ("R1", "warning", "result[0].lang",
         "message field `lang` is not documented for Agents-API responses; it was carried over"),
        ("R1", "warning", "trace", "`trace` is not documented for Agents-API responses; it was carried over unchanged"),
        ("R2", "info", "result[0].content", "merged 2 text parts into one `content` string"),
        ("R3", "info", "result[0].content[1]",
         "tool call `search` (c1) has no counterpart in the `content` string; use the v5 stream or "
         "response_shape='ui-message' to see tool activity"),
        ("R4", "info", "result[1]",
         "tool result messages are not part of the `messages` shape; use the stream or "
         "response_shape='ui-message' to see tool activity"),
        ("R5", "warning", "result[0].content[3]",
         "content part of type 'image' has no place in the `content` string and was left out; "
         "response_shape='ui-message' keeps it"),
    ])


def test_a_string_content_and_an_empty_result():
    out, notes = run({"result": [{"id": "r1", "role": "assistant", "content": "Done."}]})
    assert out == {"messages": [{"id": "r1", "role": "assistant", "content": "Done."}]}
    assert notes == []  # one text part: nothing merged, nothing dropped
    out, notes = run({"result": []})
    assert out == {"messages": []}
    assert notes == [("R6", "warning", "result",
                      "no assistant text in `result`; `messages` is empty (the answer may be in `output`, "
                      "or only tool activity happened)")]


@pytest.mark.parametrize("doc, shape", [
    ({"messages": [{"id": "m", "role": "assistant", "content": "x"}]}, "messages"),
    ({"id": "m", "role": "assistant", "parts": [{"type": "text", "text": "x"}]}, "ui-message"),
])
def test_a_response_that_is_already_new_is_left_alone(doc, shape):
    out, notes = run(doc)
    assert out == doc
    assert notes == [("R1", "info", "$", f"already an Agents-API response ({shape} shape); nothing to convert")]


# --- responses: the ui-message shape ------------------------------------------------------------

def test_result_becomes_one_ui_message_with_steps_tools_and_files():
    doc = {"result": [
        {"id": "r1", "role": "assistant", "content": [
            {"type": "reasoning", "text": "think"},
            {"type": "tool-call", "toolCallId": "c1", "toolName": "search", "args": {"q": "x"}},
            {"type": "tool-call", "toolCallId": 7, "toolName": "calc", "input": {"e": "1+1"}},
            {"type": "tool-call", "toolCallId": "c3", "toolName": "wait", "args": {}}]},
        {"id": "r2", "role": "tool", "content": [
            {"type": "tool-result", "toolCallId": "c1", "result": {"hits": 2}},
            {"type": "tool-result", "toolCallId": 7, "output": {"code": 1}, "isError": True},
            {"type": "tool-result", "toolCallId": "nope", "result": 0}]},
        {"id": "r3", "role": "assistant", "content": [
            {"type": "text", "text": "Do"}, {"type": "text", "text": "ne."},
            {"type": "file", "data": "AAAA", "mimeType": "image/png"}, {"type": "source", "url": "u"}]},
    ], "usage": 1}
    out, notes = run(doc, response_shape="ui-message")
    assert out == {"id": "r3", "role": "assistant", "parts": [
        {"type": "step-start"},
        {"type": "reasoning", "text": "think"},
        {"type": "tool-search", "toolCallId": "c1", "state": "output-available", "input": {"q": "x"},
         "output": {"hits": 2}},
        {"type": "tool-calc", "toolCallId": "7", "state": "output-error", "input": {"e": "1+1"},
         "errorText": "{'code': 1}"},
        {"type": "tool-wait", "toolCallId": "c3", "state": "input-available", "input": {}},
        {"type": "step-start"},
        {"type": "text", "text": "Done."},
        {"type": "file", "mediaType": "image/png", "url": "data:image/png;base64,AAAA"},
    ], "metadata": {"unconverted": [{"type": "tool-result", "toolCallId": "nope", "result": 0},
                                    {"type": "source", "url": "u"}]}, "usage": 1}
    assert notes == sorted([
        ("R1", "warning", "usage", "`usage` is not documented for Agents-API responses; it was carried over unchanged"),
        ("R3", "info", "$", "tool call 'c3' has no result; its part stays `input-available`"),
        ("R4", "info", "result[1]", "tool results were merged into the matching tool parts"),
        ("R5", "warning", "result[1].content[2]",
         "a tool result without its call has no UIMessage part; it was kept under metadata.unconverted"),
        ("R5", "warning", "result[2].content[3]",
         "part type 'source' has no UIMessage part; it was kept under metadata.unconverted"),
    ])


def test_ui_message_without_text_or_id():
    out, notes = run({"result": [{"role": "assistant", "content": [
        {"type": "file", "url": "https://example.org/a.bin"}]}]}, response_shape="ui-message")
    assert out == {"id": "msg_0", "role": "assistant", "parts": [
        {"type": "step-start"}, {"type": "file", "mediaType": "application/octet-stream", "url": "https://example.org/a.bin"}]}
    assert notes == [("R6", "warning", "result", "no assistant text in `result`")]


def test_a_messages_response_cannot_become_a_ui_message():
    doc = {"messages": [{"id": "m", "role": "assistant", "content": "x"}]}
    out, notes = run(doc, response_shape="ui-message")
    assert out == doc
    assert ("R1", "info", "$", "a `messages`-shape response cannot be turned into parts (its content is one "
            "string); it was left unchanged") in notes


# --- message ids (C2) and agent bodies (B1-B4) ---------------------------------------------------

def test_a_generated_id_skips_every_id_in_use():
    out, notes = run({"agentId": "a", "messages": [
        {"id": "msg_1", "role": "user", "content": "a"}, {"role": "user", "content": "b"},
        {"id": "msg_1_1", "role": "user", "content": "c"}]})
    assert [m["id"] for m in out["messages"]] == ["msg_1", "msg_1_2", "msg_1_1"]


def test_a_duplicate_id_gets_a_suffix_with_a_warning():
    out, notes = run({"agentId": "a", "messages": [
        {"id": "m", "role": "user", "content": "a"}, {"id": "m", "role": "user", "content": "b"}]})
    assert [m["id"] for m in out["messages"]] == ["m", "m_1"]
    assert notes == [("C2", "warning", "messages[1].id", "message id 'm' is duplicate; it became 'm_1'")]


@pytest.mark.parametrize("doc, shape, notes", [
    ({"agentId": "a", "name": "n"}, "update-body",
     [("B4", "warning", "$", "/agent/v1/update only changes the draft: publish it with POST /agent/v1/publish "
                             "{agentId, description?} (409 when nothing changed)")]),
    ({"agentId": "a"}, "get-query", []),
    ({"agentId": "a", "disabled": True}, "disable-body", []),
    ({"status": "success", "agent": {"id": "a"}}, "response", []),
    ({"name": "n", "status": "draft"}, "create-body",
     [("B2", "info", "$", "a create body is the same for /agent/v1/create; only the URL changes, and the "
                          "response wraps the new object in `agent`")]),
])
def test_agent_bodies_that_are_already_new_keep_their_shape(doc, shape, notes):
    result = convert_payload(json.dumps(doc), kind="langdock-agent-request")
    assert result.extras["sub_shape"] == shape
    assert json.loads(result.output) == doc
    assert sorted((n.rule, n.severity, n.path, n.message) for n in result.notes) == notes


def test_reasoning_parts_read_text_or_reasoning():
    out, _ = run({"result": [{"id": "r1", "role": "assistant", "content": [
        {"type": "reasoning", "reasoning": "why"}, {"type": "reasoning"}, {"type": "text", "text": "ok"}]}]},
        response_shape="ui-message")
    assert out["parts"] == [{"type": "step-start"}, {"type": "reasoning", "text": "why"},
                            {"type": "reasoning", "text": ""}, {"type": "text", "text": "ok"}]


def test_existing_unconverted_that_is_not_a_list_becomes_the_first_item():
    out, _ = run({"agentId": "a", "messages": [{"role": "user", "content": ["hi", 42],
                                                "metadata": {"unconverted": "earlier"}}]})
    assert out["messages"][0]["metadata"] == {"unconverted": ["earlier", 42]}


def test_differing_content_beside_parts_with_non_object_metadata():
    out, notes = run({"agentId": "a", "messages": [{"id": "m", "role": "user", "content": "old",
                                                    "parts": [{"type": "text", "text": "new"}], "metadata": 3}]})
    assert out["messages"][0]["metadata"] == {"legacyMetadata": 3, "unconverted": [{"content": "old"}]}
    assert ("C6", "warning", "messages[0].metadata",
            "`metadata` was not an object; its value was kept as metadata.legacyMetadata") in notes


def test_tool_call_ids_pair_by_their_text_and_files_keep_their_media_type():
    out, notes = run({"result": [
        {"id": "r1", "role": "assistant", "content": [
            {"type": "tool-call", "toolCallId": 7, "toolName": "calc", "args": {}},
            {"type": "file", "url": "https://example.org/a.jpg", "mediaType": "image/jpeg", "mimeType": "x/y"}]},
        {"id": "r2", "role": "tool", "content": [{"type": "tool-result", "toolCallId": "7", "result": 2}]},
        {"id": "r3", "role": "assistant", "content": "ok"}]}, response_shape="ui-message")
    assert out["parts"][1] == {"type": "tool-calc", "toolCallId": "7", "state": "output-available",
                               "input": {}, "output": 2}
    assert out["parts"][2] == {"type": "file", "mediaType": "image/jpeg", "url": "https://example.org/a.jpg"}


def test_a_single_content_object_without_a_part_is_noted_at_content():
    out, notes = run({"agentId": "a", "messages": [{"role": "user", "content": {"type": "audio", "data": "A"}}]})
    assert out["messages"][0]["metadata"] == {"unconverted": [{"type": "audio", "data": "A"}]}
    assert ("C5", "warning", "messages[0].content", C5_ITEM) in notes


def test_only_text_parts_count_when_content_is_compared_with_parts():
    out, notes = run({"agentId": "a", "messages": [{"id": "m", "role": "user", "content": "Hello", "parts": [
        {"type": "text", "text": "Hello"}, {"type": "reasoning", "text": "hmm"}]}]})
    assert "metadata" not in out["messages"][0]
    assert [n[:2] for n in notes] == [("C8", "info")]
