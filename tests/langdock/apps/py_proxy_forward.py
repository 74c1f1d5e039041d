"""Backend route logic: the browser posts a chat body, we add the key and forward it."""
import json
import os

import requests

LANGDOCK_URL = "https://api.langdock.com/assistant/v1/chat/completions"  # LEGACY:url


def handle_chat(browser_body):
    if not browser_body.get("assistantId"):  # LEGACY:validation
        return {"error": "assistantId missing"}, 400
    upstream = requests.post(  # LEGACY:forward
        LANGDOCK_URL,
        json=browser_body,
        headers={"Authorization": f"Bearer {os.environ.get('LANGDOCK_API_KEY', 'sk-test')}"},
    )
    answer = upstream.json()
    return {"text": answer["result"][-1]["content"][0]["text"]}, 200  # LEGACY:result-read


def main():
    # what the (unchanged) browser client posts
    raw = ('{"assistantId": "7d1f0c2e-5b4a-4e11-9f3a-2c6b8e9a1d40", "messages": '
           '[{"role": "user", "content": "Which clauses mention penalties?"}]}')
    reply, status = handle_chat(json.loads(raw))
    print(reply["text"])


if __name__ == "__main__":
    main()
