// Runs a converted JavaScript test application against a fake Langdock Agents API.
// usage: node harness.cjs <module> ; env FAKE_LANGDOCK_LOG (requests are appended as
// JSON lines) and FAKE_LANGDOCK_SHAPE ("content" or "parts").
const fs = require("fs");
const Module = require("module");
const path = require("path");

const ANSWER = ["Clauses 7 and 12 ", "contain penalties."];

function message() {
  const text = ANSWER.join("");
  return process.env.FAKE_LANGDOCK_SHAPE === "parts"
    ? { id: "r1", role: "assistant", parts: [{ type: "text", text }] }
    : { id: "r1", role: "assistant", content: text };
}

function handle(method, url, body) {
  const u = new URL(url, "https://api.langdock.com");
  const query = Object.fromEntries(u.searchParams);
  const json = typeof body === "string" ? JSON.parse(body) : body instanceof FormData ? null : body ?? null;
  fs.appendFileSync(process.env.FAKE_LANGDOCK_LOG,
    JSON.stringify({ method: method.toUpperCase(), path: u.pathname, query, body: json }) + "\n");
  if (u.pathname.includes("/assistant/v1/")) return [404, { message: "The Assistants API is gone" }];
  if (u.pathname.endsWith("/attachment/v1/upload")) return [200, { attachmentId: "b3e2a9c1-0f44-4d6b-8a21-5e7c9d1f2a33" }];
  if (u.pathname.endsWith("/agent/v1/chat/completions")) return [200, { messages: [message()] }];
  return [404, { message: "unknown path" }];
}

globalThis.fetch = async (url, options = {}) => {
  const [status, payload] = handle(options.method || "GET", String(url), options.body);
  return { ok: status < 400, status, json: async () => payload, text: async () => JSON.stringify(payload) };
};

function axiosCall(method, url, data, config = {}) {
  const [status, payload] = handle(method, url, data);
  if (status >= 400) return Promise.reject(Object.assign(new Error(`status ${status}`), { response: { status, data: payload } }));
  return Promise.resolve({ status, data: payload, config });
}
const axios = {
  post: (url, data, config) => axiosCall("POST", url, data, config),
  patch: (url, data, config) => axiosCall("PATCH", url, data, config),
  get: (url, config = {}) => axiosCall("GET", url + (config.params ? "?" + new URLSearchParams(config.params) : ""), null, config),
};
const originalLoad = Module._load;
Module._load = function (request, ...rest) {
  return request === "axios" ? axios : originalLoad.call(this, request, ...rest);
};

require(path.resolve(process.argv[2])).main().catch((err) => {
  console.error(String(err && err.stack || err));
  process.exit(1);
});
