// app/api/chat/route.ts: streams a Langdock answer to the browser.
export async function POST(req: Request): Promise<Response> {
  const { messages, assistantId } = (await req.json()) as {
    messages: { role: string; content: string }[];
    assistantId: string;
  };
  const upstream = await fetch(
    `${process.env.LANGDOCK_BASE_URL}/assistant/v1/chat/completions`, // LEGACY:url
    {
      method: "POST",
      headers: { Authorization: `Bearer ${process.env.LANGDOCK_API_KEY}` },
      body: JSON.stringify({ assistantId, messages, stream: true }), // LEGACY:forward-messages
    },
  );
  return new Response(upstream.body, { // LEGACY:sse-proxy
    headers: { "Content-Type": "text/event-stream" },
  });
}
