#!/usr/bin/env bash
# Builds the libFuzzer targets (cmake --preset dev: clang-14, warnings as errors, ASan + UBSan) and runs each
# for SECONDS, starting from its seed corpus fuzz/corpus/NAME. `./setup.sh test` runs it (CI).
#   scripts/fuzz.sh [SECONDS] [NAME...]      (default 25 s each, every fuzz/fuzz_NAME.cpp)
# New inputs the fuzzer finds go to build-dev/corpus/NAME (not the repository). A crash, a
# failed property, a leak or a hang fails the run and leaves its input in build-dev/crashes/
# (and in the log as base64, for a CI machine that is gone); once fixed, copy that input into
# fuzz/corpus/NAME so every ctest run replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-25}
[ $# -gt 0 ] && shift
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
    for f in fuzz/fuzz_*.cpp; do n=${f#fuzz/fuzz_}; names+=("${n%.cpp}"); done
fi

out=build-dev
[ -f $out/CMakeCache.txt ] || cmake --preset dev >/dev/null
cmake --build $out --target "${names[@]/#/fuzz_}" >/dev/null

status=0
mkdir -p $out/crashes
for n in "${names[@]}"; do
    mkdir -p "$out/corpus/$n"
    log=$out/fuzz-$n.log
    if $out/fuzz/fuzz_$n "$out/corpus/$n" "fuzz/corpus/$n" -max_total_time="$secs" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$out/crashes/$n-" >"$log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
        echo "fuzz $n: ${runs:-?} inputs in ${secs} s, no crash"
    else
        status=1
        echo "fuzz $n: FAILED; the input is in $out/crashes/, the log in $log:" >&2
        grep -v '^#' "$log" | tail -n 40 >&2
        for f in $(sed -n 's/.*Test unit written to //p' "$log"); do
            [ "$(stat -c %s "$f")" -le 65536 ] && echo "fuzz $n: $f as base64: $(base64 -w0 "$f")" >&2
        done
    fi
done
exit $status
