# Entry points for a fresh Debian 12 machine. `make run`: set-up + the 1BRC
# demo; `make test`: set-up, build, ctest.
BUILD ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all deps configure build test run test-asan bench fuzz install clean

all: build

deps:
	@scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS) > /dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

test: build
	@ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# The sanitizer preset (CMakePresets.json "asan"): ASan + UBSan + LeakSanitizer
# over the whole ctest suite, in build-asan.
test-asan: deps
	@cmake --preset asan > /dev/null
	@cmake --build --preset asan -j $(JOBS)
	@ctest --preset asan -j $(JOBS)

run: build
	@scripts/run-demo.sh $(BUILD)

bench: build
	@benchmarks/run.sh $(BUILD)

fuzz:
	@SEMA_WITH_FUZZ=1 scripts/install-deps.sh
	@scripts/fuzz.sh

install: build
	@cmake --install $(BUILD) --prefix $(or $(PREFIX),/usr/local)

clean:
	rm -rf $(BUILD) build-asan build-fuzz
