// Runs the decision engine (Python, through Pyodide) off the page's main thread.
// Everything it loads comes from this site: the Pyodide runtime, the standard library with the engine
// inside it, the guide JSON.
// The engine is inside the standard library zip the build made (scripts/stdlib_zip.py), precompiled,
// so Python starts with it in place: no lockfile or wheel to fetch, no package to install.
//
// The page starts it as a SharedWorker where the browser has one, so Pyodide starts once and the next
// guide page in the visit finds the engine warm; elsewhere it is the page's own dedicated worker. The
// engine keeps no walk between calls: every call carries the guide id and the walk's token, so pages
// and tabs sharing this worker cannot see or change each other's walks.
import { loadPyodide } from "../pyodide/pyodide.mjs";
import lockFileContents from "../pyodide/handbook-lock.mjs";

const indexURL = new URL("../pyodide/", import.meta.url).href;

const engine = loadPyodide({
  indexURL,
  stdLibURL: indexURL + "handbook_stdlib.zip",
  lockFileContents,
  stdout: () => {},
}).then((pyodide) => pyodide.pyimport("decision_engine.browser"));

// Which start of Pyodide answered: a page that finds the same start as the page before it was served
// by a warm engine (the benchmark and the tests read it; it says nothing about anyone's answers).
const started = { at: Date.now(), id: Math.random().toString(36).slice(2), pages: 0 };

// The guides this engine has read, by address: a page that opens a guide read before, unchanged, is
// answered at once (the engine keeps each guide it has read until the worker ends).
const read = new Map();

const operations = {
  async load(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`could not load ${url}: ${response.status}`);
    const text = await response.text();
    const before = read.get(url);
    if (before && before.text === text) return before.reply;
    const reply = (await engine).load(text);
    read.set(url, { text, reply });
    return reply;
  },
  async render(guide, token, now) {
    return (await engine).render(guide, token, now);
  },
  async submit(guide, token, form) {
    return (await engine).submit(guide, token, form);
  },
  async replay(guide, answers) {
    return (await engine).replay(guide, answers);
  },
  async record(guide, token, format, madeAt, done, caseNotes, site) {
    return (await engine).record(guide, token, format, madeAt, done, caseNotes, site);
  },
  async start() {
    return JSON.stringify({ start: started.id, pages: started.pages });
  },
};

// Each page talks to the engine through its own port; a reply goes back only to the port that asked.
function serve(port) {
  started.pages += 1;
  port.onmessage = async (event) => {
    const { id, op, args } = event.data;
    try {
      if (!Object.hasOwn(operations, op)) throw new Error(`unknown operation ${op}`);
      port.postMessage({ id, ok: true, result: await operations[op](...args) });
    } catch (error) {
      port.postMessage({ id, ok: false, error: String((error && error.message) || error) });
    }
  };
}

if (typeof SharedWorkerGlobalScope === "function" && self instanceof SharedWorkerGlobalScope) {
  self.onconnect = (event) => serve(event.ports[0]);
} else {
  serve(self);
}
