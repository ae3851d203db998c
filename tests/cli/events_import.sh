#!/usr/bin/env bash
# Event datasets on the command line: an ACLED-style CSV drawn as dots coloured by category and
# filtered by the timeline; bad rows are counted and named by line; a file that is not an event
# table is one line and exit 2; a workspace keeps its datasets.
. "$(dirname "$0")/lib.bash"
: "${CONFLICTMAP_GEODATA:?}"
cat > "$TMP/e.csv" <<'CSV'
event_date,event_type,sub_event_type,latitude,longitude,geo_precision,time_precision,notes,source
3 March 2016,Explosions/Remote violence,Air/drone strike,35.0,36.0,1,1,A strike.,Agency A
2016-02-30,Battles,Armed clash,35.0,36.5,1,1,Not a day.,Agency B
10 March 2016,Battles,Armed clash,35.0,35.5,1,1,A clash.,Agency B
CSV
printf 'name,age\nAnna,30\n' > "$TMP/people.csv"
# Plate carree over 34..38E, 33..37N at 200x200: 50 pixels a degree, (36E, 35N) at (100, 100).
MAP=(export --no-basemap --no-furniture --projection EPSG:4326 --view 34,33,38,37 --size 200x200)

expect_exit 0 "events, everything" -- "${MAP[@]}" --events "$TMP/e.csv" --out "$TMP/all.png"
expect_err_line "1 rows skipped, the first at line 3: date '2016-02-30' is not a date" "bad row reported"
expect_exit 0 "events before the clash" -- "${MAP[@]}" --events "$TMP/e.csv" --date 2016-03-05 --out "$TMP/before.png"
PYTHONPATH="$(dirname "$0")" /usr/bin/python3 - "$TMP" <<'PY' || fail "event dots: colour by category, filtered by date"
import sys
from png_pixels import load_png
tmp = sys.argv[1]
def px(img, x, y):
    return tuple(img[2][y][4 * x:4 * x + 3])
def near(c, want, tol=40):  # a dot's centre is its category's colour over the paper
    return all(abs(a - b) <= tol for a, b in zip(c, want))
red, orange = (0xe3, 0x1a, 0x1c), (0xff, 0x7f, 0x00)
all_, before = load_png(f"{tmp}/all.png"), load_png(f"{tmp}/before.png")
assert near(px(all_, 100, 100), red), ("airstrike at 36E 35N", px(all_, 100, 100))
assert near(px(all_, 75, 100), orange), ("clash at 35.5E 35N", px(all_, 75, 100))
assert not near(px(all_, 125, 100), orange), "the bad row must not be drawn"
assert near(px(before, 100, 100), red), "the strike of 3 March shows on 5 March"
assert not near(px(before, 75, 100), orange), ("the clash of 10 March must not show on 5 March", px(before, 75, 100))
PY

expect_exit 2 "not an event table" -- "${MAP[@]}" --events "$TMP/people.csv" --out "$TMP/x.png"
expect_err_line "$TMP/people.csv: not an event table" "not an event table"
[ -e "$TMP/x.png" ] && fail "no PNG may be written for bad input"
expect_exit 2 "missing event file" -- "${MAP[@]}" --events "$TMP/nope.csv" --out "$TMP/x.png"
expect_err_line "$TMP/nope.csv" "missing event file"
expect_exit 2 "date field that does not exist" -- "${MAP[@]}" --events "$TMP/e.csv" --date-field when --out "$TMP/x.png"
expect_err_line "no field named 'when'" "unknown --date-field"

# A workspace lists its datasets (relative to the workspace file) and export draws them.
cp "$TMP/e.csv" "$TMP/ws-events.csv"
printf '{"version":1,"events":[{"path":"ws-events.csv"}]}' > "$TMP/w.json"
expect_exit 0 "workspace with events" -- "${MAP[@]}" --workspace "$TMP/w.json" --out "$TMP/ws.png"
cmp -s "$TMP/ws.png" "$TMP/all.png" || fail "the workspace's events should draw as --events does"
finish
