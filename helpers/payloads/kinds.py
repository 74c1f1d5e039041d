"""The payload and stream kinds this package converts (names are stable: the UI lists them)."""
from __future__ import annotations

PAYLOAD_KINDS: dict[str, str] = {
    "foundry-agent": "Foundry classic agent / OpenAI assistant object → agent version (agent.version)",
    "foundry-thread": "Foundry/OpenAI thread object → conversation",
    "foundry-message": "Thread message (thread.message) → conversation message item",
    "foundry-message-list": "Thread message list → conversation item list",
    "foundry-run": "Run (thread.run) → response",
    "foundry-run-steps": "Run step list (thread.run.step) → conversation items (the response's output)",
    "langdock-chat-request": "Langdock /assistant/v1/chat/completions request → /agent/v1 request (UIMessages)",
    "langdock-chat-response": "Langdock chat response {result} → {messages} (or one UIMessage)",
    "langdock-agent-request": "Langdock create/get/update/disable bodies and responses (assistantId → agentId)",
    "langdock-stream": "Langdock stream transcript (legacy SSE or AI SDK 4 lines) → AI SDK 5 or 4 stream",
    "json": "Other JSON: syntax-checked and returned unchanged",
}

STREAM_FORMATS = ("ui-message-stream", "data-stream")
RESPONSE_SHAPES = ("messages", "ui-message")
