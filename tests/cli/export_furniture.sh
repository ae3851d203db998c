#!/usr/bin/env bash
# export draws map furniture: --title and --subtitle change only the title's corner, --scale makes
# text and boxes larger by its factor, --no-furniture leaves the map alone; sizes beyond 8K, bad
# scales and unwritable outputs are one line, exit 2, and no file.
. "$(dirname "$0")/lib.bash"

mkdir "$TMP/empty"
# The mentions (Latakia, Homs, Damascus) land in the lower right, away from the title.
V=(--no-basemap --corpus "$TMP/empty" --projection EPSG:3857 --view 28,33,37,40)
expect_exit 0 "title" -- export "${V[@]}" --size 480x320 --title "Alpha" --out "$TMP/a.png"
expect_exit 0 "longer title" -- export "${V[@]}" --size 480x320 --title "Bravo Bravo Bravo" --out "$TMP/b.png"
expect_exit 0 "title at scale 2" -- export "${V[@]}" --size 960x640 --scale 2 --title "Alpha" --out "$TMP/a2.png"
expect_exit 0 "longer title at scale 2" -- export "${V[@]}" --size 960x640 --scale 2 --title "Bravo Bravo Bravo" --out "$TMP/b2.png"
expect_exit 0 "no furniture" -- export "${V[@]}" --size 480x320 --no-furniture --out "$TMP/bare.png"

/usr/bin/python3 - "$TMP" "$(dirname "$0")" <<'PY' || fail "furniture pixel checks"
import sys
sys.path.insert(0, sys.argv[2])
from png_pixels import load_png, diff_box
tmp = sys.argv[1]
bad = []
a, b, a2, b2, bare = (load_png(f"{tmp}/{n}.png") for n in ["a", "b", "a2", "b2", "bare"])
if a2[:2] != (960, 640): bad.append(f"scale 2 image is {a2[:2]}")
box = diff_box(a, b)
# The title sits in the top left corner: another title changes nothing beyond its panel.
if box is None: bad.append("another title changed nothing")
elif box[2] > 240 or box[3] > 120: bad.append(f"another title changed pixels outside its corner: {box}")
box2 = diff_box(a2, b2)
if box and box2:
    ratio = (box2[2] - box2[0]) / max(1, box[2] - box[0])
    if not 1.8 < ratio < 2.2: bad.append(f"title panel at scale 2 is {ratio:.2f} times as wide, expected 2 ({box} vs {box2})")
if diff_box(a, bare) is None: bad.append("--no-furniture drew the same image")
if bad:
    print("\n".join(bad), file=sys.stderr)
    sys.exit(1)
PY

OUT=$TMP/refused.png
expect_refused() {
    local text=$1 what=$2
    shift 3
    expect_exit 2 "$what" -- export "${V[@]}" --out "$OUT" "$@"
    expect_err_line "$text" "$what"
    [ ! -e "$OUT" ] || fail "$what: left $OUT behind"
}
expect_refused "8192 pixels a side" "20000x20000" -- --size 20000x20000
expect_refused "8192 pixels a side" "wider than 8K" -- --size 8193x100
expect_refused "--scale" "scale zero" -- --scale 0
expect_refused "--scale" "scale not a number" -- --scale big
# Unwritable even for root: nothing is left there, not even a temporary file.
expect_exit 2 "unwritable output" -- export "${V[@]}" --size 64x64 --out /proc/conflictmap-test.png
expect_err_line "/proc/conflictmap-test.png" "unwritable output"
[ -z "$(ls /proc | grep conflictmap)" ] || fail "unwritable output: left a file in /proc"
finish
