# InfluenceKit — the README's commands.
#   make demo   install what is missing, build release, pick seeds on the bundled graph
#   make test   install what is missing, run the test suite
#   make bench  run the benchmarks in Bench/ against their peers
#   make fuzz   build the libFuzzer targets in Tests/Fuzz/ with address sanitizer and run each for
#               FUZZ_SECONDS (default 60); fails on any crash (see Tests/Fuzz/README.md)
SHELL := /bin/bash
SWIFT ?= swift
DEMO_GRAPH ?= Graphs/demo.txt
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build release demo test bench fuzz fuzz-build clean

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

# Fuzzing: its own package and scratch path, so the sanitized build never mixes with the others.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= FuzzEdgeList FuzzSnapshot FuzzSeedsFile
FUZZ_SCRATCH ?= $(CURDIR)/.build-fuzz
FUZZ_BUILD := $(SWIFT) build --package-path Tests/Fuzz --scratch-path $(FUZZ_SCRATCH) -c release \
	-Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=address -Xcc -fsanitize=fuzzer-no-link

fuzz-build: deps
	@for target in $(FUZZ_TARGETS); do \
	  echo "== building $$target" >&2; \
	  $(FUZZ_BUILD) --product $$target 2>&1 | grep -v 'Cannot export local symbol' ; \
	  [ $${PIPESTATUS[0]} -eq 0 ] || exit 1; \
	done

fuzz: fuzz-build
	bash Tests/Fuzz/run.sh $(FUZZ_SCRATCH)/release $(FUZZ_SCRATCH) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

clean:
	rm -rf .build $(FUZZ_SCRATCH)
