#!/usr/bin/env bash
# Every test layer, in order of cost; stops at the first failing layer (non-zero exit).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

stage() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

stage "Formatting (cargo fmt --check)"
cargo fmt --all -- --check

stage "Lints (clippy, warnings denied; host and wasm)"
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p symbiose-app --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo clippy -p symbiose-worker --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p symbiose-xlsx --target wasm32-unknown-unknown -- -D warnings

stage "Host tests (cargo test: core, CLI, app logic)"
cargo test --workspace

stage "Browser component tests (wasm-bindgen-test in headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p symbiose-app --target wasm32-unknown-unknown --test web

stage "Release build (trunk, offline) and its size"
trunk build --release
scripts/size.sh

stage "End-to-end journeys (Playwright driving Chromium against dist/)"
node --test --test-concurrency=1 tests/e2e/
