#!/usr/bin/env bash
# Installs what building and testing Symbiose needs, and nothing that is already there.
# Safe to run again: each step checks first. Versions are pinned in one place (below) and match
# Cargo.lock, Trunk.toml and package-lock.json; docs/ARCHITECTURE.md explains why each is pinned.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen crate pinned in Cargo.toml
WITH_BROWSER=${WITH_BROWSER:-1} # `make serve` does not need Chromium

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ "$WITH_BROWSER" = 1 ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  step "Installing Debian's chromium and chromium-driver (browser and e2e tests)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "Adding the wasm32-unknown-unknown Rust target"
  rustup target add wasm32-unknown-unknown
fi
for component in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$component"; then
    rustup component add "$component"
  fi
done

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  # trunk 0.22 needs a newer rustc than this machine's; --locked keeps its dependencies as released.
  step "Installing trunk $TRUNK_VERSION (about 7 minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  # Not --locked: its lockfile names a webpki-roots version the registry here does not serve.
  step "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes, once)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# npm tools: wasm-opt 132 (Debian's 108 corrupts the wasm), playwright-core, leaflet.
stamp=node_modules/.symbiose-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  step "Installing npm tools (binaryen, leaflet, playwright-core)"
  npm ci --no-audit --no-fund
  cp package-lock.json "$stamp"
fi

# Trunk builds offline (Trunk.toml), so every crate must be in the local registry first.
cargo fetch --locked >/dev/null 2>&1 || cargo fetch
