#!/usr/bin/env bash
# export --slide N and --all-slides DIR: the built-in briefing's slides and a workspace's, drawn as
# they were saved (view, time, layers); a slide that does not exist, a folder that cannot be made
# and options that would change a slide are one line and exit 2, and write nothing.
. "$(dirname "$0")/lib.bash"
: "${CMAP_SHARED_DIR:?}"
C=$CMAP_SHARED_DIR/corpus
S=(--size 1600x1000 --corpus "$C")  # the size the briefing's slides were framed for

expect_exit 0 "all slides of the briefing" -- export "${S[@]}" --all-slides "$TMP/deck/nested"
for n in 01 02 03; do
    [ -s "$TMP/deck/nested/slide-$n.png" ] || fail "--all-slides wrote no slide-$n.png"
done
[ "$(ls "$TMP/deck/nested" | wc -l)" -eq 3 ] || fail "--all-slides wrote $(ls "$TMP/deck/nested")"
expect_exit 0 "slide 2" -- export "${S[@]}" --slide 2 --out "$TMP/two.png" --debug-json "$TMP/two.json"
cmp -s "$TMP/two.png" "$TMP/deck/nested/slide-02.png" || fail "--slide 2 differs from slide-02.png of --all-slides"
cmp -s "$TMP/deck/nested/slide-01.png" "$TMP/deck/nested/slide-02.png" && fail "slides 1 and 2 are the same picture"
expect_exit 0 "slide 3" -- export "${S[@]}" --slide 3 --out "$TMP/three.png" --debug-json "$TMP/three.json"
# At another size a slide shows the area it was framed on (the briefing's: 1600x1000).
expect_exit 0 "slide 2, wide" -- export --size 2400x1000 --corpus "$C" --slide 2 --out "$TMP/wide.png" --debug-json "$TMP/wide.json"

expect_exit 2 "a slide the briefing does not have" -- export "${S[@]}" --slide 4 --out "$TMP/four.png"
expect_err_line "--slide 4: the built-in briefing has 3 slides" "slide 4"
[ ! -e "$TMP/four.png" ] || fail "a failed --slide left its PNG"
expect_exit 2 "slide 0" -- export "${S[@]}" --slide 0 --out "$TMP/zero.png"
expect_err_line "--slide" "slide 0"
expect_exit 2 "slide and date" -- export "${S[@]}" --slide 1 --date 2015-09-01 --out "$TMP/x.png"
expect_err_line "--date cannot be combined" "slide and date"
expect_exit 2 "all slides and out" -- export "${S[@]}" --all-slides "$TMP/d2" --out "$TMP/x.png"
expect_err_line "--all-slides" "all slides and out"
expect_exit 2 "neither out nor all slides" -- export "${S[@]}"
expect_err_line "--out" "neither out nor all slides"
touch "$TMP/file"
expect_exit 2 "all slides under a file" -- export "${S[@]}" --all-slides "$TMP/file/deck"
expect_err_line "$TMP/file/deck" "all slides under a file"

# A workspace's slides: the second hides article 001 and shows only what was reported by 2015-09-20.
cat >"$TMP/ws.json" <<EOF2
{"version": 1, "title": "test",
 "articles": [{"path": "$C/001_a8c1fb0f76f8c4dd.txt"}, {"path": "$C/002_e38f60cd9cc7d4be.txt"}],
 "slides": [
  {"title": "everything"},
  {"title": "before the 20th", "view": {"projection": "EPSG:3857", "center_lon": 36, "center_lat": 35, "scale": 2000},
   "timeline": {"mode": "cumulative", "date": "2015-09-20", "window_days": 30},
   "layers": {"article:$C/001_a8c1fb0f76f8c4dd.txt": false}},
  {"title": "framed on 960x600", "view": {"projection": "EPSG:3857", "center_lon": 36, "center_lat": 35, "scale": 2000,
   "width": 960, "height": 600}}]}
EOF2
expect_exit 0 "workspace slide 1" -- export --size 480x300 --workspace "$TMP/ws.json" --slide 1 --out "$TMP/w1.png" --debug-json "$TMP/w1.json"
expect_exit 0 "workspace slide 2" -- export --size 480x300 --workspace "$TMP/ws.json" --slide 2 --out "$TMP/w2.png" --debug-json "$TMP/w2.json"
expect_exit 0 "workspace slide 3" -- export --size 480x300 --workspace "$TMP/ws.json" --slide 3 --out "$TMP/w3.png" --debug-json "$TMP/w3.json"
expect_exit 2 "workspace slide 4" -- export --size 480x300 --workspace "$TMP/ws.json" --slide 4 --out "$TMP/w4.png"
expect_err_line "--slide 4: $TMP/ws.json has 3 slides" "workspace slide 4"
echo '{"version": 1}' >"$TMP/none.json"
expect_exit 2 "a workspace without slides" -- export --size 480x300 --workspace "$TMP/none.json" --all-slides "$TMP/d3"
expect_err_line "has no slides" "a workspace without slides"
[ ! -e "$TMP/d3" ] || fail "a failed --all-slides made its folder"

/usr/bin/python3 - "$TMP" <<'PY' || fail "slide contents"
import json, sys
tmp = sys.argv[1]
bad = []
def load(name): return json.load(open(f"{tmp}/{name}.json"))
def inside(d): return {m["place"] for m in d["mentions"] if m["x"] is not None and 0 <= m["x"] < d["width"] and 0 <= m["y"] < d["height"]}
two, three = load("two"), load("three")
for want in ["North Caucasus", "Central Asia", "Latakia"]:
    if want not in inside(two): bad.append(f"briefing slide 2 lacks {want}: {sorted(inside(two))}")
if inside(three) != {"Moscow", "Moscow Kremlin"}: bad.append(f"briefing slide 3 shows {sorted(inside(three))}")
w1, w2 = load("w1"), load("w2")
if not any("001_" in m["file"] for m in w1["mentions"]): bad.append("workspace slide 1 hides article 001")
if any("001_" in m["file"] for m in w2["mentions"]): bad.append("workspace slide 2 draws its hidden article")
if any(m["date"] and m["date"] > "2015-09-20" for m in w2["mentions"]): bad.append("workspace slide 2 ignores its date")
if "3857" not in w2["projection"]: bad.append(f"workspace slide 2 projection {w2['projection']}")
if abs(w2["view"]["unitsPerPixel"] - 2000) > 1e-6: bad.append(f"workspace slide 2 scale {w2['view']}")
# A slide framed on 960x600 shown at 480x300: the same area, at twice the metres per pixel; one
# without a frame (slide 2) keeps its scale, as files from before frames were kept expect.
w3 = load("w3")
if abs(w3["view"]["unitsPerPixel"] - 4000) > 1e-6: bad.append(f"workspace slide 3 scale {w3['view']}")
# The briefing's slide 2 at 2400x1000: 1600x1000's scale (the height fits), so its places sit at
# the same heights, and half the extra width falls on either side.
wide = load("wide")
if abs(wide["view"]["unitsPerPixel"] - two["view"]["unitsPerPixel"]) > 1e-9: bad.append(f"wide slide 2 scale {wide['view']} vs {two['view']}")
for a, b in zip(two["mentions"], wide["mentions"]):
    if a["x"] is not None and (abs(b["x"] - a["x"] - 400) > 0.01 or abs(b["y"] - a["y"]) > 0.01):
        bad.append(f"wide slide 2 moved {a['place']}: {a['x']},{a['y']} -> {b['x']},{b['y']}"); break
if bad:
    print("\n".join(bad), file=sys.stderr)
    sys.exit(1)
PY
finish
