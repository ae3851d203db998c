#!/usr/bin/env bash
# Builds the libFuzzer targets (cmake --preset fuzz: clang-14, ASan + UBSan) and runs each for
# SECONDS, starting from its seed corpus fuzz/corpus/NAME.
#   scripts/fuzz.sh [SECONDS] [NAME...]      (default 25 s each, every fuzz/fuzz_NAME.cpp)
# New inputs the fuzzer finds go to build-fuzz/corpus/NAME (not the repository). A crash, a
# failed property, a leak or a hang fails the run and leaves its input in build-fuzz/crashes/;
# once fixed, copy that input into fuzz/corpus/NAME so every ctest run replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-25}
[ $# -gt 0 ] && shift
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
    for f in fuzz/fuzz_*.cpp; do n=${f#fuzz/fuzz_}; names+=("${n%.cpp}"); done
fi

[ -f build-fuzz/CMakeCache.txt ] || cmake --preset fuzz >/dev/null
cmake --build build-fuzz --target "${names[@]/#/fuzz_}" >/dev/null

status=0
mkdir -p build-fuzz/crashes
for n in "${names[@]}"; do
    mkdir -p "build-fuzz/corpus/$n"
    log=build-fuzz/fuzz-$n.log
    if build-fuzz/fuzz/fuzz_$n "build-fuzz/corpus/$n" "fuzz/corpus/$n" -max_total_time="$secs" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="build-fuzz/crashes/$n-" >"$log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
        echo "fuzz $n: ${runs:-?} inputs in ${secs} s, no crash"
    else
        status=1
        echo "fuzz $n: FAILED; the input is in build-fuzz/crashes/, the log in $log:" >&2
        grep -v '^#' "$log" | tail -n 40 >&2
    fi
done
exit $status
