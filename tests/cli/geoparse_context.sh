#!/usr/bin/env bash
# Context inside a country (issue 12 §4): the sidecar's `place` (the outlet's home town) chooses
# among namesakes; a dateline is a mention with "role": "dateline", in no event and not a feature
# of --geojson. Sentences written for the test, against the real geodata.
. "$(dirname "$0")/lib.bash"
: "${CONFLICTMAP_GEODATA:?}"
D=$TMP/in; mkdir -p "$D"

# springfield_X.txt: the same story from outlets in two towns named Springfield.
for state in Illinois Massachusetts; do
    printf 'The Springfield council voted on Tuesday to close the river bridge.' > "$D/springfield_$state.txt"
    printf '{"published": "2016-05-04", "place": "Springfield, %s"}' "$state" > "$D/springfield_$state.meta.json"
done
expect_exit 0 "articles with a home town" -- geoparse --json "$D/springfield_Illinois.txt" "$D/springfield_Massachusetts.txt"
/usr/bin/python3 - "$TMP/out" <<'PY' || fail "the sidecar's place chooses the Springfield"
import json, sys
arts = {a["file"].rsplit("_", 1)[1]: a for a in json.load(open(sys.argv[1]))["articles"]}
for state, lat in (("Illinois.txt", 39.80), ("Massachusetts.txt", 42.10)):
    m = [m for m in arts[state]["mentions"] if m["text"] == "Springfield"]
    assert len(m) == 1 and m[0]["country"] == "US" and abs(m[0]["lat"] - lat) < 0.2, (state, m)
PY

# The same through --jsonl, and a home town that is not a string.
printf '%s\n' '{"id": "il", "text": "The Springfield council voted on Tuesday.", "place": "Springfield, Illinois"}' \
    '{"id": "bad", "text": "The Springfield council voted.", "place": 7}' > "$D/lines.jsonl"
expect_exit 2 "--jsonl with a home town, and a bad one" -- geoparse --jsonl < "$D/lines.jsonl"
/usr/bin/python3 - "$TMP/out" <<'PY' || fail "--jsonl place"
import json, sys
il, bad = [json.loads(l) for l in open(sys.argv[1])]
assert abs(il["mentions"][0]["lat"] - 39.80) < 0.2, il
assert bad["id"] == "bad" and "place" in bad["error"], bad
PY
printf 'Ships left Tartus.' > "$D/badplace.txt"
printf '{"place": ["Tartus"]}' > "$D/badplace.meta.json"
expect_exit 2 "a home town that is not a string" -- geoparse --json "$D/badplace.txt"
expect_err_line "badplace.meta.json" "a home town that is not a string"

# A dateline: context, not an event.
printf 'KRAMATORSK, Ukraine \xe2\x80\x94 Shells hit the railway station in Sloviansk on Monday.' > "$D/dateline.txt"
expect_exit 0 "an article with a dateline" -- geoparse --json --published 2022-04-12 "$D/dateline.txt"
/usr/bin/python3 - "$TMP/out" <<'PY' || fail "the dateline is a mention of no event"
import json, sys
a = json.load(open(sys.argv[1]))["articles"][0]
roles = [(m["text"], m["role"]) for m in a["mentions"]]
assert roles == [("KRAMATORSK", "dateline"), ("Ukraine", "dateline"), ("Sloviansk", "text")], roles
assert [e["mentions"] for e in a["events"]] == [[2]], a["events"]
assert a["mentions"][0]["date"] == "2022-04-12" and a["mentions"][2]["date"] == "2022-04-11", a["mentions"]
PY
expect_exit 0 "--geojson of an article with a dateline" -- geoparse --geojson --published 2022-04-12 "$D/dateline.txt"
/usr/bin/python3 - "$TMP/out" <<'PY' || fail "the dateline is no feature"
import json, sys
names = [f["properties"]["text"] for f in json.load(open(sys.argv[1]))["features"]]
assert names == ["Sloviansk"], names
PY
finish
