// Runs the decision engine (Python, through Pyodide) off the page's main thread.
// Everything it loads comes from this site: the Pyodide runtime, the engine wheel, the guide JSON.
// The engine is inside the standard library zip the build made (scripts/stdlib_zip.py), precompiled,
// so Python starts with it in place: no lockfile or wheel to fetch, no package to install.
import { loadPyodide } from "../pyodide/pyodide.mjs";
import lockFileContents from "../pyodide/handbook-lock.mjs";

const indexURL = new URL("../pyodide/", import.meta.url).href;

const engine = loadPyodide({
  indexURL,
  stdLibURL: indexURL + "handbook_stdlib.zip",
  lockFileContents,
  stdout: () => {},
}).then((pyodide) => pyodide.pyimport("decision_engine.browser"));

const operations = {
  async load(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`could not load ${url}: ${response.status}`);
    return (await engine).load(await response.text());
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
};

self.onmessage = async (event) => {
  const { id, op, args } = event.data;
  try {
    if (!Object.hasOwn(operations, op)) throw new Error(`unknown operation ${op}`);
    postMessage({ id, ok: true, result: await operations[op](...args) });
  } catch (error) {
    postMessage({ id, ok: false, error: String((error && error.message) || error) });
  }
};
