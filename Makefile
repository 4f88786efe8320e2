# InfluenceKit — the README's commands.
#   make demo   install what is missing, build release, pick seeds on the bundled graph
#   make test   install what is missing, run the test suite (with the MPI equality tests when Open
#               MPI is present), the C interface's test program and the Python suite
#               (python/run-tests.sh; skipped with a reason without Python 3)
#   make mpi    install Open MPI when missing, build infmax with the MPI trait (mpirun -np R …)
#   make python build libinfluencekit.so (release, Swift runtime linked statically) and the wheel
#               python/dist/influencekit-VERSION-py3-none-linux_x86_64.whl
#   make docs   build the DocC catalogue of InfluenceKit offline, warnings as errors, then check
#               that every public symbol has a doc comment (.ci/check-doc-comments.py)
#   make bench  run the benchmarks in Bench/ against their peers
#   make screenshots  open every kind of HTML report in headless Chromium (installed when missing)
#               and save the two screenshots the README shows in Bench/screenshots/
#   make fuzz   build the libFuzzer targets in Tests/Fuzz/ with address sanitizer and run each for
#               FUZZ_SECONDS (default 60); fails on any crash (see Tests/Fuzz/README.md)
SHELL := /bin/bash
SWIFT ?= swift
DEMO_GRAPH ?= Graphs/demo.txt
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps mpi-deps mpi build release demo test test-swift test-c test-python python docs bench fuzz fuzz-build clean screenshots

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

# Static Swift runtime, lld with packed relocations and the functions a run executes laid out
# together (see Bench/build-release.sh): a smaller fixed resident memory per run.
build release: deps
	SWIFT=$(SWIFT) Bench/build-release.sh

demo: release
	@echo "== infmax seeds $(DEMO_GRAPH) --k 10" >&2
	.build/release/infmax seeds $(DEMO_GRAPH) --k 10

test: test-swift test-c test-python

ifeq ($(MPI_AVAILABLE),yes)
test-swift: deps
	$(SWIFT) build --build-tests --traits MPI --scratch-path $(MPI_SCRATCH)
	INFMAX_MPI_BINARY=$(MPI_SCRATCH)/debug/infmax $(SWIFT) test --skip-build --traits MPI --scratch-path $(MPI_SCRATCH)
INFMAX_FOR_TESTS ?= $(MPI_SCRATCH)/debug/infmax
else
test-swift: deps
	@echo "note: Open MPI not found (or MPI=0): the MPI equality tests are skipped (make mpi-deps installs it)" >&2
	$(SWIFT) build --build-tests
	env -u INFMAX_MPI_BINARY $(SWIFT) test --skip-build
endif

# The C interface and the Python package. The shared object is a release build with the Swift
# runtime (and Dispatch, FoundationEssentials) linked in, in its own scratch path so that its
# flags never invalidate the debug build above.
PYTHON ?= python3
CC ?= cc
SO_SCRATCH ?= $(CURDIR)/.build-so
SO_BUILD := $(SWIFT) build -c release --scratch-path $(SO_SCRATCH) --product influencekit -Xswiftc -static-stdlib
PY_PACKAGE := python/src/influencekit
INFMAX_FOR_TESTS ?= $(CURDIR)/.build/debug/infmax

python: deps
	$(SO_BUILD)
	@so="$$($(SO_BUILD) --show-bin-path)/libinfluencekit.so"; \
	if command -v strip >/dev/null 2>&1; then strip --strip-unneeded -o $(PY_PACKAGE)/libinfluencekit.so "$$so"; \
	else cp "$$so" $(PY_PACKAGE)/libinfluencekit.so; fi; \
	echo "libinfluencekit.so: $$(stat -c %s "$$so") bytes built, $$(stat -c %s $(PY_PACKAGE)/libinfluencekit.so) bytes in the wheel" >&2
	@if ! command -v $(PYTHON) >/dev/null 2>&1; then echo "no $(PYTHON): the wheel is not built" >&2; exit 0; fi; \
	rm -f python/dist/influencekit-*.whl; \
	wheel=$$(cd python && $(PYTHON) -c 'import sys; sys.path.insert(0, "build_backend"); import influencekit_build as b; print(b.build_wheel("dist"))') || exit 1; \
	echo "python/dist/$$wheel: $$(stat -c %s python/dist/$$wheel) bytes" >&2; \
	if command -v auditwheel >/dev/null 2>&1; then \
	  auditwheel repair --wheel-dir python/dist python/dist/$$wheel >&2 || echo "auditwheel could not repair the wheel; keeping $$wheel" >&2; \
	fi

test-c: python
	@cc=$$(command -v $(CC) || command -v clang || command -v gcc) || { echo "C test skipped: no C compiler" >&2; exit 0; }; \
	mkdir -p $(SO_SCRATCH) && \
	$$cc -std=c11 -D_DEFAULT_SOURCE -pthread -Wall -Wextra -Werror -I Sources/CInfluenceKit/include Tests/CABI/abi_test.c \
	  -L $(PY_PACKAGE) -linfluencekit -Wl,-rpath,$(CURDIR)/$(PY_PACKAGE) -o $(SO_SCRATCH)/abi_test && \
	$(SO_SCRATCH)/abi_test $(CURDIR)

test-python: python
	INFLUENCEKIT_INFMAX=$(INFMAX_FOR_TESTS) PYTHON=$(PYTHON) bash python/run-tests.sh

# The DocC catalogue (Sources/InfluenceKit/InfluenceKit.docc) and the symbols' doc comments, in
# its own scratch path so that the plugin's build never invalidates the debug build. The plugin
# comes from the package dependencies like any other; nothing is fetched while it runs. Any DocC
# warning (a symbol link that does not resolve, a topic that names nothing) fails the target, and
# so does a public symbol of InfluenceKit without a doc comment. The archive is left in
# $(DOCS_SCRATCH)/plugins/Swift-DocC/outputs/InfluenceKit.doccarchive.
# It needs no network, but it does need the loopback interface: in a network namespace whose
# `lo` is down, Foundation cannot make its wakeup socket pair ("Could not create wakeup socket pair
# for CFSocket") and swift-package may wait forever on the finished Swift_DocC plugin. As a guard,
# a run longer than DOCS_TIMEOUT seconds (a clean one takes 70-100 s here) is stopped and tried
# once more, so a hang fails the target instead of holding CI.
DOCS_SCRATCH ?= $(CURDIR)/.build-docs
DOCS_TIMEOUT ?= 600
DOCS_COMMAND := $(SWIFT) package --scratch-path $(DOCS_SCRATCH) --disable-sandbox generate-documentation \
	--target InfluenceKit --warnings-as-errors
docs: deps
	@status=1; for attempt in 1 2; do \
	  echo "$(DOCS_COMMAND)" >&2; \
	  timeout --kill-after=30 $(DOCS_TIMEOUT) $(DOCS_COMMAND); status=$$?; \
	  [ $$status -eq 124 ] || [ $$status -eq 137 ] || break; \
	  echo "make docs: the documentation plugin did not finish within $(DOCS_TIMEOUT) s (attempt $$attempt of 2)" >&2; \
	done; exit $$status
	$(PYTHON) .ci/check-doc-comments.py $(DOCS_SCRATCH)

bench: release
	bash Bench/run.sh

# The browser test of the reports (ReportBrowserTests), keeping the README's two screenshots.
screenshots: deps
	$(SWIFT) build --build-tests
	mkdir -p Bench/screenshots
	INFMAX_SCREENSHOTS=$(CURDIR)/Bench/screenshots $(SWIFT) test --skip-build --filter ReportBrowserTests
	@ls -l Bench/screenshots/report-seeds.png Bench/screenshots/report-compare-phone.png >&2

# Fuzzing: its own package and scratch path, so the sanitized build never mixes with the others.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= FuzzEdgeList FuzzSnapshot FuzzSeedsFile FuzzAPFile FuzzInvitationFiles FuzzFeaturesAndLabels FuzzNpy FuzzRequest
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
	rm -rf .build $(DOCS_SCRATCH) $(FUZZ_SCRATCH) $(MPI_SCRATCH) $(SO_SCRATCH) python/dist python/.venv $(PY_PACKAGE)/libinfluencekit.so
