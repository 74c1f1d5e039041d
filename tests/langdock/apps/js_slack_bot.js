// Slack bot: answers mentions with a Langdock assistant.
const axios = require("axios");

const client = {
  post: (path, body) => axios.post(`https://api.langdock.com${path}`, body),
};
const defaults = { assistantId: process.env.ASSISTANT_ID || "7d1f" }; // LEGACY:key

async function reply(text, thread) {
  const messages = thread.map((t) => ({ role: t.bot ? "assistant" : "user", content: t.text })); // LEGACY:map
  messages.push({ role: "user", content: text }); // LEGACY:push
  const { data } = await client.post("/assistant/v1/chat/completions", { ...defaults, messages }); // LEGACY:url
  return data.result.find((m) => m.role === "assistant")?.content?.[0]?.text; // LEGACY:result-read
}

async function main() {
  console.log(await reply("Which clauses mention penalties?", [{ bot: false, text: "Hi" }]));
}

module.exports = { main };
