// Calls the browser API inside real Pyodide from JavaScript, as the page's worker does, with values a
// page could pass by mistake (undefined, null, numbers, objects, arrays, functions), and prints every
// reply, or what was thrown, as JSON.
//   node tests/pyodide/api.mjs STDLIB_ZIP COMPILED_GUIDE
import { readFileSync } from "node:fs";
import { loadPyodide } from "../../node_modules/pyodide/pyodide.mjs";

const [stdlib, compiled] = process.argv.slice(2);
const pyodide = await loadPyodide({ stdLibURL: stdlib });
const api = pyodide.pyimport("decision_engine.browser");
const loaded = JSON.parse(api.load(readFileSync(compiled, "utf8")));
const id = loaded.guide;
const odd = [undefined, null, 0, 5, 1.5, NaN, true, "", "rubbish", "\ud800", {}, [], [1, 2], { answer: ["no"] }, new Map(), () => 1];
const replies = [];

function call(name, args) {
  let reply;
  try {
    reply = api[name](...args);
  } catch (error) {
    reply = "THREW " + String(error).slice(0, 300);
  }
  replies.push({ call: name, args: args.map((a) => String(a).slice(0, 20)), reply: String(reply) });
}

for (const value of odd) {
  call("load", [value]);
  call("render", [id, value, value]);
  call("render", [value, ""]);
  call("submit", [id, "", value]);
  call("submit", [id, value, "{}"]);
  call("submit", [value, "", "{}"]);
  call("replay", [id, value]);
  call("replay", [value, "[]"]);
  call("record", [id, "", value, value, value]);
  call("record", [id, value, "markdown", "2026-11-23T09:30"]);
}
process.stdout.write(JSON.stringify({ loaded, replies }));
