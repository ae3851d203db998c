#!/usr/bin/env bash
# The 4K peer scene (issues 5 and 14): a 4K (3840x2160) PNG of a briefing map, whole process,
# against MapServer (`map2img`, Debian's mapserver-bin) drawing the same layers (admin0 fill and
# outline, admin1 outline, the briefing's mention points) at the same size and extent, from a
# mapfile this script writes. Runs alternate between the two; medians of REPEATS (default 5) of
# wall time, CPU time, peak memory and the in-process drawing and encoding are compared.
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
  CONFIG "MS_ERRORFILE" "stderr"
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

# Whole processes, alternating: wall time, CPU time (user + sys of the process and its threads: on
# a shared machine wall time mostly measures the other jobs) and peak RSS. Then the time inside
# each process from the scene to the file: conflictmap's drawing and PNG encoding (its -v progress
# lines, "rendering" to "wrote"), MapServer's msDrawMap and msSaveImage (its timing debug lines).
/usr/bin/python3 - "$tmp" "$repeats" "$bin" "${W}x${H}" "$(IFS=,; echo "${VIEW[*]}")" <<'PY'
import os, re, statistics, struct, subprocess, sys, time
tmp, repeats, binary, size, view = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
runs = {
    "conflictmap export": [binary, "-v", "export", "--size", size, "--projection", "EPSG:4326", "--view", view,
                           "--out", f"{tmp}/conflictmap.png"],
    "MapServer map2img": ["map2img", "-m", f"{tmp}/briefing.map", "-o", f"{tmp}/mapserver.png", "-all_debug", "2"],
}
def inside(name, err):
    """Seconds from the scene to the written file, as the tool itself reports them."""
    if name.startswith("conflictmap"):
        t = {k: float(v) for k, v in re.findall(r"export: (rendering|wrote) .*\(([0-9.]+) s\)", err)}
        return t["wrote"] - t["rendering"]
    draw = re.search(r"msDrawMap\(\) total time: ([0-9.]+)s", err)
    save = re.search(r"msSaveImage\(\S*\) total time: ([0-9.]+)s", err)
    return float(draw.group(1)) + (float(save.group(1)) if save else 0)
def once(name, cmd):
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    if status != 0: sys.exit(f"{name} failed: {err[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, inside(name, err)
for name, cmd in runs.items():
    once(name, cmd)  # warm the file cache and the caches of the gazetteer and basemap, as a second run finds them
times = {name: [] for name in runs}
for _ in range(repeats):
    for name, cmd in runs.items():
        times[name].append(once(name, cmd))
def size_of(png):
    return struct.unpack(">II", open(png, "rb").read(24)[16:24])
print(f"images: conflictmap {size_of(tmp + '/conflictmap.png')}, MapServer {size_of(tmp + '/mapserver.png')}")
med = {}
for name, ts in times.items():
    med[name] = [statistics.median(t[k] for t in ts) for k in range(4)]
    wall, cpu, rss, draw = med[name]
    print(f"{name:20s} wall {' '.join(f'{t[0]:.2f}' for t in ts)}  median {wall:.2f} s; CPU median {cpu:.2f} s; "
          f"peak RSS median {rss:.0f} MB; draw + encode median {draw:.3f} s")
c, m = med["conflictmap export"], med["MapServer map2img"]
print(f"ratio conflictmap / MapServer: wall {c[0] / m[0]:.2f} (target: at most 1.0), CPU {c[1] / m[1]:.2f}, "
      f"peak RSS {c[2] / m[2]:.2f} (target: at most 2), draw + encode {c[3] / m[3]:.2f} (target: at most 0.25)")
PY
if [[ -n "${CMAP_BENCH_KEEP:-}" ]]; then cp "$tmp/conflictmap.png" "$tmp/mapserver.png" "$CMAP_BENCH_KEEP"/; fi
