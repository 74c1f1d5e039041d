// Express handler: the browser posts {assistantId, messages}; we add the key and forward.
const UPSTREAM = "https://api.langdock.com/assistant/v1/chat/completions"; // LEGACY:url

async function chatHandler(req, res) {
  if (!req.body.assistantId) { // LEGACY:validation
    return res.status(400).json({ error: "assistantId required" });
  }
  const upstream = await fetch(UPSTREAM, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${process.env.LANGDOCK_API_KEY || "sk-test"}`,
      "Content-Type": "application/json",
    },
    body: JSON.stringify(req.body), // LEGACY:forward
  });
  const payload = await upstream.json();
  return res.json({ answer: payload.result[0].content[0].text }); // LEGACY:result-read
}

async function main() {
  // what the (unchanged) browser client posts, parsed as express.json() would
  const req = { body: JSON.parse('{"assistantId": "7d1f0c2e-5b4a-4e11-9f3a-2c6b8e9a1d40", ' +
    '"messages": [{"role": "user", "content": "Which clauses mention penalties?"}]}') };
  let sent;
  const res = { status() { return this; }, json(value) { sent = value; return this; } };
  await chatHandler(req, res);
  console.log(sent.answer);
}

module.exports = { main, chatHandler };
