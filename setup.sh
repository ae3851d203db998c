#!/usr/bin/env bash
# conflictmap setup: installs the Debian packages and the geodata, builds, then runs.
#   ./setup.sh [run] [ARGS...]   set up what the program needs, build, open the viewer (on the
#                                built-in briefing)
#   ./setup.sh test              the same plus what the tests and benchmarks need
#                                (scripts/debian-packages-test.txt), build with the tests, run
#                                every test (the viewer's under xvfb-run), then the core's tests
#                                and the CLI built without the GUI, then every test built with
#                                warnings as errors and ASan + UBSan, and a short fuzz run (CI)
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

# Stage times, printed last (also when a stage fails), so that the tail of a CI log says where
# its time went.
stage_times=() stage_name="" stage_start=0
end_stage() {
    [ -n "$stage_name" ] && stage_times+=("$(printf '%-44s %5d s' "$stage_name$1" $((SECONDS - stage_start)))")
    stage_name=""
}
stage() { end_stage ""; stage_name=$1; stage_start=$SECONDS; }
report_stages() {
    local rc=$?
    end_stage "$([ "$rc" -ne 0 ] && echo ' (failed)')"
    [ "$action" = test ] && [ ${#stage_times[@]} -gt 0 ] && { say "stage times:"; printf '  %s\n' "${stage_times[@]}" >&2; }
    return "$rc"
}
trap report_stages EXIT

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
        cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAP_BUILD_TESTS="$1" "${launcher[@]}" >/dev/null
    elif [ "$1" = ON ] && ! grep -qx "CMAP_BUILD_TESTS:BOOL=ON" build/CMakeCache.txt; then
        cmake build -DCMAP_BUILD_TESTS=ON >/dev/null
    fi
    say "building"
    cmake --build build -j"$(nproc)"
}

# The dev preset: clang with warnings as errors, ASan + UBSan and libFuzzer's coverage, so one
# more build tree serves the sanitized test suite and the fuzzers.
build_dev() {
    if [ ! -f build-dev/CMakeCache.txt ]; then
        say "configuring build-dev/ (clang, warnings as errors, ASan + UBSan, fuzzers)"
        cmake --preset dev "${launcher[@]}" >/dev/null
    fi
    say "building build-dev/"
    cmake --build build-dev -j"$(nproc)"
}

# The GUI-less preset: the core, the scene and the command line built without GL, GLFW or ImGui,
# which proves the layering holds in the build, not by habit. Its objects are the release
# build's (ccache), so it costs the command line's own files and a link.
build_gui_less() {
    if [ ! -f build-gui-less/CMakeCache.txt ]; then
        say "configuring build-gui-less/ (no GL, GLFW or ImGui)"
        cmake --preset gui-less "${launcher[@]}" >/dev/null
    fi
    say "building build-gui-less/"
    cmake --build build-gui-less -j"$(nproc)" --target conflictmap cmap_tests
}

# The test set-up compiles three trees; ccache (a test package) lets the GUI-less tree reuse the
# release tree's objects. The working folder is left out of its keys, so two build folders share.
launcher=()
if [ "$action" = test ]; then
    stage "packages"
    install_packages scripts/debian-packages.txt scripts/debian-packages-test.txt
    launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    export CCACHE_NOHASHDIR=1 CCACHE_BASEDIR="$ROOT"
    stage "geodata"
    build_geodata
    stage "release build"
    build ON
else
    stage "packages"
    install_packages scripts/debian-packages.txt
    stage "geodata"
    build_geodata
    stage "build"
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
    stage "release tests"
    ctest --test-dir build --output-on-failure "$@"
    stage "GUI-less build"
    build_gui_less
    say "the core's tests and the command line without the GUI"
    stage "GUI-less tests"
    ctest --preset gui-less -R '^(unit|layering|cli_geoparse.*|cli_gazetteer.*|cli_gui_less)$' "$@"
    stage "dev build (clang, -Werror, ASan + UBSan)"
    build_dev
    say "the tests again under ASan + UBSan"
    stage "dev tests"
    ctest --preset dev "$@"
    say "fuzzing each target for 20 s from its seed corpus"
    stage "fuzzing"
    scripts/fuzz.sh 20 ;;
build) ;;
*) die "unknown action '$action' (expected run, test or build)" ;;
esac
