# Shared set-up steps for scripts/serve and scripts/test. Each step is idempotent and skips itself
# when nothing it depends on has changed, so the second run is quick.
# shellcheck shell=bash
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STAMPS="$ROOT/.setup-stamps"
VENV="$ROOT/.venv"
mkdir -p "$STAMPS"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

hash_of() { cat "$@" | sha256sum | cut -d' ' -f1; }

# The host Python is pyenv's 3.13.0 (.python-version), the nearest to Pyodide's 3.14, on which the engine
# also runs; the loop finds another 3.12+ (the versions the build is checked on) when pyenv is not there.
pick_python() {
  local candidate
  for candidate in "${PYTHON:-}" python3 python3.13 python3.12 "$HOME/.pyenv/versions/3.13.0/bin/python3"; do
    if [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      command -v "$candidate"
      return 0
    fi
  done
  echo "Python 3.12 or newer is needed to build the site (for example: pyenv install 3.13.0)." >&2
  return 1
}

ensure_python() {
  local want
  want="$(hash_of "$ROOT/requirements.lock" "$ROOT/.python-version")"
  if [ -x "$VENV/bin/python" ] && [ "$(cat "$STAMPS/python" 2>/dev/null)" = "$want" ]; then
    return 0
  fi
  local python
  python="$(pick_python)"
  say "Python environment (.venv) from requirements.lock, with $("$python" --version)"
  rm -rf "$VENV"
  "$python" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$ROOT/requirements.lock"
  echo "$want" >"$STAMPS/python"
}

ensure_node_modules() {
  local want
  want="$(hash_of "$ROOT/package-lock.json")"
  if [ -d "$ROOT/node_modules/pyodide" ] && [ "$(cat "$STAMPS/npm" 2>/dev/null)" = "$want" ]; then
    return 0
  fi
  say "npm packages from package-lock.json (Pyodide, Mermaid for the build, iframe-worker, axe-core)"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" >"$STAMPS/npm"
}

# Debian's Chromium for the build (it draws the route diagrams) and the browser tests: Playwright's own browser download cannot reach its host.
ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then
    return 0
  fi
  say "Chromium from Debian's packages (for the route diagrams and the browser tests)"
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
}

build_site() {
  say "Building the site"
  NO_MKDOCS_2_WARNING=1 "$VENV/bin/python" "$ROOT/scripts/build.py" --site-dir "$ROOT/site"
}
