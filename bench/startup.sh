#!/usr/bin/env bash
# Start-up, whole process (issue 14's bars: each at most 0.5 s wall on a quiet machine), for two
# builds in alternating runs, so that load drifts hit both alike:
#   export 1080p   `export --size 1920x1080` of the seed articles (shared/corpus/*.txt), no X
#   briefing 1080p `export --size 1920x1080` of the built-in briefing, no X
#   viewer         `view --frames 1 --screenshot` at 1920x1080 on the built-in briefing, from start
#                  to its first frame written (one Xvfb for all the runs, started before them)
# Medians of REPEATS (default 7) of wall time, CPU time (user + sys of the process and its
# threads) and peak RSS, and the median of the per-round ratios B/A (same-round pairs).
#   bench/startup.sh BIN_A [BIN_B] [REPEATS]     CMAP_CORPUS=DIR (default ../shared/corpus)
# BIN is a conflictmap executable (or a build folder holding one). The machine is shared: compare
# the ratios of one run, not figures across runs.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
if [[ -z "${DISPLAY:-}" ]]; then exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$@"; fi
[[ $# -ge 1 ]] || { echo "usage: bench/startup.sh BIN_A [BIN_B] [REPEATS]" >&2; exit 1; }
binary() { if [[ -d "$1" ]]; then realpath "$1/conflictmap"; else realpath "$1"; fi; }
a=$(binary "$1")
b=${2:+$(binary "$2")}
repeats=${3:-7}
corpus=${CMAP_CORPUS:-$here/../shared/corpus}
# Both builds read the same geodata (the viewer's console shows its path, which is in its image)
# and the same briefing articles: a binary copied out of its build folder finds neither itself.
export CONFLICTMAP_GEODATA=${CONFLICTMAP_GEODATA:-$here/geodata/out}
export CONFLICTMAP_CORPUS=${CONFLICTMAP_CORPUS:-$corpus}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 - "$tmp" "$repeats" "$corpus" "$a" ${b:+"$b"} <<'PY'
import glob, os, statistics, subprocess, sys, time
tmp, repeats, corpus, bins = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
articles = sorted(glob.glob(os.path.join(corpus, "*.txt")))
if not articles: sys.exit(f"{corpus}: no articles (*.txt)")
headless = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
cases = {
    "export 1080p articles": (lambda b, o: [b, "export", "--size", "1920x1080", "--out", o] + articles, headless),
    "export 1080p briefing": (lambda b, o: [b, "export", "--size", "1920x1080", "--out", o], headless),
    "viewer first frame": (lambda b, o: [b, "view", "--frames", "1", "--no-recover", "--size", "1920x1080",
                                         "--screenshot", o], dict(os.environ)),
}
def once(cmd, env):
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    if status != 0: sys.exit(f"{' '.join(cmd[:3])}... failed: {err[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024
labels = ["A", "B"][:len(bins)]
for b in bins: print(f"{labels[bins.index(b)]}: {b}")
print(f"load average before: {os.getloadavg()[0]:.2f}; medians of {repeats} rounds, each round A then B then B then A alternately")
for name, (make, env) in cases.items():
    outs = [f"{tmp}/{l}.png" for l in labels]
    for i, b in enumerate(bins): once(make(b, outs[i]), env)  # warm the file cache and the caches
    res = {l: [] for l in labels}
    for r in range(repeats):
        order = list(range(len(bins))) if r % 2 == 0 else list(reversed(range(len(bins))))
        for i in order: res[labels[i]].append(once(make(bins[i], outs[i]), env))
    line = f"{name:22s}"
    for l in labels:
        w, c, m = (statistics.median(t[k] for t in res[l]) for k in range(3))
        line += f"  {l}: wall {w:.2f} s, CPU {c:.2f} s, peak {m:.0f} MB"
    print(line)
    if len(bins) == 2:
        ratio = lambda k: statistics.median(bt[k] / at[k] for at, bt in zip(res["A"], res["B"]))
        same = open(outs[0], "rb").read() == open(outs[1], "rb").read()
        print(f"{'':22s}  B/A: wall {ratio(0):.2f}, CPU {ratio(1):.2f}, peak {ratio(2):.2f}; images "
              f"{'identical' if same else 'DIFFER'}")
PY
