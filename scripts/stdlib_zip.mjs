// Makes the site's standard library for Pyodide, inside Pyodide itself (Python 3.14, which the host
// does not have): see scripts/stdlib_zip.py, which runs this.
//   [STDLIB_COMPILE=none] node scripts/stdlib_zip.mjs STDLIB_ZIP ENGINE_DIR OUT_ZIP GUIDE_JSON...
// ENGINE_DIR is the decision_engine package folder; it is mounted read-only, not installed, so that
// nothing but Pyodide's start-up and the engine imports a module before the trace is taken.
import { readFileSync, writeFileSync } from "node:fs";
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";

const [stdlib, engine, out, ...guides] = process.argv.slice(2);
const pyodide = await loadPyodide({ stdLibURL: stdlib, stdout: (line) => process.stderr.write(line + "\n") });
pyodide.FS.mkdirTree("/engine/decision_engine");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: engine }, "/engine/decision_engine");
pyodide.globals.set("compiled", process.env.STDLIB_COMPILE || "loaded");
pyodide.globals.set("guide_texts", pyodide.toPy(guides.map((g) => readFileSync(g, "utf8"))));
// engine_imports(), shared with the tests, is defined first; stdlib_zip_inside.py uses it.
pyodide.runPython(readFileSync(new URL("engine_imports.py", import.meta.url), "utf8"), { filename: "engine_imports.py" });
const code = readFileSync(new URL("stdlib_zip_inside.py", import.meta.url), "utf8");
pyodide.runPython(code, { filename: "stdlib_zip_inside.py" });
const made = pyodide.globals.get("made").toJs();
writeFileSync(out, made);
process.stdout.write(pyodide.globals.get("report") + "\n");
