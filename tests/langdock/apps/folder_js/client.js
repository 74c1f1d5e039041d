// Shared Langdock client.
const axios = require("axios");

const URL = "https://api.langdock.com/assistant/v1/chat/completions"; // LEGACY:url

async function chat(messages) {
  const res = await axios.post(URL, { assistantId: process.env.ASSISTANT_ID || "7d1f", messages }); // LEGACY:key
  return res.data;
}

module.exports = { chat };
