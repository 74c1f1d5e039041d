"""Migration advice shared by the JavaScript and Python rules.

Kept in one place so both languages tell the user the same facts (reference
sections 1.1, 3.4-3.6 and rules K1-K5, B4, C1-C7).
"""
from __future__ import annotations

FOREIGN_HOST = (
    "`{host}` serves a path that looks like Langdock's Assistants API, but it is not a "
    "Langdock host (other products, e.g. self-hosted gateways, use the same path). Left "
    "unchanged; if this really is a Langdock deployment, use `/agent/v1/` instead of "
    "`/assistant/v1/`."
)
UNKNOWN_HOST = (
    "The host of this URL comes from a variable; `/assistant/v1/` was changed to "
    "`/agent/v1/` on the assumption that it is Langdock (`https://api.langdock.com` or "
    "`<deployment>/api/public`). Check the base URL."
)
BARE_PATH = (
    "Changed the path to `/agent/v1/`; nothing in this code names a Langdock host, so make "
    "sure the base URL in front of it is Langdock."
)
UNKNOWN_ENDPOINT = (
    "`/assistant/v1/{endpoint}` is not a documented Assistants API endpoint; left unchanged. "
    "The Agents API has chat/completions, create, get, update, publish, disable and models."
)
PUBLISH = (
    "`/agent/v1/update` now edits only the agent's draft. To make the change live, follow it "
    "with `POST /agent/v1/publish` and a body `{agentId, description?}` (409 when there "
    "are no draft changes)."
)
DETERMINISTIC_IDS = (
    "Messages now need an `id`; deterministic ids (`msg_0`, ...) were inserted so the "
    "conversion is repeatable. Real clients should generate unique ids "
    "(crypto.randomUUID(), nanoid(), uuid.uuid4())."
)
RESPONSE_SHAPE = (
    "The agent endpoint answers with `messages` instead of `result`. The migration guide "
    "(and Langdock's own cookbook) read `messages[i].content` as a plain string; the API "
    "reference documents UI messages with `parts`. Converted reads of a message's text go "
    "through a small helper written once in this file (`langdock_text`/`langdockText`, and "
    "`langdock_parts`/`langdockParts` for loops over parts) that accepts both. A structured "
    "answer stays in `output`."
)
CONTENT_IS_STRING = (
    "`content` of an Agents API response message is a plain string, no longer a list of "
    "parts; code that iterates over it or reads `[i].type`/`.text` must be rewritten. Tool "
    "calls no longer appear in `content`: stream the response to see them."
)
SSE_LOOP = (
    "This loop parses the legacy stream (`data: {{\"type\":\"message\"}}`). The Agents API "
    "streams the AI SDK 5 UI message stream instead: `data: {{\"type\":\"text-delta\","
    "\"delta\":...}}` events, tool and step events, and a final `data: [DONE]`, so this loop "
    "would print nothing. {how} Send `stream: true` in the body; it defaults to false."
)
SSE_LOOP_JS = (
    "In a browser use `useChat` from `@ai-sdk/react` with "
    "`transport: new DefaultChatTransport({ api: '/api/chat' })` and a server route that adds "
    "`agentId`, `stream: true` and the API key; on a server use `parseJsonEventStream`/"
    "`readUIMessageStream` from `ai@5`, or handle `text-delta` events and `[DONE]` yourself."
)
SSE_LOOP_PY = (
    "Read it with a tolerant SSE reader: split on the `data: ` marker (events may arrive "
    "glued together), stop at `[DONE]`, print `delta` of `text-delta` events, surface "
    "`errorText` of `error` events, and ignore unknown event types."
)
USE_CHAT_DIRECT = (
    "`useChat` must not call Langdock directly: Langdock blocks browser-origin requests and "
    "the API key would ship to every visitor. In AI SDK 5 pass "
    "`transport: new DefaultChatTransport({ api: '/api/chat', body: { agentId } })`, add a "
    "server route that adds the API key and `stream: true` and forwards to "
    "`/agent/v1/chat/completions`, keep the input in your own state, send with "
    "`sendMessage({ text })` and render `message.parts`."
)
NO_PROVIDER = (
    "There is no Langdock provider for the AI SDK and an agent is not a language model, so "
    "`streamText({ model: langdock(...) })` cannot work. Call "
    "`/agent/v1/chat/completions` over HTTP (with `stream: true`) from a server route."
)
BOTH_AGENT_KEYS = (
    "The request names an agent id and a temporary agent config; the API accepts exactly "
    "one of `agentId` and `agent`."
)
ROLE_SYSTEM = (
    "`role: \"system\"` is not part of the legacy schema and the agent endpoint may ignore or "
    "refuse it; put instructions into the agent's configuration in Langdock."
)
ROLE_TOOL = (
    "A `tool` message with string content has no UI-message counterpart (no `toolCallId` to "
    "build a tool part); it was kept as a text part. Check that the agent endpoint accepts it."
)
CONTENT_NOT_STRING = (
    "This message's `content` is not a string (OpenAI-style content parts?); the legacy API "
    "only takes strings. Left unchanged: build `parts` by hand (`{type: \"text\", text}` and, "
    "for inline data URLs, `{type: \"file\", mediaType, url}`)."
)
CONTENT_AND_PARTS = (
    "This message has both `content` and `parts`; the Agents API reads only `parts`. Left "
    "unchanged: move any text from `content` into `parts`."
)
METADATA_EXISTS = (
    "This message already has `metadata`; move the `attachmentIds` into "
    "`metadata.attachments` by hand."
)
SPREAD_MESSAGES = (
    "Messages added here by spreading or building them elsewhere were not converted: each "
    "needs `id`, `parts: [{type: \"text\", text}]` and `metadata.attachments` instead of "
    "`content`/`attachmentIds`."
)
RUNTIME_IDS = (
    "Messages built in a loop or a factory now get an id generated at run time "
    "({how}), so every message in a request has its own id."
)
FORWARDED_BODY = (
    "This request body is built outside the code the converter can see (a browser's body, a "
    "parameter, another module), so it is wrapped in a helper that converts it when it is "
    "sent: `assistantId` -> `agentId`, `assistant` -> `agent`, and messages to UI messages "
    "`{id, role, parts: [{type: \"text\", text}], metadata: {attachments}}`. Bodies that are "
    "already in the Agents API shape pass through unchanged."
)
FORWARDED_MESSAGES = (
    "These messages come from outside the code the converter can see (a browser, a parameter, "
    "another module), so they are wrapped in a helper that converts them when they are sent: "
    "legacy `{role, content, attachmentIds}` become UI messages `{id, role, parts: [{type: "
    "\"text\", text}], metadata: {attachments}}` (ids `msg_<index>` unless one is given); "
    "messages that already have `parts` pass through unchanged."
)
VALIDATION_READ = (
    "This checks the `{key}` your own client sends. The request to Langdock now carries "
    "`agentId`/`agent` (converted where it is forwarded); if you migrate the client too, "
    "accept the new name here as well."
)
UNDOCUMENTED_FIELD = (
    "`{key}` is not a documented field of `/agent/v1/chat/completions` (documented: agentId "
    "or agent, messages, stream, output, maxSteps, imageResponseFormat). It was carried over "
    "unchanged; the endpoint may ignore it. Model settings such as temperature belong in the "
    "agent's configuration."
)
MISNAMED_ATTACHMENTS = (
    "`{key}` is not a field Langdock reads on a message: uploaded files go in "
    "`metadata.attachments` (legacy: `attachmentIds`), so these attachments are silently "
    "ignored. Rename it to `metadata: {{attachments: [...]}}`."
)
UNTRACED_RESULT = (
    "This reads `result`, but the converter could not follow this value back to a Langdock "
    "chat call (a parameter, a value from another module, or a response cached in a file?). "
    "If it is a chat answer, the Agents API returns `messages` (each with a `content` string "
    "or `parts`) instead of `result`; it was left unchanged."
)
DELTA_READER = (
    "This reads OpenAI-style chunks (`choices[0].delta.content`), which Langdock's streams "
    "never contained. The Agents API streams the AI SDK 5 UI message stream: read the "
    "`delta` of `data: {\"type\":\"text-delta\",...}` events and stop at `data: [DONE]`."
)
V4_READER = (
    "This parses AI SDK 4 data-stream lines (`0:\"text\"`; detected format: AI SDK 4 data "
    "stream). The Agents API sends the AI SDK 5 UI message stream instead: SSE "
    "`data: {\"type\":\"text-delta\",\"delta\":...}` events ending with `data: [DONE]`."
)
SSE_PROXY = (
    "This passes Langdock's stream through unchanged. After the migration it is the AI SDK 5 "
    "UI message stream (`data: {\"type\":\"text-delta\",\"delta\":...}` ... `data: [DONE]`), "
    "no longer `{\"type\":\"message\",\"content\":...}` events: update the client that reads "
    "it (or use `useChat` with `DefaultChatTransport`) and send the header "
    "`x-vercel-ai-ui-message-stream: v1`."
)
ENV_DEFAULT = (
    "The default of `{name}` was changed to `/agent/v1/`, but a value set in a `.env` file or "
    "the deployment overrides it: make sure that value points at `/agent/v1/` too."
)
ENV_URL = (
    "The Langdock URL comes from `{name}`, which is set outside the code: make sure its "
    "value (in `.env` files and deployment settings) uses `/agent/v1/` instead of "
    "`/assistant/v1/`."
)
SSE_LOOP_REWRITTEN = (
    "This loop parsed the legacy stream; it now reads the AI SDK 5 UI message stream the "
    "Agents API sends: `text-delta` events carry the text in `delta`, `finish` ends the "
    "answer, and the stream closes with `data: [DONE]` (not JSON: stop before parsing it). "
    "Other events (tool calls, steps, `error` with `errorText`) arrive too; ignore the ones "
    "you do not need. Send `stream: true` in the body; it defaults to false."
)
ASSUMED_CHAT = (
    "This reads `result` from the answer of a request whose URL the converter cannot see. "
    "Only the legacy chat endpoint answers with `result`, so this was taken to be a chat call "
    "and the read changed to `messages`; check that the URL is `/agent/v1/chat/completions`."
)
