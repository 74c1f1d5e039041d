// Chat CLI: replays a conversation history to a Langdock assistant.
const fs = require("fs");
const os = require("os");
const path = require("path");
const axios = require("axios");

const API = "https://api.langdock.com/assistant/v1/chat/completions"; // LEGACY:url

function answerOf(res) {
  return res.data.result // LEGACY:result-param
    .filter((m) => m.role === "assistant")
    .map((m) => m.content[0].text) // LEGACY:content-read
    .join("");
}

async function ask(history, assistantId) {
  const messages = [];
  history.forEach((turn) => {
    messages.push({ role: turn.role, content: turn.text }); // LEGACY:loop-message
  });
  const res = await axios.post(
    API,
    { assistantId, messages, max_tokens: 500 }, // LEGACY:key
    { headers: { Authorization: `Bearer ${process.env.LANGDOCK_API_KEY || "sk-test"}` } },
  );
  return answerOf(res);
}

function lastRunSummary(file) {
  // our own report file, not a Langdock response
  const data = JSON.parse(fs.readFileSync(file, "utf8"));
  return data.result;
}

async function main() {
  const report = path.join(os.tmpdir(), "ld-report.json");
  fs.writeFileSync(report, JSON.stringify({ result: "ok" }));
  const answer = await ask([
    { role: "user", text: "Summarise the contract." },
    { role: "assistant", text: "A service agreement." },
    { role: "user", text: "Which clauses mention penalties?" },
  ], "7d1f0c2e-5b4a-4e11-9f3a-2c6b8e9a1d40");
  console.log(answer);
  if (lastRunSummary(report) !== "ok") throw new Error("report changed");
}

module.exports = { main };
