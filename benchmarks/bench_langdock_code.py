"""Timing of the Langdock code converters on typical 60-line snippets.

Run: .venv/bin/python benchmarks/bench_langdock_code.py [repeats]
Prints median and p95 milliseconds per conversion (JavaScript and Python).
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from helpers.langdock.javascript import convert_javascript  # noqa: E402
from helpers.langdock.python_requests import convert_langdock_python  # noqa: E402

JS = """\
const axios = require("axios");
const BASE = "https://api.langdock.com";

// Chat with a Langdock assistant and print the answer.
async function chatWithAssistant(question, attachmentIds) {
  const response = await axios.post(
    `${BASE}/assistant/v1/chat/completions`,
    {
      assistantId: process.env.ASSISTANT_ID,
      messages: [
        { role: "user", content: "You are helpful." },
        { role: "assistant", content: "Sure." },
        {
          role: "user",
          content: question,
          attachmentIds,
        },
      ],
      stream: false,
    },
    { headers: { Authorization: `Bearer ${process.env.LANGDOCK_API_KEY}` } }
  );
  const assistantMessage = response.data.result[0];
  return assistantMessage.content[0].text;
}

async function getAssistant(id) {
  const res = await axios.get(`${BASE}/assistant/v1/get`, { params: { assistantId: id } });
  return res.data.assistant;
}

async function renameAssistant(id, name) {
  const res = await axios.patch(`${BASE}/assistant/v1/update`, { assistantId: id, name });
  return res.data.assistant;
}

async function streamAnswer(question) {
  const response = await fetch(`${BASE}/assistant/v1/chat/completions`, {
    method: "POST",
    headers: { Authorization: `Bearer ${process.env.LANGDOCK_API_KEY}` },
    body: JSON.stringify({ assistantId: process.env.ASSISTANT_ID,
      messages: [{ role: "user", content: question }], stream: true }),
  });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    for (const line of decoder.decode(value).split("\\n")) {
      if (!line.startsWith("data: ")) continue;
      const data = JSON.parse(line.slice(6));
      if (data.type === "message") process.stdout.write(data.content);
    }
  }
}

module.exports = { chatWithAssistant, getAssistant, renameAssistant, streamAnswer };
"""

PY = """\
import json
import os

import requests

BASE = "https://api.langdock.com"
CHAT_URL = f"{BASE}/assistant/v1/chat/completions"
HEADERS = {"Authorization": f"Bearer {os.environ['LANGDOCK_API_KEY']}"}
ASSISTANT_ID = os.environ["ASSISTANT_ID"]


def ask(question, attachment_ids=()):
    payload = {
        "assistantId": ASSISTANT_ID,
        "messages": [
            {"role": "user", "content": "Hello"},
            {"role": "assistant", "content": "Hi, how can I help?"},
            {
                "role": "user",
                "content": question,
                "attachmentIds": list(attachment_ids),
            },
        ],
        "stream": False,
    }
    r = requests.post(CHAT_URL, headers=HEADERS, json=payload, timeout=120)
    r.raise_for_status()
    data = r.json()
    return data["result"][0]["content"][0]["text"]


def all_text(question):
    data = requests.post(CHAT_URL, headers=HEADERS, json={
        "assistantId": ASSISTANT_ID,
        "messages": [{"role": "user", "content": question}],
    }).json()
    out = []
    for msg in data.get("result", []):
        if msg.get("role") == "assistant":
            out.append(msg["content"])
    return out


def get_assistant(assistant_id):
    r = requests.get(f"{BASE}/assistant/v1/get", headers=HEADERS,
                     params={"assistantId": assistant_id})
    return r.json()["assistant"]


def stream(question):
    body = {"assistantId": ASSISTANT_ID, "stream": True,
            "messages": [{"role": "user", "content": question}]}
    with requests.post(CHAT_URL, headers=HEADERS, json=body, stream=True) as r:
        for line in r.iter_lines(decode_unicode=True):
            if not line or not line.startswith("data: "):
                continue
            event = json.loads(line[6:])
            if event["type"] == "message":
                print(event["content"], end="", flush=True)
            elif event["type"] == "done":
                break
"""


def measure(func, source, repeats: int) -> tuple[float, float]:
    func(source)  # warm-up: parser construction, imports
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func(source)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    for name, func, source in (
        ("javascript", convert_javascript, JS),
        ("python", convert_langdock_python, PY),
    ):
        assert func(source).changed, name
        median, p95 = measure(func, source, repeats)
        lines = source.count("\n")
        print(f"{name:<10} {lines} lines  median {median:6.2f} ms  p95 {p95:6.2f} ms  "
              f"({repeats} runs)")


if __name__ == "__main__":
    main()
