// Run a Python script inside real Pyodide under Node, on the standard library zip the site serves
// (the engine is inside it).
//   node tests/pyodide/run.mjs STDLIB_ZIP SCRIPT [ARGS...]
// Each file named on the command line is copied into Pyodide's file system at the same path.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { loadPyodide } from "../../node_modules/pyodide/pyodide.mjs";

const [stdlib, script, ...args] = process.argv.slice(2);
const started = performance.now();
const pyodide = await loadPyodide({ stdLibURL: stdlib, stdout: (line) => process.stdout.write(line + "\n") });
const loaded = performance.now();
const files = [resolve(script), ...args.map((a) => resolve(a))];
for (const file of files) {
  pyodide.FS.mkdirTree(dirname(file));
  pyodide.FS.writeFile(file, new Uint8Array(readFileSync(file)));
}
pyodide.globals.set("script_args", pyodide.toPy(files));
pyodide.runPython("import sys; sys.argv = list(script_args)");
try {
  pyodide.runPython(readFileSync(script, "utf8"), { filename: script });
} catch (error) {
  process.stderr.write(String(error) + "\n");
  process.exit(1);
}
process.stderr.write(`pyodide load ${(loaded - started).toFixed(0)} ms\n`);
