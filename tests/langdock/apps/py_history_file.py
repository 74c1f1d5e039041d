"""Continues a conversation saved by an older version of this tool."""
import json
import os
import tempfile

import requests

API = "https://api.langdock.com/assistant/v1/chat/completions"  # LEGACY:url


def continue_chat(path, question):
    with open(path) as fh:
        history = json.load(fh)
    history.append({"role": "user", "content": question})  # LEGACY:append
    resp = requests.post(API, json={"assistantId": "7d1f", "messages": history})  # LEGACY:messages-from-file
    body = resp.json()
    return body["result"][0]["content"][0]["text"]  # LEGACY:result-read


def main():
    path = os.path.join(tempfile.mkdtemp(), "history.json")
    with open(path, "w") as fh:
        json.dump([{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"}], fh)
    print(continue_chat(path, "Which clauses mention penalties?"))


if __name__ == "__main__":
    main()
