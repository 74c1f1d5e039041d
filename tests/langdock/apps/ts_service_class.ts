// A typed Langdock client used by a Deno/Node service.
interface ChatTurn { role: "user" | "assistant"; content: string }

export class LangdockClient {
  private url = process.env.LANGDOCK_URL ?? "https://api.langdock.com/assistant/v1/chat/completions"; // LEGACY:env

  constructor(private assistantId: string, private key: string) {}

  async ask(turns: ChatTurn[]): Promise<string> {
    const res = await fetch(this.url, {
      method: "POST",
      headers: { Authorization: `Bearer ${this.key}`, "Content-Type": "application/json" },
      body: JSON.stringify({ assistantId: this.assistantId, messages: turns }), // LEGACY:forward-messages
    });
    const json = await res.json();
    return json.result[0].content[0].text; // LEGACY:result-read
  }
}
