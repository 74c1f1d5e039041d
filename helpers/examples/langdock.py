"""Langdock Assistants API inputs: a chat request, a response, a legacy stream, an axios call."""

from __future__ import annotations

from . import Example

CHAT_REQUEST = """\
{
  "assistantId": "3f9a1c77-2b64-4d0e-8c5a-6e1d2f4b9a10",
  "messages": [
    {
      "role": "user",
      "content": "Which of the attached invoices are overdue?",
      "attachmentIds": ["a41c9e02-77d3-4f5b-9b1e-0c2d8e6f4a55"]
    },
    {"role": "assistant", "content": "Two of them: March and May."},
    {"role": "user", "content": "Draft a friendly reminder for the May one."}
  ],
  "stream": false
}
"""

CHAT_RESPONSE = """\
{
  "result": [
    {
      "id": "msg_9b2",
      "role": "assistant",
      "content": [
        {"type": "text", "text": "Here is a reminder you can send: "},
        {"type": "text", "text": "Dear customer, a gentle nudge about invoice 2025-05."}
      ]
    }
  ]
}
"""

LEGACY_SSE = """\
data: {"type":"message","content":"Dear customer, "}

data: {"type":"message","content":"a gentle nudge "}

data: {"type":"message","content":"about invoice 2025-05."}

data: {"type":"done"}

"""

AXIOS = """\
const axios = require("axios");

async function askInvoiceBot(question) {
  const response = await axios.post(
    "https://api.langdock.com/assistant/v1/chat/completions",
    {
      assistantId: "3f9a1c77-2b64-4d0e-8c5a-6e1d2f4b9a10",
      messages: [{ role: "user", content: question, attachmentIds: [] }],
      stream: false,
    },
    { headers: { Authorization: `Bearer ${process.env.LANGDOCK_API_KEY}` } }
  );

  // the legacy API wraps the answer in a result array of content parts
  const answer = response.data.result[0];
  return answer.content[0].text;
}

askInvoiceBot("Which invoices are overdue?").then(console.log);
"""

EXAMPLES = [
    Example("langdock_request", "Langdock: chat request (JSON)", CHAT_REQUEST, "langdock"),
    Example("langdock_response", "Langdock: chat response (JSON)", CHAT_RESPONSE, "langdock"),
    Example("langdock_sse", "Langdock: legacy stream transcript (SSE)", LEGACY_SSE, "langdock"),
    Example("langdock_axios", "Langdock: JavaScript axios call", AXIOS, "langdock"),
]
