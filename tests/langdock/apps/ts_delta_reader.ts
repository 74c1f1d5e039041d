// Reads a Langdock stream as if it were OpenAI chat completion chunks.
const URL = "https://api.langdock.com/assistant/v1/chat/completions"; // LEGACY:url

export async function streamAnswer(question: string, onText: (t: string) => void): Promise<void> {
  const res = await fetch(URL, {
    method: "POST",
    headers: { Authorization: `Bearer ${process.env.LANGDOCK_API_KEY}` },
    body: JSON.stringify({
      assistantId: process.env.ASSISTANT_ID, // LEGACY:key
      messages: [{ role: "user", content: question }], // LEGACY:message
      stream: true,
    }),
  });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (const line of decoder.decode(value).split("\n")) {
      if (!line.startsWith("data: ") || line === "data: [DONE]") continue;
      const chunk = JSON.parse(line.slice(6));
      const text = chunk.choices?.[0]?.delta?.content; // LEGACY:delta-reader
      if (text) onText(text);
    }
  }
}
