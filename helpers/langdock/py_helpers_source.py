"""Source text of the small Python helpers converted code calls (written once per module)."""
from __future__ import annotations

LANGDOCK_TEXT = '''\
def langdock_text(message):
    """Text of an Agents API message: its `content` string or its text `parts`."""
    if isinstance(message.get("content"), str):
        return message["content"]
    return "".join(part.get("text", "") for part in message.get("parts") or []
                   if part.get("type") == "text")
'''

LANGDOCK_PARTS = '''\
def langdock_parts(message):
    """Parts of an Agents API message; a `content` string becomes one text part."""
    if isinstance(message.get("content"), str):
        return [{"type": "text", "text": message["content"]}]
    return message.get("parts") or []
'''

TO_UI_MESSAGES = '''\
def to_ui_messages(messages):
    """Chat messages as the Agents API takes them; ones with `parts` stay as they are."""
    converted = []
    for index, message in enumerate(messages):
        if "parts" in message:
            converted.append(message)
            continue
        new = {"id": message.get("id") or f"msg_{index}", "role": message["role"],
               "parts": [{"type": "text", "text": message.get("content") or ""}]}
        if message.get("attachmentIds"):
            new["metadata"] = {"attachments": message["attachmentIds"]}
        converted.append(new)
    return converted
'''

TO_AGENT_REQUEST = '''\
def to_agent_request(body):
    """A chat request body as the Agents API takes it: agentId/agent and UI messages."""
    body = dict(body)
    if "assistantId" in body:
        body["agentId"] = body.pop("assistantId")
    if "assistant" in body:
        body["agent"] = body.pop("assistant")
    body["messages"] = to_ui_messages(body.get("messages") or [])
    return body
'''

SOURCES = {"langdock_text": LANGDOCK_TEXT, "langdock_parts": LANGDOCK_PARTS,
           "to_ui_messages": TO_UI_MESSAGES,
           "to_agent_request": TO_AGENT_REQUEST}
