# The two commands a newcomer needs (see README.md):
#   make serve   installs what is missing, builds, and serves the app on http://127.0.0.1:8080
#   make test    installs what is missing and runs every test layer (what CI runs)
SHELL := /bin/bash
# wasm-opt 132 from npm must win over any other wasm-opt; cargo-installed tools live in ~/.cargo/bin.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# Trunk's update check calls the crate registry API, which answers 404 here; it is only noise.
export TRUNK_SKIP_VERSION_CHECK := true

.PHONY: serve test setup build size bench

serve:
	WITH_BROWSER=0 scripts/setup.sh
	scripts/serve.sh

test:
	scripts/setup.sh
	scripts/test.sh

setup:
	scripts/setup.sh

# The static site for any host: everything lands in dist/.
build:
	WITH_BROWSER=0 scripts/setup.sh
	trunk build --release
	scripts/size.sh

# The territory-scale benchmark (issue 6): 500, 2,000 and 5,000 synthetic companies against a
# plain Leaflet page; prints a table and writes target/bench/scale.md (see docs/PERFORMANCE.md).
bench:
	scripts/setup.sh
	trunk build --release
	node bench/scale.mjs $(SIZES)
