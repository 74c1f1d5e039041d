// Digest job: builds the messages and reads the answer.
const { chat } = require("./client");

async function digest(headline) {
  const messages = [{ role: "user", content: `Summarise: ${headline}` }]; // LEGACY:message
  const data = await chat(messages);
  return data.result[0].content[0].text; // LEGACY:result-read
}

async function main() {
  console.log(await digest("Which clauses mention penalties?"));
}

module.exports = { main };
