#!/usr/bin/env bash
# Issue 5's performance check: a 4K (3840x2160) PNG of a briefing map, whole process, against
# MapServer (`map2img`, Debian's mapserver-bin) drawing the same layers (admin0 fill and outline,
# admin1 outline, the briefing's mention points) at the same size and extent, from a mapfile this
# script writes. Runs alternate between the two; medians of REPEATS (default 5) are compared.
#   bench/slide_export_vs_mapserver.sh [BUILD_DIR] [REPEATS]
# The map is the built-in briefing at a fixed view in plate carree (EPSG:4326), so that both tools
# draw the very same extent. conflictmap draws more than MapServer here (towns and their labels,
# hatched areas, label placement, the caption): the comparison is at its expense.
set -euo pipefail
build=${1:-build}
repeats=${2:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
command -v map2img >/dev/null || { echo "map2img not found: apt-get install mapserver-bin" >&2; exit 1; }
bin=$(cd "$build" && pwd)/conflictmap
geodata=${CONFLICTMAP_GEODATA:-$here/geodata/out}
geodata=$(cd "$geodata" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
W=3840 H=2160
# 56 x 31.5 degrees: 16:9 like the image, from the eastern Mediterranean to Central Asia and Moscow.
VIEW=(20 27.5 76 59)

# The mention points MapServer draws: the briefing's own, as conflictmap exports them.
"$bin" export-data --out "$tmp/briefing.gpkg" 2>/dev/null
cat >"$tmp/briefing.map" <<EOF
MAP
  NAME "briefing"
  SIZE $W $H
  EXTENT ${VIEW[0]} ${VIEW[1]} ${VIEW[2]} ${VIEW[3]}
  UNITS DD
  IMAGECOLOR 214 226 234
  PROJECTION "init=epsg:4326" END
  OUTPUTFORMAT
    NAME "png"
    DRIVER AGG/PNG
    MIMETYPE "image/png"
    IMAGEMODE RGBA
    EXTENSION "png"
  END
  IMAGETYPE "png"
  SYMBOL NAME "circle" TYPE ELLIPSE FILLED TRUE POINTS 1 1 END END
  LAYER
    NAME "admin0" TYPE POLYGON STATUS ON DATA "$geodata/admin0.shp"
    CLASS STYLE COLOR 242 239 233 END STYLE OUTLINECOLOR 110 110 110 WIDTH 1.2 END END
  END
  LAYER
    NAME "admin1" TYPE LINE STATUS ON DATA "$geodata/admin1.shp"
    CLASS STYLE COLOR 190 190 190 WIDTH 0.6 END END
  END
  LAYER
    NAME "mentions" TYPE POINT STATUS ON CONNECTIONTYPE OGR CONNECTION "$tmp/briefing.gpkg" DATA "mentions"
    CLASS STYLE SYMBOL "circle" SIZE 14 COLOR 214 39 40 OUTLINECOLOR 255 255 255 WIDTH 1.5 END END
  END
END
EOF

# Whole processes, alternating; wall time and CPU time (user + sys of the process and its threads:
# on a shared machine wall time mostly measures the other jobs).
/usr/bin/python3 - "$tmp" "$repeats" "$bin" "${W}x${H}" "$(IFS=,; echo "${VIEW[*]}")" <<'PY'
import os, resource, statistics, struct, subprocess, sys, time
tmp, repeats, binary, size, view = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
runs = {
    "conflictmap export": [binary, "export", "--size", size, "--projection", "EPSG:4326", "--view", view,
                           "--out", f"{tmp}/conflictmap.png"],
    "MapServer map2img": ["map2img", "-m", f"{tmp}/briefing.map", "-o", f"{tmp}/mapserver.png"],
}
def once(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
for cmd in runs.values():
    once(cmd)  # warm the file cache and the gazetteer cache, as a second run would find them
times = {name: [] for name in runs}
for _ in range(repeats):
    for name, cmd in runs.items():
        times[name].append(once(cmd))
def size_of(png):
    return struct.unpack(">II", open(png, "rb").read(24)[16:24])
print(f"images: conflictmap {size_of(tmp + '/conflictmap.png')}, MapServer {size_of(tmp + '/mapserver.png')}")
med = {}
for name, ts in times.items():
    wall, cpu = statistics.median(t[0] for t in ts), statistics.median(t[1] for t in ts)
    med[name] = (wall, cpu)
    print(f"{name:20s} wall {' '.join(f'{t[0]:.2f}' for t in ts)}  median {wall:.2f} s; CPU median {cpu:.2f} s")
(cw, cc), (mw, mc) = med["conflictmap export"], med["MapServer map2img"]
print(f"ratio conflictmap / MapServer: wall {cw / mw:.2f}, CPU {cc / mc:.2f} (target: at most 0.25)")
PY
if [[ -n "${CMAP_BENCH_KEEP:-}" ]]; then cp "$tmp/conflictmap.png" "$tmp/mapserver.png" "$CMAP_BENCH_KEEP"/; fi
