// Runs Material's own search worker (lunr + language files, as shipped in the built
// site) on the built search index, the way the browser does, and prints the
// locations each query finds as JSON: node search_worker.js SITE_DIR QUERY...
// Used by tests/test_i18n.py to check Korean search without a browser.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const [site, ...queries] = process.argv.slice(2);
const workers = path.join(site, "assets", "javascripts", "workers");
const worker = fs.readdirSync(workers).find((name) => /^search\..*\.min\.js$/.test(name));

// The worker's environment: self, importScripts (paths relative to the worker), messages.
globalThis.self = globalThis;
globalThis.importScripts = (...urls) => {
  for (const url of urls) vm.runInThisContext(fs.readFileSync(path.join(workers, url), "utf8"));
};
let onMessage;
globalThis.addEventListener = (type, handler) => { onMessage = handler; };
const replies = [];
globalThis.postMessage = (message) => replies.push(message);
vm.runInThisContext(fs.readFileSync(path.join(workers, worker), "utf8"));

const index = JSON.parse(fs.readFileSync(path.join(site, "search", "search_index.json"), "utf8"));
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

(async () => {
  // SETUP, with the options the page would send (search.suggest is not enabled).
  onMessage({ data: { type: 0, data: { ...index, options: { suggest: false } } } });
  await settle();
  const found = {};
  for (const query of queries) {
    onMessage({ data: { type: 2, data: query } }); // QUERY
    await settle();
    const reply = replies.pop();
    found[query] = reply.data.items.map((group) => group[0].location);
  }
  console.log(JSON.stringify(found));
})();
