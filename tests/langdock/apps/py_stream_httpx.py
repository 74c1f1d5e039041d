"""Stream an answer from a Langdock assistant to the terminal."""
import json
import os

import httpx

URL = "https://api.langdock.com/assistant/v1/chat/completions"  # LEGACY:url


def stream_answer(question):
    headers = {"Authorization": f"Bearer {os.environ.get('LANGDOCK_API_KEY', 'sk-test')}"}
    out = []
    with httpx.stream("POST", URL, headers=headers, json={
        "assistantId": "7d1f0c2e-5b4a-4e11-9f3a-2c6b8e9a1d40",  # LEGACY:key
        "messages": [{"role": "user", "content": question}],  # LEGACY:message
        "stream": True,
    }) as r:
        for line in r.iter_lines():  # LEGACY:sse-loop
            if not line.startswith("data: "):
                continue
            event = json.loads(line[6:])
            if event["type"] == "message":
                out.append(event["content"])
            elif event["type"] == "done":
                break
    return "".join(out)


def main():
    print(stream_answer("Which clauses mention penalties?"))


if __name__ == "__main__":
    main()
