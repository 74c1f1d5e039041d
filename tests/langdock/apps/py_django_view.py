"""Django-style view: asks a Langdock assistant with the visitor's chat history."""
import os

import requests

session = requests.Session()
session.headers = {"Authorization": f"Bearer {os.environ.get('LANGDOCK_API_KEY', 'sk-test')}"}
ENDPOINT = "https://api.langdock.com/assistant/v1/chat/completions"  # LEGACY:url


def build_payload(question, history):
    messages = [{"role": h["role"], "content": h["text"]} for h in history]  # LEGACY:comprehension
    messages.append({"role": "user", "content": question})  # LEGACY:append
    return {"assistantId": os.environ.get("ASSISTANT_ID", "7d1f"), "messages": messages}  # LEGACY:key


def chat_view(question, history):
    resp = session.post(ENDPOINT, json=build_payload(question, history))
    result = resp.json()["result"]  # LEGACY:result-read
    text = ""
    for msg in result:
        if msg["role"] == "assistant":
            for part in msg["content"]:  # LEGACY:parts-loop
                if part["type"] == "text":
                    text += part["text"]
    return {"reply": text}


def main():
    print(chat_view("Which clauses mention penalties?",
                    [{"role": "user", "text": "Hi"}, {"role": "assistant", "text": "Hello"}])["reply"])


if __name__ == "__main__":
    main()
