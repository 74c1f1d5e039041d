"""Contract helper: uploads a file, then asks a Langdock assistant about it."""
import os

import requests

CHAT_URL = os.environ.get(  # LEGACY:env-default
    "LANGDOCK_CHAT_URL", "https://api.langdock.com/assistant/v1/chat/completions"  # LEGACY:url
)
UPLOAD_URL = "https://api.langdock.com/attachment/v1/upload"
HEADERS = {"Authorization": f"Bearer {os.environ.get('LANGDOCK_API_KEY', 'sk-test')}"}
ASSISTANT_ID = "7d1f0c2e-5b4a-4e11-9f3a-2c6b8e9a1d40"


def upload(text):
    r = requests.post(UPLOAD_URL, headers=HEADERS, files={"file": ("contract.txt", text)})
    data = r.json()
    return data["attachmentId"]


def extract_answer(response):
    texts = []
    for message in response["result"]:  # LEGACY:result-param
        if message["role"] == "assistant":
            texts.append(message["content"][0]["text"])  # LEGACY:content-read
    return "".join(texts)


def ask(turns, attachment_id):
    messages = []
    for role, text in turns:
        messages.append({"role": role, "content": text})  # LEGACY:loop-message
    messages[-1]["attachmentIds"] = [attachment_id]  # LEGACY:attachment-assign
    payload = {"messages": messages, "temperature": 0.2}  # LEGACY:root-field
    payload["assistantId"] = ASSISTANT_ID  # LEGACY:subscript-key
    r = requests.post(CHAT_URL, headers=HEADERS, json=payload, timeout=60)
    r.raise_for_status()
    return extract_answer(r.json())


def main():
    attachment = upload("Clause 7: penalties. Clause 12: penalties.")
    print(ask([("user", "Summarise the contract."), ("assistant", "A service agreement."),
               ("user", "Which clauses mention penalties?")], attachment))


if __name__ == "__main__":
    main()
