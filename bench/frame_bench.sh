#!/usr/bin/env bash
# Frame times while scrubbing the timeline (issue 4, "Performance"): mean/median/p95/max.
#   bench/frame_bench.sh [BUILD_DIR] [REPEATS]
# 1. The viewer itself at 1920x1080 (window with panels, map area ~1180x860) on the built-in
#    briefing, stepping the timeline a day per frame (`view --scrub --timings`).
# 2. The viewer at 1920x1080 with 1,000,000 synthetic ACLED-style events (bench/make_events.py;
#    CMAP_BENCH_EVENTS to change the count, 0 to skip), scrubbing from 2018-03-01 in cumulative
#    mode (issue 6, "Scale": no frame over 50 ms), with the process's peak memory. The CSV is made
#    once and kept in $TMPDIR.
# 3. The map alone at the full 1920x1080 (CMAP_BENCH_SIZE to change): the seed briefing, and
#    100,000 synthetic dated events (scene made directly, and through buildMapScene), from the
#    skipped "bench:" case in the render-test binary (tests/render/frame_bench.cpp); and the Mentions
#    panel's own frame with 5,000 mentions loaded (tests/ui/mentions_bench.cpp).
# Needs an X server: runs itself under xvfb-run when DISPLAY is unset. The machine is shared and
# noisy: compare runs made back to back, by ratio, and repeat (REPEATS, default 1).
set -euo pipefail
build=${1:-build-perf}
repeats=${2:-1}
here=$(cd "$(dirname "$0")/.." && pwd)
if [[ -z "${DISPLAY:-}" ]]; then exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$@"; fi
events=${CMAP_BENCH_EVENTS:-1000000}
csv="${TMPDIR:-/tmp}/cmap_bench_events_$events.csv"
if ((events > 0)) && [[ ! -s "$csv" ]]; then
  python3 "$here/bench/make_events.py" "$events" "$csv.part" && mv "$csv.part" "$csv"
fi
for ((i = 1; i <= repeats; i++)); do
  echo "== run $i: viewer 1920x1080, seed briefing, scrubbing"
  "$build/conflictmap" view --timings --scrub --size 1920x1080 --frames "${CMAP_BENCH_FRAMES:-60}" \
    --date 2015-08-01 --no-recover --screenshot "${TMPDIR:-/tmp}/frame_bench_view.png" 2>/dev/null |
    grep -E '^(frames|map redrawn)'
  if ((events > 0)); then
    echo "== run $i: viewer 1920x1080, $events events, scrubbing"
    /usr/bin/time -f 'peak memory %M KiB' -o "${TMPDIR:-/tmp}/frame_bench_time.txt" \
      "$build/conflictmap" view --events "$csv" --timings --scrub --size 1920x1080 \
      --frames "${CMAP_BENCH_FRAMES:-60}" --date 2018-03-01 --no-recover \
      --screenshot "${TMPDIR:-/tmp}/frame_bench_events.png" 2>/dev/null | grep -E '^(frames|map redrawn)'
    cat "${TMPDIR:-/tmp}/frame_bench_time.txt"
  fi
  echo "== run $i: map alone, ${CMAP_BENCH_SIZE:-1920x1080}"
  (cd "$here" && "$build/tests/cmap_render_tests" --no-skip -tc='bench:*' --no-version 2>&1) |
    grep -vE '^\[doctest\]|^=+$|^$'
done
