#!/usr/bin/env bash
# conflictmap setup: installs the Debian packages and the geodata, builds, then runs.
#   ./setup.sh [run] [ARGS...]   set up what the program needs, build, open the viewer (on the
#                                built-in briefing)
#   ./setup.sh test              the same plus what the tests and benchmarks need
#                                (scripts/debian-packages-test.txt), build with the tests, run
#                                every test (the viewer's under xvfb-run), then the same tests
#                                built with ASan + UBSan and a short fuzz run (CI)
#   ./setup.sh build             set up and build only
# Idempotent: each step skips what is already done. Needs root (or sudo) only to install
# missing packages.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
action=${1:-run}
[ $# -gt 0 ] && shift

say() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 2; }

# Installs the packages of the lists given (scripts/debian-packages*.txt) that are missing.
install_packages() {
    local wanted missing=()
    wanted=$(cat "$@" | grep -vE '^\s*(#|$)')
    for p in $wanted; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    command -v npm >/dev/null || missing+=(npm)
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo=(sudo)
        else die "these Debian packages are missing and installing them needs root: ${missing[*]} (run: sudo apt-get install ${missing[*]})"; fi
    fi
    say "installing ${#missing[@]} Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -q >/dev/null
    "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}

build_geodata() {
    bash geodata/fetch_sources.sh "$ROOT/.cache/sources"
    /usr/bin/python3 geodata/build_geodata.py --sources "$ROOT/.cache/sources" --out "$ROOT/geodata/out"
}

# build TESTS: builds build/, configured with the test suite when TESTS is ON (doctest comes with
# the test packages only); OFF leaves a build that has the tests as it is.
build() {
    if [ ! -f build/CMakeCache.txt ]; then
        say "configuring build/"
        cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAP_BUILD_TESTS="$1" >/dev/null
    elif [ "$1" = ON ] && ! grep -qx "CMAP_BUILD_TESTS:BOOL=ON" build/CMakeCache.txt; then
        cmake build -DCMAP_BUILD_TESTS=ON >/dev/null
    fi
    say "building"
    cmake --build build -j"$(nproc)"
}

# The sanitize preset: clang with ASan + UBSan and libFuzzer's coverage, so one more build tree
# serves both the sanitized test suite and the fuzzers.
build_sanitized() {
    if [ ! -f build-sanitize/CMakeCache.txt ]; then
        say "configuring build-sanitize/ (clang, ASan + UBSan, fuzzers)"
        cmake --preset sanitize >/dev/null
    fi
    say "building build-sanitize/"
    cmake --build build-sanitize -j"$(nproc)"
}

if [ "$action" = test ]; then
    install_packages scripts/debian-packages.txt scripts/debian-packages-test.txt
    build_geodata
    build ON
else
    install_packages scripts/debian-packages.txt
    build_geodata
    build OFF
fi

case "$action" in
run)
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
        # An invisible window would run forever: show what it would have shown instead.
        shot="$ROOT/build/briefing.png"
        xvfb-run -a -s "-screen 0 1600x1000x24" build/conflictmap view --screenshot "$shot" --frames 20 "$@"
        say "no display here, so the viewer cannot open; a screenshot of it is in $shot"
        say "on a desktop session, run ./setup.sh again (or build/conflictmap) to open it"
        exit 0
    fi
    exec build/conflictmap "$@" ;;
test)
    # No X server: the CLI and the render tests draw through EGL with no display; the viewer's
    # tests start their own (tests/CMakeLists.txt).
    ctest --test-dir build --output-on-failure "$@"
    build_sanitized
    say "the tests again under ASan + UBSan"
    ctest --preset sanitize "$@"
    say "fuzzing each target for 20 s from its seed corpus"
    exec scripts/fuzz.sh 20 ;;
build) ;;
*) die "unknown action '$action' (expected run, test or build)" ;;
esac
