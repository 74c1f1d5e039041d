"""Langdock client with retries, used by a ticket triage job."""
import os
import time

import requests


class Triage:
    def __init__(self, base="https://api.langdock.com"):
        self.url = f"{base}/assistant/v1/chat/completions"  # LEGACY:url
        self.session = requests.Session()

    def _post(self, payload):
        for attempt in range(3):
            r = self.session.post(self.url, json=payload, timeout=100)
            if r.status_code < 500:
                r.raise_for_status()
                return r.json()
            time.sleep(attempt)
        raise RuntimeError("Langdock unavailable")

    def classify(self, ticket):
        msgs = [{"role": "user", "content": f"Classify: {ticket}"}]  # LEGACY:message
        answer = self._post({"assistantId": os.environ.get("ASSISTANT_ID", "7d1f"), "messages": msgs})  # LEGACY:key
        return answer["result"][-1]["content"][0]["text"]  # LEGACY:result-read


def main():
    print(Triage().classify("Which clauses mention penalties?"))


if __name__ == "__main__":
    main()
