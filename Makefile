# InfluenceKit — the README's commands.
#   make demo   install what is missing, build release, pick seeds on the bundled graph
#   make test   install what is missing, run the test suite
#   make bench  run the benchmarks in Bench/ against their peers
SHELL := /bin/bash
SWIFT ?= swift
DEMO_GRAPH ?= Graphs/demo.txt
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build release demo test bench clean

# Debian packages the build links against; installed only when missing.
deps:
	@if ! pkg-config --exists igraph 2>/dev/null || [ ! -f /usr/include/zlib.h ]; then \
	  echo "installing libigraph-dev, pkg-config, zlib1g-dev ..." >&2; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q libigraph-dev pkg-config zlib1g-dev; \
	fi

build release: deps
	$(SWIFT) build -c release --product infmax

demo: release
	@echo "== infmax seeds $(DEMO_GRAPH) --k 10" >&2
	.build/release/infmax seeds $(DEMO_GRAPH) --k 10

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: release
	bash Bench/run.sh

clean:
	rm -rf .build
