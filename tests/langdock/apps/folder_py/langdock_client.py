"""Thin Langdock client shared by the app modules."""
import os

import requests

URL = "https://api.langdock.com/assistant/v1/chat/completions"  # LEGACY:url


def chat(messages, assistant_id):
    r = requests.post(URL, json={"assistantId": assistant_id, "messages": messages},  # LEGACY:key
                      headers={"Authorization": f"Bearer {os.environ.get('LANGDOCK_API_KEY', 'sk-test')}"})
    r.raise_for_status()
    return r.json()
