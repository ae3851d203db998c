#!/usr/bin/env bash
# Honest dates (issue 12): every mention and event of geoparse --json, --jsonl and --geojson
# carries `date_first` and `date_last` (inclusive ISO days) beside `date` and `date_precision`,
# and export-data's begin/end (a KML TimeSpan) are that interval, never its first day.
. "$(dirname "$0")/lib.bash"

# Sentences of our own, published on Saturday 10 October 2015.
cat >"$TMP/a.txt" <<'EOF2'
Homs was shelled yesterday.
Convoys reached Latakia last week.
In the 1990s Tartus was a quiet port.
Between 3 and 5 October Homs was hit again.
Since 2011 Damascus has suffered.
EOF2
echo '{"published": "2015-10-10"}' >"$TMP/a.meta.json"
want='[["day","2015-10-09","2015-10-09","2015-10-09"],["week","2015","2015-09-28","2015-10-04"],["decade","1990","1990-01-01","1999-12-31"],["span","2015-10","2015-10-03","2015-10-05"],["span","2011","2011-01-01","2015-10-10"]]'

expect_exit 0 "geoparse --json" -- geoparse --json "$TMP/a.txt"
/usr/bin/python3 - "$TMP/out" "$want" <<'PY' || fail "geoparse --json dates"
import json, sys
doc = json.load(open(sys.argv[1]))["articles"][0]
want = json.loads(sys.argv[2])
for what in ("mentions", "events"):
    got = [[x["date_precision"], x["date"], x["date_first"], x["date_last"]] for x in doc[what]]
    if got != want: raise SystemExit(f"{what}: {got}")
PY

python3 -c 'import json,sys; print(json.dumps({"id": 7, "text": open(sys.argv[1]).read(), "published": "2015-10-10"}))' \
    "$TMP/a.txt" >"$TMP/in.jsonl"
"$BIN" geoparse --jsonl <"$TMP/in.jsonl" >"$TMP/out.jsonl" 2>"$TMP/err" || fail "geoparse --jsonl: exit $?"
/usr/bin/python3 - "$TMP/out.jsonl" "$want" <<'PY' || fail "geoparse --jsonl dates"
import json, sys
doc = json.loads(open(sys.argv[1]).readline())
want = json.loads(sys.argv[2])
got = [[e["date_precision"], e["date"], e["date_first"], e["date_last"]] for e in doc["events"]]
if got != want: raise SystemExit(f"events: {got}")
PY

expect_exit 0 "geoparse --geojson" -- geoparse --geojson "$TMP/a.txt"
/usr/bin/python3 - "$TMP/out" "$want" <<'PY' || fail "geoparse --geojson dates"
import json, sys
fs = json.load(open(sys.argv[1]))["features"]
want = json.loads(sys.argv[2])
got = [[f["properties"][k] for k in ("date_precision", "date", "date_first", "date_last")] for f in fs]
if got != want: raise SystemExit(f"features: {got}")
PY

# Undated: every date field is null, none left out.
printf 'Homs was shelled.\n' >"$TMP/undated.txt"
expect_exit 0 "geoparse --json undated" -- geoparse --json "$TMP/undated.txt"
/usr/bin/python3 - "$TMP/out" <<'PY' || fail "undated fields"
import json, sys
m = json.load(open(sys.argv[1]))["articles"][0]["mentions"][0]
if any(m[k] is not None for k in ("date", "date_precision", "date_first", "date_last")): raise SystemExit(str(m))
PY

# export-data: the KML TimeSpan and the GeoJSON begin/end of the span are its first and last days.
expect_exit 0 "export-data .kml" -- export-data --out "$TMP/a.kml" "$TMP/a.txt"
/usr/bin/python3 - "$TMP/a.kml" <<'PY' || fail "export-data KML TimeSpans"
import re, sys
spans = set(re.findall(r"<TimeSpan>\s*<begin>(\d{4}-\d\d-\d\d)[^<]*</begin>\s*<end>(\d{4}-\d\d-\d\d)[^<]*</end>", open(sys.argv[1]).read()))
for want in [("2015-10-03", "2015-10-05"), ("1990-01-01", "1999-12-31"), ("2015-10-09", "2015-10-09")]:
    if want not in spans: raise SystemExit(f"no TimeSpan {want}: {sorted(spans)}")
PY
expect_exit 0 "export-data .geojson" -- export-data --out "$TMP/a.geojson" "$TMP/a.txt"
/usr/bin/python3 - "$TMP/a.geojson" <<'PY' || fail "export-data GeoJSON begin/end"
import json, sys
spans = {(f["properties"].get("begin"), f["properties"].get("end")) for f in json.load(open(sys.argv[1]))["features"]}
for want in [("2015-10-03", "2015-10-05"), ("2015-09-28", "2015-10-04"), ("2011-01-01", "2015-10-10")]:
    if want not in spans: raise SystemExit(f"no feature with begin/end {want}: {sorted(map(str, spans))}")
PY
finish
