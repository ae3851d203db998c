#!/usr/bin/env bash
# A workspace refers to the articles beside or below it by relative paths: copied with them to
# another folder, it opens there and exports the same image. --min-confidence leaves out the
# mentions below it, in export and export-data alike.
. "$(dirname "$0")/lib.bash"

mkdir -p "$TMP/brief/articles"
cat >"$TMP/brief/articles/patrol.txt" <<'TXT'
A patrol left Homs for Palmyra on 3 September 2015. Aircraft were seen over Latakia the next day.
TXT
echo '{"title": "Patrol", "published": "2015-09-05"}' >"$TMP/brief/articles/patrol.meta.json"
cat >"$TMP/brief/w.json" <<'JSON'
{"version": 1, "title": "Patrol", "articles": [{"path": "articles/patrol.txt", "published": null}],
 "corrections": [], "layers": {"article:articles/patrol.txt": {"rgba": 1181116159}}}
JSON

expect_exit 0 "export from the workspace's own folder" -- export --workspace "$TMP/brief/w.json" --size 400x300 \
    --no-basemap --out "$TMP/here.png"
cp -r "$TMP/brief" "$TMP/copy"
rm -r "$TMP/brief"
(cd / && "$BIN" export --workspace "$TMP/copy/w.json" --size 400x300 --no-basemap --out "$TMP/there.png") \
    2>"$TMP/err" || fail "export of the copied workspace: $(head -c 300 "$TMP/err")"
cmp -s "$TMP/here.png" "$TMP/there.png" || fail "the copied workspace exports a different image"

# The threshold: every mention at 0, none above 1's confidence.
W=(--workspace "$TMP/copy/w.json" --size 400x300 --no-basemap)
expect_exit 0 "export with every mention" -- export "${W[@]}" --out "$TMP/all.png" --debug-json "$TMP/all.json"
expect_exit 0 "export above 0.999" -- export "${W[@]}" --min-confidence 0.999 --out "$TMP/few.png" --debug-json "$TMP/few.json"
/usr/bin/python3 - "$TMP" <<'PY' || fail "--min-confidence leaves the weaker mentions off the map"
import json, sys
t = sys.argv[1]
def n(name):
    return len(json.load(open(f"{t}/{name}.json"))["mentions"])
assert n("all") >= 3, n("all")
assert n("few") < n("all"), (n("few"), n("all"))
PY
expect_exit 0 "export-data with every mention" -- export-data --workspace "$TMP/copy/w.json" --out "$TMP/all.geojson"
expect_exit 0 "export-data above 0.999" -- export-data --workspace "$TMP/copy/w.json" --min-confidence 0.999 --out "$TMP/few.geojson"
/usr/bin/python3 - "$TMP" <<'PY' || fail "export-data --min-confidence"
import json, sys
t = sys.argv[1]
def n(name):
    return sum(1 for f in json.load(open(f"{t}/{name}.geojson"))["features"] if "text_start" in f["properties"])
assert n("few") < n("all"), (n("few"), n("all"))
PY
expect_exit 2 "a threshold out of range" -- export "${W[@]}" --min-confidence 2 --out "$TMP/x.png"
expect_err_line "--min-confidence: '2' is not a number from 0 to 1" "a threshold out of range"
finish
