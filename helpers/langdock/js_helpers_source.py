"""Source text of the small JavaScript/TypeScript helpers converted code calls.

Function declarations are hoisted, so they are appended once at the end of the
file and work wherever they are called. TypeScript gets typed signatures.
"""
from __future__ import annotations

_JS = {
    "langdockText": '''\
// Text of an Agents API message: its `content` string or its text `parts`.
function langdockText(message{any}){str} {
  if (typeof message?.content === "string") return message.content;
  return (message?.parts ?? [])
    .filter((part{any}) => part.type === "text")
    .map((part{any}) => part.text)
    .join("");
}
''',
    "langdockParts": '''\
// Parts of an Agents API message; a `content` string becomes one text part.
function langdockParts(message{any}){anylist} {
  if (typeof message?.content === "string") return [{ type: "text", text: message.content }];
  return message?.parts ?? [];
}
''',
    "toUIMessages": '''\
// Chat messages as the Agents API takes them; ones with `parts` stay as they are.
function toUIMessages(messages{anylist}){anylist} {
  return messages.map((message{any}, index{num}) => message.parts ? message : {
    id: message.id ?? `msg_${index}`,
    role: message.role,
    parts: [{ type: "text", text: message.content ?? "" }],
    ...(message.attachmentIds?.length ? { metadata: { attachments: message.attachmentIds } } : {}),
  });
}
''',
    "toAgentRequest": '''\
// A chat request body as the Agents API takes it: agentId/agent and UI messages.
function toAgentRequest(body{any}){any} {
  const { assistantId, assistant, ...rest } = body;
  return {
    ...rest,
    ...(assistantId !== undefined ? { agentId: assistantId } : {}),
    ...(assistant !== undefined ? { agent: assistant } : {}),
    messages: toUIMessages(body.messages ?? []),
  };
}
''',
}

_TYPES = {"any": ": any", "str": ": string", "anylist": ": any[]", "num": ": number"}
_NO_TYPES = {key: "" for key in _TYPES}


def helper_source(name: str, typed: bool) -> str:
    text = _JS[name]
    for key, value in (_TYPES if typed else _NO_TYPES).items():
        text = text.replace("{" + key + "}", value)
    return text


NAMES = tuple(_JS)
