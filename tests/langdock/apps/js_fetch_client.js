// Langdock client for a Slack bot: temporary assistant, upload, answer.
const LANGDOCK_URL =
  process.env.LANGDOCK_URL ?? "https://api.langdock.com/assistant/v1/chat/completions"; // LEGACY:env-default

function langdock(pathname) {
  // our own URL helper, not an AI SDK provider
  return `https://api.langdock.com${pathname}`;
}

async function uploadNote(text) {
  const form = new FormData();
  form.append("file", new Blob([text]), "note.txt");
  const up = await fetch(langdock("/attachment/v1/upload"), { method: "POST", body: form });
  const data = await up.json();
  return data.attachmentId;
}

async function reply(question) {
  const attachmentId = await uploadNote("Clause 7 and 12: penalties.");
  const body = { messages: [{ role: "user", content: question, attachmentIds: [attachmentId] }] }; // LEGACY:message
  body.assistant = { name: "Slack helper", instructions: "Answer briefly." }; // LEGACY:member-assign
  const res = await fetch(LANGDOCK_URL, {
    method: "POST",
    headers: { Authorization: `Bearer ${process.env.LANGDOCK_API_KEY || "sk-test"}` },
    body: JSON.stringify(body),
  });
  const data = await res.json();
  return data.result.at(-1).content[0].text; // LEGACY:result-read
}

async function main() {
  console.log(await reply("Which clauses mention penalties?"));
}

module.exports = { main };
