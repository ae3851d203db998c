#!/usr/bin/env bash
# Issue 5's performance check: a 4K (3840x2160) PNG of a briefing map, whole process, against
# MapServer (`map2img`, Debian's mapserver-bin) drawing the same layers (admin0 fill and outline,
# admin1 outline, the briefing's mention points) at the same size and extent, from a mapfile this
# script writes. Runs alternate between the two; medians of REPEATS (default 5) are compared.
#   bench/slide_export_vs_mapserver.sh [BUILD_DIR] [REPEATS]
# The map is the built-in briefing at a fixed view in plate carree (EPSG:4326), so that both tools
# draw the very same extent. conflictmap draws more than MapServer here (towns and their labels,
# hatched areas, label placement, the caption): the comparison is at its expense.
# Needs an X server for conflictmap: runs itself under xvfb-run when DISPLAY is unset.
set -euo pipefail
build=${1:-build}
repeats=${2:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
if [[ -z "${DISPLAY:-}" ]]; then exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$@"; fi
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

cm() { "$bin" export --size ${W}x${H} --projection EPSG:4326 --view "$(IFS=,; echo "${VIEW[*]}")" --out "$tmp/conflictmap.png"; }
ms() { map2img -m "$tmp/briefing.map" -o "$tmp/mapserver.png" >/dev/null; }
seconds() { local t0 t1; t0=$(date +%s.%N); "$@"; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }
cm 2>/dev/null; ms  # warm the file cache and the gazetteer cache for both, as a second run would be
cms=() mss=()
for ((i = 1; i <= repeats; i++)); do
  cms+=("$(seconds cm 2>/dev/null)")
  mss+=("$(seconds ms)")
done
/usr/bin/python3 - "$tmp" "${cms[*]}" "${mss[*]}" <<'PY'
import statistics, struct, sys
tmp, cm, ms = sys.argv[1], [float(x) for x in sys.argv[2].split()], [float(x) for x in sys.argv[3].split()]
def size(png):
    head = open(png, "rb").read(24)
    return struct.unpack(">II", head[16:24])
print(f"images: conflictmap {size(tmp + '/conflictmap.png')}, MapServer {size(tmp + '/mapserver.png')}")
print("conflictmap export, s: " + " ".join(f"{x:.2f}" for x in cm) + f"  median {statistics.median(cm):.2f}")
print("MapServer map2img, s:  " + " ".join(f"{x:.2f}" for x in ms) + f"  median {statistics.median(ms):.2f}")
r = statistics.median(cm) / statistics.median(ms)
print(f"ratio conflictmap / MapServer: {r:.2f} (target: at most 0.25)")
PY
if [[ -n "${CMAP_BENCH_KEEP:-}" ]]; then cp "$tmp/conflictmap.png" "$tmp/mapserver.png" "$CMAP_BENCH_KEEP"/; fi
