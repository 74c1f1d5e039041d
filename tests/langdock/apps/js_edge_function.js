// Edge function: keeps the last ten turns and asks Langdock.
const ENDPOINT = "https://api.langdock.com/assistant/v1/chat/completions"; // LEGACY:url

async function answer(history, question) {
  const payload = { assistantId: "7d1f" }; // LEGACY:key
  payload.messages = history.slice(-10).map((t) => ({ role: t.role, content: t.text })); // LEGACY:map
  payload.messages.push({ role: "user", content: question }); // LEGACY:push
  const init = { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(payload) };
  const json = await (await fetch(ENDPOINT, init)).json();
  const last = json.result[json.result.length - 1]; // LEGACY:result-read
  return last.content.map((p) => p.text).join(""); // LEGACY:parts
}

async function main() {
  console.log(await answer([{ role: "user", text: "Hi" }], "Which clauses mention penalties?"));
}

module.exports = { main };
