"""F3/F4 thread messages → conversation items (foundry/message_to_item.py): exact items and notes.

Expected items and note texts are written by hand from the Responses content and annotation
shapes (openai.types.responses) and the message field table in helpers/mapping/fields.py.
"""
from __future__ import annotations

import json

import pytest

from helpers.payloads import convert_payload

IMAGE_NOTE = ("an image in an assistant message was a tool output; as an item it can only be input_image "
              "content: check that this is what you want")
FILE_CITATION_NOTE = ("file citation converted; the new shape has file_id, filename and index (the quoted "
                      "text is gone, the filename is unknown here)")


def message(role, content, **extra):
    return {"object": "thread.message", "role": role, "content": content, **extra}


def convert(doc):
    result = convert_payload(json.dumps(doc, indent=2))
    notes = sorted((n.rule, n.severity, n.path, n.message) for n in result.notes)
    return json.loads(result.output), notes


def text(value, annotations=None):
    inner = {"value": value}
    if annotations is not None:
        inner["annotations"] = annotations
    return {"type": "text", "text": inner}


def test_minimal_user_message_defaults_to_completed_without_notes():
    out, notes = convert(message("user", [text("hi")]))
    assert out == {"type": "message", "id": None, "status": "completed", "role": "user",
                   "content": [{"type": "input_text", "text": "hi"}]}
    assert notes == []


@pytest.mark.parametrize("status", ["in_progress", "incomplete", "completed"])
def test_known_statuses_carry_over(status):
    out, notes = convert(message("assistant", [], status=status))
    assert out["status"] == status
    assert notes == []


@pytest.mark.parametrize("status", ["failed", "cancelled"])
def test_unknown_status_becomes_completed_with_a_warning(status):
    out, notes = convert(message("user", [], status=status))
    assert out["status"] == "completed"
    assert notes == [("F3", "warning", "status", f"status {status!r} has no item counterpart; it became 'completed'")]


def test_id_is_kept_with_a_note():
    out, notes = convert(message("user", [], id="msg_9"))
    assert out["id"] == "msg_9"
    assert notes == [("F3", "info", "id", "the legacy id 'msg_9' was kept so you can trace the object; the service "
                      "assigns new ids to conversation items (keep a mapping old → new)")]


def test_dropped_fields_are_noted_empty_or_with_their_value():
    long_meta = {"note": "x" * 70}
    out, notes = convert(message("user", [], thread_id="thread_1", run_id=None, metadata=long_meta,
                                 attachments=[]))
    assert set(out) == {"type", "id", "status", "role", "content"}
    shown = json.dumps(long_meta)[:59] + "…"
    assert notes == sorted([
        ("F3", "warning", "thread_id", "`thread_id` (value \"thread_1\") has no counterpart in a conversation item "
                                       "and was left out: the item lives in the conversation you add it to"),
        ("F3", "info", "run_id", "`run_id` (empty) has no counterpart in a conversation item and was left out: "
                                 "responses replace runs"),
        ("F3", "warning", "metadata", f"`metadata` (value {shown}) has no counterpart in a conversation item and "
                                      "was left out: items carry no metadata; keep it on the conversation"),
        ("F3", "info", "attachments", "`attachments` (empty) has no counterpart in a conversation item and was left "
                                      "out: send files as input_file content or through the agent's file_search/"
                                      "code_interpreter tools"),
    ])


def test_unknown_field_is_carried_with_a_warning():
    out, notes = convert(message("user", [], x_trace="t1"))
    assert out["x_trace"] == "t1"
    assert notes == [("F3", "warning", "x_trace", "`x_trace` is not a known field; it was carried over unchanged, "
                      "check whether a conversation item accepts it")]


def test_user_text_with_annotations_drops_them_with_a_warning():
    out, notes = convert(message("user", [text("see", [{"type": "file_path", "text": "x"}])]))
    assert out["content"] == [{"type": "input_text", "text": "see"}]
    assert notes == [("F3", "warning", "content[0].text.annotations",
                      "annotations on input text have no counterpart and were left out")]


@pytest.mark.parametrize("part, converted", [
    ({"type": "text", "text": "plain"}, {"type": "input_text", "text": "plain"}),
    ({"type": "text", "text": 5}, {"type": "input_text", "text": ""}),
    ({"type": "text", "text": {"annotations": []}}, {"type": "input_text", "text": ""}),
    ({"type": "refusal", "refusal": "no"}, {"type": "refusal", "refusal": "no"}),
    ({"type": "refusal"}, {"type": "refusal", "refusal": ""}),
    ({"type": "input_text", "text": "new"}, {"type": "input_text", "text": "new"}),
    ({"type": "output_text", "text": "new", "annotations": []}, {"type": "output_text", "text": "new",
                                                                  "annotations": []}),
    ({"type": "input_image", "file_id": "f"}, {"type": "input_image", "file_id": "f"}),
    ({"type": "input_file", "file_id": "f"}, {"type": "input_file", "file_id": "f"}),
    ({"type": "image_file", "image_file": {"file_id": "img", "detail": "high"}},
     {"type": "input_image", "file_id": "img", "detail": "high"}),
    ({"type": "image_url", "image_url": {"url": "https://x.example/a.png"}},
     {"type": "input_image", "image_url": "https://x.example/a.png", "detail": "auto"}),
    ({"type": "image_url", "image_url": {"url": "https://x.example/a.png", "detail": "low"}},
     {"type": "input_image", "image_url": "https://x.example/a.png", "detail": "low"}),
])
def test_user_content_parts(part, converted):
    out, notes = convert(message("user", [part]))
    assert out["content"] == [converted]
    assert notes == []


@pytest.mark.parametrize("part", [
    {"type": "audio", "audio": {"id": "a"}},
    {"type": "image_file", "image_file": "img"},
    {"type": "image_url", "image_url": None},
])
def test_parts_without_counterpart_are_kept_with_a_warning(part):
    out, notes = convert(message("user", [part]))
    assert out["content"] == [part]
    assert notes == [("F3", "warning", "content[0]",
                      f"content type {part['type']!r} has no item counterpart; it was kept as it is")]


@pytest.mark.parametrize("part, converted", [
    ({"type": "image_file", "image_file": {"file_id": "img"}}, {"type": "input_image", "file_id": "img",
                                                                 "detail": "auto"}),
    ({"type": "image_url", "image_url": {"url": "https://x.example/b.png", "detail": "high"}},
     {"type": "input_image", "image_url": "https://x.example/b.png", "detail": "high"}),
])
def test_assistant_images_become_input_images_with_a_warning(part, converted):
    out, notes = convert(message("assistant", [text("chart"), part]))
    assert out["content"] == [{"type": "output_text", "text": "chart", "annotations": []}, converted]
    assert notes == [("F3", "warning", "content[1]", IMAGE_NOTE)]


def test_assistant_annotations_take_the_responses_shapes():
    annotations = [
        {"type": "file_citation", "text": "[1]", "start_index": 3, "end_index": 6,
         "file_citation": {"file_id": "f-cite", "quote": "q"}},
        {"type": "file_citation", "text": "[2]"},
        {"type": "file_path", "text": "sandbox:/a.csv", "start_index": 9, "end_index": 23,
         "file_path": {"file_id": "f-path"}},
        {"type": "file_path", "file_path": "f"},
        {"type": "url_citation", "start_index": 1, "end_index": 2,
         "url_citation": {"url": "https://u.example", "title": "U"}},
        {"type": "url_citation", "url_citation": {"url": "https://v.example"}},
        {"type": "url_citation", "url_citation": "https://w.example"},
        {"type": "container_file_citation", "file_id": "c"},
    ]
    out, notes = convert(message("assistant", [text("Answer", annotations)]))
    assert out["content"] == [{"type": "output_text", "text": "Answer", "annotations": [
        {"type": "file_citation", "file_id": "f-cite", "filename": "", "index": 3},
        {"type": "file_citation", "file_id": None, "filename": "", "index": 0},
        {"type": "file_path", "file_id": "f-path", "index": 9},
        {"type": "file_path", "file_id": None, "index": 0},
        {"type": "url_citation", "url": "https://u.example", "title": "U", "start_index": 1, "end_index": 2},
        {"type": "url_citation", "url": "https://v.example", "title": "", "start_index": 0, "end_index": 0},
        {"type": "url_citation", "url": None, "title": "", "start_index": 0, "end_index": 0},
        {"type": "container_file_citation", "file_id": "c"},
    ]}]
    where = "content[0].text.annotations"
    assert notes == sorted([
        ("F3", "info", f"{where}[0]", FILE_CITATION_NOTE),
        ("F3", "info", f"{where}[1]", FILE_CITATION_NOTE),
        ("F3", "info", f"{where}[2]", "file path annotation converted to {file_id, index}"),
        ("F3", "info", f"{where}[3]", "file path annotation converted to {file_id, index}"),
        ("F3", "warning", f"{where}[7]", "annotation type 'container_file_citation' has no known counterpart; "
                                         "kept as it is"),
    ])


def test_assistant_plain_text_has_empty_annotations():
    out, notes = convert(message("assistant", [{"type": "text", "text": "plain"}]))
    assert out["content"] == [{"type": "output_text", "text": "plain", "annotations": []}]
    assert notes == []


def test_message_in_a_list_is_noted_at_its_index_and_its_id_note_is_the_list_note():
    doc = {"object": "list", "data": [
        {"type": "message", "role": "user", "content": []},
        message("user", [{"type": "audio"}], id="msg_2", status="failed", thread_id="t")]}
    out, notes = convert(doc)
    assert out == {"object": "list", "data": [
        {"type": "message", "role": "user", "content": []},
        {"type": "message", "id": "msg_2", "status": "completed", "role": "user", "content": [{"type": "audio"}]}]}
    assert notes == sorted([
        ("F3", "warning", "data[1].status", "status 'failed' has no item counterpart; it became 'completed'"),
        ("F3", "warning", "data[1].content[0]", "content type 'audio' has no item counterpart; it was kept as it is"),
        ("F3", "warning", "data[1].thread_id", "`thread_id` (value \"t\") has no counterpart in a conversation item "
                                               "and was left out: the item lives in the conversation you add it to"),
        ("F4", "info", "data", "legacy message ids were kept so you can trace them; the service assigns new item "
                               "ids when the messages are added to a conversation"),
    ])


@pytest.mark.parametrize("value, shown", [
    ("", "empty"),
    ({}, "empty"),
    ({"city": "Köln"}, 'value {"city": "Köln"}'),
    ("x" * 58, 'value "' + "x" * 58 + '"'),  # 60 characters of JSON: shown whole
    ("x" * 59, 'value "' + "x" * 58 + "…"),  # 61: cut to 59 and an ellipsis
])
def test_dropped_values_are_shown_short(value, shown):
    _, notes = convert(message("user", [], thread_id=value))
    severity = "info" if shown == "empty" else "warning"
    assert notes == [("F3", severity, "thread_id", f"`thread_id` ({shown}) has no counterpart in a conversation "
                      "item and was left out: the item lives in the conversation you add it to")]


def test_a_single_annotation_not_in_a_list_and_a_non_object_annotation():
    single = {"type": "file_path", "start_index": 2, "file_path": {"file_id": "f"}}
    out, notes = convert(message("assistant", [text("a", single), text("b", ["odd"])]))
    assert out["content"] == [
        {"type": "output_text", "text": "a", "annotations": [{"type": "file_path", "file_id": "f", "index": 2}]},
        {"type": "output_text", "text": "b", "annotations": ["odd"]}]
    assert notes == sorted([
        ("F3", "info", "content[0].text.annotations[0]", "file path annotation converted to {file_id, index}"),
        ("F3", "warning", "content[1].text.annotations[0]", "annotation type None has no known counterpart; kept as "
                                                            "it is"),
    ])
