# InfluenceKit — the README's commands.
#   make demo   install what is missing, build release, pick seeds on the bundled graph
#   make test   install what is missing, run the test suite
#   make mpi    install Open MPI when missing, build infmax with the MPI trait (mpirun -np R …)
#   make bench  run the benchmarks in Bench/ against their peers
#   make fuzz   build the libFuzzer targets in Tests/Fuzz/ with address sanitizer and run each for
#               FUZZ_SECONDS (default 60); fails on any crash (see Tests/Fuzz/README.md)
SHELL := /bin/bash
SWIFT ?= swift
DEMO_GRAPH ?= Graphs/demo.txt
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps mpi-deps mpi build release demo test bench fuzz fuzz-build clean

# Debian packages the build links against; installed only when missing.
deps:
	@if ! pkg-config --exists igraph 2>/dev/null || [ ! -f /usr/include/zlib.h ]; then \
	  echo "installing libigraph-dev, pkg-config, zlib1g-dev ..." >&2; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q libigraph-dev pkg-config zlib1g-dev; \
	fi

# Open MPI (Debian libopenmpi-dev for mpi.h and ompi-c.pc, openmpi-bin for mpirun), for the MPI
# trait only; the default build never needs it.
mpi-deps:
	@if ! pkg-config --exists ompi-c 2>/dev/null || ! command -v mpirun >/dev/null; then \
	  echo "installing libopenmpi-dev, openmpi-bin ..." >&2; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q libopenmpi-dev openmpi-bin; \
	fi

# The MPI build: its own scratch path, so the trait never mixes with the default build.
MPI_SCRATCH ?= $(CURDIR)/.build-traits-mpi
mpi: deps mpi-deps
	$(SWIFT) build -c release --traits MPI --scratch-path $(MPI_SCRATCH) --product infmax
	@echo "built $(MPI_SCRATCH)/release/infmax; run it as: mpirun -np 2 $(MPI_SCRATCH)/release/infmax seeds GRAPH --k 50" >&2

# make test: when mpirun and Open MPI's headers are present (CI installs them: make mpi-deps), the
# suite is built once with the MPI trait (in MPI_SCRATCH) and also runs the MPI equality tests on
# that build's infmax; otherwise, or with MPI=0, it is the default build and those tests are
# skipped with the reason.
MPI ?= auto
MPI_AVAILABLE := $(shell [ "$(MPI)" != 0 ] && command -v mpirun >/dev/null 2>&1 && pkg-config --exists ompi-c 2>/dev/null && echo yes)

build release: deps
	$(SWIFT) build -c release --product infmax

demo: release
	@echo "== infmax seeds $(DEMO_GRAPH) --k 10" >&2
	.build/release/infmax seeds $(DEMO_GRAPH) --k 10

ifeq ($(MPI_AVAILABLE),yes)
test: deps
	$(SWIFT) build --build-tests --traits MPI --scratch-path $(MPI_SCRATCH)
	INFMAX_MPI_BINARY=$(MPI_SCRATCH)/debug/infmax $(SWIFT) test --skip-build --traits MPI --scratch-path $(MPI_SCRATCH)
else
test: deps
	@echo "note: Open MPI not found (or MPI=0): the MPI equality tests are skipped (make mpi-deps installs it)" >&2
	$(SWIFT) build --build-tests
	env -u INFMAX_MPI_BINARY $(SWIFT) test --skip-build
endif

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
	rm -rf .build $(FUZZ_SCRATCH) $(MPI_SCRATCH)
