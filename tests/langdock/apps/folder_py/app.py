"""News digest: asks the assistant through the shared client."""
from langdock_client import chat


def digest(headline):
    history = [{"role": "user", "content": f"Summarise: {headline}"}]  # LEGACY:message
    data = chat(history, "7d1f0c2e-5b4a-4e11-9f3a-2c6b8e9a1d40")
    return data["result"][0]["content"][0]["text"]  # LEGACY:result-read


def main():
    print(digest("Which clauses mention penalties?"))


if __name__ == "__main__":
    main()
