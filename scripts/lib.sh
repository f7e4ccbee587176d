#!/usr/bin/env bash
# Shared helpers for the project's entry scripts. Source it; do not run it.
set -euo pipefail

ITSM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ITSM_ROOT
export ITSM_STATE_DIR="${ITSM_STATE_DIR:-$ITSM_ROOT/.local}"
# npm scripts run on the pinned Node (devDependency "node"); direct calls use the same binary.
export PATH="$ITSM_ROOT/node_modules/.bin:$PATH"

log() { printf '\033[1;34m[itsm]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[itsm] error:\033[0m %s\n' "$*" >&2; exit 1; }

# Installs Debian packages that are missing. Idempotent and quiet when nothing is missing.
ensure_apt_packages() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Runs `npm ci` when node_modules does not match package-lock.json.
ensure_node_modules() {
  local stamp="$ITSM_ROOT/node_modules/.itsm-lock.sha256"
  local want
  want="$(sha256sum "$ITSM_ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$ITSM_ROOT/node_modules/.bin/node" ]; then
    return 0
  fi
  command -v npm >/dev/null || ensure_apt_packages nodejs npm
  log "installing npm dependencies (npm ci)"
  (cd "$ITSM_ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" >"$stamp"
}

bootstrap() {
  # chromium: the browser tests drive the web app in it (playwright-core, no bundled browser).
  ensure_apt_packages protobuf-compiler libprotobuf-dev curl ca-certificates chromium
  ensure_node_modules
}
